// The rule under the Next.js adapter: a 500 for input the client got wrong.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const missing = route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) {\n    return NextResponse.json({ error: 'email is required' }, { status: 500 });\n  }\n  return NextResponse.json(await invite(email), { status: 201 });\n}");
const parsed = route("export async function POST(request) {\n  const result = schema.safeParse(await request.json());\n  if (!result.success) return new Response('Invalid input', { status: 500 });\n  return NextResponse.json(await save(result.data), { status: 201 });\n}");
const pagesMissing = pages("  if (!req.body.title) {\n    return res.status(500).json({ error: 'title is required' });\n  }\n  res.status(201).json(await publish(req.body));");

ruleTests(
  'no-server-error-for-bad-input',
  {
    valid: [
      route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) return NextResponse.json({ error: 'email is required' }, { status: 400 });\n  return NextResponse.json(await invite(email), { status: 201 });\n}"),
      route("export async function GET() {\n  try {\n    return NextResponse.json(await prisma.user.findMany());\n  } catch {\n    return NextResponse.json({ error: 'Failed' }, { status: 500 });\n  }\n}"),
      { code: pages("  try {\n    res.json(await prisma.post.findMany());\n  } catch {\n    res.status(500).json({ error: 'Failed' });\n  }"), file: PAGES_FILE },
    ],
    invalid: [
      {
        code: missing,
        at: '{ status: «500» }',
        output: missing.replace('{ status: 500 }', '{ status: 400 }'),
      },
      {
        code: parsed,
        at: '{ status: «500» }',
        output: parsed.replace('{ status: 500 }', '{ status: 400 }'),
      },
      {
        code: pagesMissing,
        file: PAGES_FILE,
        at: 'res.status(«500»)',
        output: pagesMissing.replace('res.status(500)', 'res.status(400)'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
