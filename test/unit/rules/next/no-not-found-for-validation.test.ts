// The rule under the Next.js adapter: a 404 for missing input (the body read with request.json(),
// the query with searchParams.get).
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const query = route("export async function GET(request) {\n  const q = request.nextUrl.searchParams.get('q');\n  if (!q) {\n    return NextResponse.json({ error: 'q is required' }, { status: 404 });\n  }\n  return NextResponse.json(await search(q));\n}");
const body = route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) return new Response('email is required', { status: 404 });\n  return NextResponse.json(await invite(email), { status: 201 });\n}");
const direct = route("export async function GET(request) {\n  if (!request.nextUrl.searchParams.get('from')) return Response.json({ error: 'from is required' }, { status: 404 });\n  return Response.json(await report(request.nextUrl.searchParams.get('from')));\n}");

ruleTests(
  'no-not-found-for-validation',
  {
    valid: [
      route("export async function GET(request, { params }) {\n  const user = await prisma.user.findUnique({ where: { id: (await params).id } });\n  if (!user) return NextResponse.json({ error: 'No such user' }, { status: 404 });\n  return NextResponse.json(user);\n}"),
      route("export async function GET(request) {\n  const q = request.nextUrl.searchParams.get('q');\n  if (!q) return NextResponse.json({ error: 'q is required' }, { status: 400 });\n  return NextResponse.json(await search(q));\n}"),
      "import { notFound } from 'next/navigation';\n\nexport async function GET(request, { params }) {\n  const post = await getPost((await params).slug);\n  if (!post) notFound();\n  return Response.json(post);\n}\n",
    ],
    invalid: [
      {
        code: query,
        at: '{ status: «404» }',
        output: query.replace('{ status: 404 }', '{ status: 400 }'),
      },
      {
        code: body,
        at: '{ status: «404» }',
        output: body.replace('{ status: 404 }', '{ status: 400 }'),
      },
      {
        code: direct,
        at: '{ status: «404» }',
        output: direct.replace('{ status: 404 }', '{ status: 400 }'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
