// The rule under the Next.js adapter: the init's `headers`, `new Headers()`, a response held in a
// variable, and a Pages API route that hands `res` to getServerSession (which only reads it).
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const unauthorized = route("export async function GET(request) {\n  const session = await auth();\n  if (!session) {\n    return NextResponse.json({ error: 'Sign in first' }, { status: 401 });\n  }\n  return NextResponse.json(await listUsers());\n}");
const textInit = route("export async function GET(request) {\n  if (!request.headers.get('authorization')) {\n    return new Response('Token required', {\n      status: 401,\n      headers: { 'Content-Type': 'text/plain' },\n    });\n  }\n  return NextResponse.json(await listUsers());\n}");
// No import: the route file's place says it is Next.js's, and the global Response answers.
const globalResponse = "export async function DELETE(request) {\n  if (!request.headers.get('authorization')) return Response.json({ error: 'Token required' }, { status: 401 });\n  return new Response(null, { status: 204 });\n}\n";
// A project helper named after the status: its response is made in another file, where the header goes.
const helper = "import { json, unauthorized } from '@/lib/response';\n\nexport async function GET(request) {\n  const { auth } = await parseRequest(request);\n  if (!(await canViewUsers(auth))) {\n    return unauthorized();\n  }\n  return json(await listUsers());\n}\n";
const pagesSession = pages("  const session = await getServerSession(req, res, authOptions);\n  if (!session) {\n    return res.status(401).json({ error: 'Sign in first' });\n  }\n  res.json(await listUsers());");

ruleTests(
  'unauthorized-needs-www-authenticate',
  {
    valid: [
      route("export async function GET(request) {\n  const session = await auth();\n  if (!session) {\n    return NextResponse.json({ error: 'Sign in first' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });\n  }\n  return NextResponse.json(await listUsers());\n}"),
      route("export async function GET(request) {\n  const headers = new Headers();\n  headers.set('WWW-Authenticate', 'Bearer realm=\"api\"');\n  return new Response('Sign in first', { status: 401, headers });\n}"),
      route("export async function GET(request) {\n  const response = NextResponse.json({ error: 'Sign in first' }, { status: 401 });\n  response.headers.set('WWW-Authenticate', 'Bearer');\n  return response;\n}"),
      // Headers the file does not spell out.
      route("export async function GET(request) {\n  return NextResponse.json({ error: 'Sign in first' }, { status: 401, headers: challengeHeaders() });\n}"),
      route("export async function GET(request) {\n  return NextResponse.json({ error: 'Admins only' }, { status: 403 });\n}"),
      // A package's `unauthorized` is not the project's helper.
      "import { unauthorized } from 'some-package';\n\nexport async function GET(request) {\n  if (!(await canViewUsers(request))) return unauthorized();\n  return Response.json(await listUsers());\n}\n",
    ],
    invalid: [
      {
        code: unauthorized,
        at: '{ status: «401» }',
        output: unauthorized.replace("{ status: 401 }", "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }"),
      },
      {
        code: textInit,
        at: 'status: «401»,',
        output: textInit.replace("headers: { 'Content-Type': 'text/plain' }", "headers: { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer' }"),
      },
      {
        code: globalResponse,
        at: '{ status: «401» }',
        output: globalResponse.replace("{ status: 401 }", "{ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }"),
      },
      {
        code: helper,
        at: 'return «unauthorized»()',
        message: /made by `unauthorized\(\)`: set WWW-Authenticate there/,
      },
      {
        // getServerSession reads the session cookie from `res`'s request; it sets no header.
        code: pagesSession,
        file: PAGES_FILE,
        at: 'res.status(«401»)',
        output: pagesSession.replace('return res.status(401)', "return res.setHeader('WWW-Authenticate', 'Bearer').status(401)"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
