// The rule under the Next.js adapter: a 201 from a route handler; Location goes into the init's
// headers, with the route file's path as the collection (its place is the whole URL path).
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const created = route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201 });\n}");
const withHeaders = route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, {\n    status: 201,\n    headers: { 'Cache-Control': 'no-store' },\n  });\n}");
const constructed = route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return new Response(JSON.stringify(user), { status: 201 });\n}");

ruleTests(
  'created-needs-location',
  {
    valid: [
      route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201, headers: { Location: `/api/users/${user.id}` } });\n}"),
      route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  const response = NextResponse.json(user, { status: 201 });\n  response.headers.set('Location', `/api/users/${user.id}`);\n  return response;\n}"),
      route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201, headers: locationOf(user) });\n}"),
    ],
    invalid: [
      {
        code: created,
        at: '{ status: «201» }',
        output: created.replace('{ status: 201 }', "{ status: 201, headers: { 'Location': `/api/users/${user.id}` } }"),
      },
      {
        code: withHeaders,
        at: 'status: «201»,',
        output: withHeaders.replace("{ 'Cache-Control': 'no-store' }", "{ 'Cache-Control': 'no-store', 'Location': `/api/users/${user.id}` }"),
      },
      {
        code: constructed,
        at: '{ status: «201» }',
        output: constructed.replace('{ status: 201 }', "{ status: 201, headers: { 'Location': `/api/users/${user.id}` } }"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
