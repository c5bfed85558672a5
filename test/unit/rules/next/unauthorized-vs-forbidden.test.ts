// The rule under the Next.js adapter: a session read with auth() or getServerSession() is who is
// asking; its absence is a 401, and a signed-in user lacking a permission is a 403.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const noSession = route("export async function POST(request) {\n  const session = await auth();\n  if (!session) {\n    return NextResponse.json({ error: 'Not signed in' }, { status: 403 });\n  }\n  return NextResponse.json(await save(await request.json()), { status: 201 });\n}");
const noUser = route("export async function DELETE(request) {\n  const session = await getServerSession(authOptions);\n  if (!session?.user) return new Response('Unauthorized', { status: 403 });\n  await prisma.post.deleteMany({ where: { authorId: session.user.id } });\n  return new Response(null, { status: 204 });\n}");
const pagesSession = pages("  const session = await getServerSession(req, res, authOptions);\n  if (!session) {\n    return res.status(403).end();\n  }\n  res.json(await prisma.post.findMany({ where: { authorId: session.user.id } }));");

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      route("export async function POST(request) {\n  const session = await auth();\n  if (!session) {\n    return NextResponse.json({ error: 'Not signed in' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });\n  }\n  return NextResponse.json(await save(await request.json()), { status: 201 });\n}"),
      route("export async function DELETE(request, { params }) {\n  const session = await auth();\n  const post = await prisma.post.findUnique({ where: { id: (await params).id } });\n  if (post.authorId !== session.user.id) return NextResponse.json({ error: 'Not your post' }, { status: 403 });\n  return new Response(null, { status: 204 });\n}"),
      route("export async function GET(request) {\n  const session = await auth();\n  if (!session.user.isAdmin) return NextResponse.json({ error: 'Admins only' }, { status: 403 });\n  return NextResponse.json(await listUsers());\n}"),
    ],
    invalid: [
      {
        code: noSession,
        at: '{ status: «403» }',
        output: noSession.replace('{ status: 403 }', '{ status: 401 }'),
      },
      {
        code: noUser,
        at: '{ status: «403» }',
        output: noUser.replace('{ status: 403 }', '{ status: 401 }'),
      },
      {
        code: pagesSession,
        file: PAGES_FILE,
        at: 'res.status(«403»)',
        output: pagesSession.replace('res.status(403)', 'res.status(401)'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
