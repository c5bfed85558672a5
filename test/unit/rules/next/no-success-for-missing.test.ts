// The rule under the Next.js adapter: a lookup that found nothing answered with 200; the fix
// sends 404 through the init.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const nullData = route("export async function GET(request, { params }) {\n  const user = await prisma.user.findUnique({ where: { id: (await params).id } });\n  if (!user) {\n    return NextResponse.json({ data: null });\n  }\n  return NextResponse.json(user);\n}");
const message = route("export async function GET(request, { params }) {\n  const post = await db.post.findFirst({ where: { slug: (await params).slug } });\n  if (!post) return NextResponse.json({ message: 'Post not found' }, { status: 200 });\n  return NextResponse.json(post);\n}");
const empty = route("export async function GET(request, { params }) {\n  const order = await db.order.findUnique({ where: { id: (await params).id } });\n  if (!order) return new Response(null);\n  return Response.json(order);\n}");

ruleTests(
  'no-success-for-missing',
  {
    valid: [
      route("export async function GET(request, { params }) {\n  const user = await prisma.user.findUnique({ where: { id: (await params).id } });\n  if (!user) return NextResponse.json({ error: 'No such user' }, { status: 404 });\n  return NextResponse.json(user);\n}"),
      // A list that is empty is an answer.
      route("export async function GET() {\n  const users = await prisma.user.findMany();\n  return NextResponse.json(users);\n}"),
      "import { notFound } from 'next/navigation';\n\nexport async function GET(request, { params }) {\n  const user = await getUserById((await params).id);\n  if (!user) notFound();\n  return Response.json(user);\n}\n",
    ],
    invalid: [
      {
        code: nullData,
        at: 'return «NextResponse.json({ data: null })»',
        output: nullData.replace('NextResponse.json({ data: null })', "NextResponse.json({ error: 'User not found' }, { status: 404 })"),
      },
      {
        code: message,
        at: '{ status: «200» }',
        output: message.replace('{ status: 200 }', '{ status: 404 }'),
      },
      {
        code: empty,
        at: 'return «new Response(null)»',
        output: empty.replace('new Response(null)', "Response.json({ error: 'Order not found' }, { status: 404 })"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
