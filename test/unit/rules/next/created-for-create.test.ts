// The rule under the Next.js adapter: a POST route handler (its method from the export's name)
// that creates and answers the default 200; the fix writes the status into the init.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const noInit = route("export async function POST(request) {\n  const data = await request.json();\n  const user = await prisma.user.create({ data });\n  return NextResponse.json(user);\n}");
const withInit = route("export async function POST(request) {\n  const post = await db.post.create({ data: await request.json() });\n  return NextResponse.json(post, { headers: { 'Cache-Control': 'no-store' } });\n}");
const explicit = route("export const POST = async (request) => {\n  const team = await prisma.team.create({ data: await request.json() });\n  return Response.json(team, { status: 200 });\n};");
const pagesCreate = pages("  if (req.method === 'POST') {\n    const comment = await prisma.comment.create({ data: req.body });\n    return res.status(200).json(comment);\n  }\n  res.status(405).end();");

ruleTests(
  'created-for-create',
  {
    valid: [
      route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201 });\n}"),
      // A GET handler that creates a log row is not creating the resource it answers with.
      route("export async function GET(request) {\n  await prisma.visit.create({ data: { path: '/users' } });\n  return NextResponse.json(await prisma.user.findMany());\n}"),
      // A streamed reply of a chat that also saves the message: not the created record.
      route("export async function POST(request) {\n  const { messages } = await request.json();\n  await saveMessages({ messages });\n  const stream = await createChatStream(messages);\n  return new Response(stream);\n}"),
      { code: pages("  if (req.method === 'GET') {\n    return res.json(await prisma.comment.findMany());\n  }\n  res.status(405).end();"), file: PAGES_FILE },
    ],
    invalid: [
      {
        code: noInit,
        at: 'return «NextResponse.json(user)»',
        output: noInit.replace('NextResponse.json(user)', 'NextResponse.json(user, { status: 201 })'),
      },
      {
        code: withInit,
        at: 'return «NextResponse.json(post, { headers: { \'Cache-Control\': \'no-store\' } })»',
        output: withInit.replace("{ headers: { 'Cache-Control': 'no-store' } }", "{ headers: { 'Cache-Control': 'no-store' }, status: 201 }"),
      },
      {
        code: explicit,
        at: '{ status: «200» }',
        output: explicit.replace('{ status: 200 }', '{ status: 201 }'),
      },
      {
        code: pagesCreate,
        file: PAGES_FILE,
        at: 'res.status(«200»)',
        output: pagesCreate.replace('res.status(200)', 'res.status(201)'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
