// The rule under the Next.js adapter: a failure sent with the default 200 or an explicit 2xx.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const implicit = route("export async function POST(request) {\n  const { email, password } = await request.json();\n  const user = await verifyLogin(email, password);\n  if (!user) return NextResponse.json({ success: false, error: 'Wrong password' });\n  return NextResponse.json({ success: true, user });\n}");
const explicit = route("export async function POST(request) {\n  const { email, password } = await request.json();\n  const user = await verifyLogin(email, password);\n  if (!user) return NextResponse.json({ error: 'Wrong password' }, { status: 200 });\n  return NextResponse.json(user);\n}");
const caught = route("export async function GET() {\n  try {\n    return NextResponse.json(await prisma.report.findMany());\n  } catch (error) {\n    return Response.json({ success: false, error: 'Could not load reports' });\n  }\n}");

ruleTests(
  'no-error-in-success',
  {
    valid: [
      route("export async function POST(request) {\n  const { email, password } = await request.json();\n  const user = await verifyLogin(email, password);\n  if (!user) return NextResponse.json({ error: 'Wrong password' }, { status: 401 });\n  return NextResponse.json({ success: true, user });\n}"),
      route("export async function GET() {\n  return NextResponse.json({ errors: 0, checked: 12 });\n}"),
      route("export async function GET() {\n  return new Response('ok');\n}"),
    ],
    invalid: [
      {
        code: implicit,
        at: 'return «NextResponse.json({ success: false, error: \'Wrong password\' })»',
      },
      {
        code: explicit,
        at: '{ status: «200» }',
      },
      {
        code: caught,
        at: 'return «Response.json({ success: false, error: \'Could not load reports\' })»',
        output: caught.replace("{ success: false, error: 'Could not load reports' })", "{ success: false, error: 'Could not load reports' }, { status: 500 })"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
