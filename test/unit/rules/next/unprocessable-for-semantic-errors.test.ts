// The rule under the Next.js adapter (off by default): a 400 for a request that is well formed
// but makes no sense, such as an end date before the start.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const dates = route("export async function POST(request) {\n  const { startDate, endDate } = await request.json();\n  if (endDate <= startDate) {\n    return NextResponse.json({ error: 'endDate must be after startDate' }, { status: 400 });\n  }\n  return NextResponse.json(await book({ startDate, endDate }), { status: 201 });\n}");
const amounts = route("export async function POST(request) {\n  const body = await request.json();\n  if (body.min > body.max) return new Response('min must not exceed max', { status: 400 });\n  return NextResponse.json(await createAlert(body), { status: 201 });\n}");
const query = route("export async function GET(request) {\n  const from = Number(request.nextUrl.searchParams.get('from'));\n  const to = Number(request.nextUrl.searchParams.get('to'));\n  if (from > to) return Response.json({ error: 'from must be before to' }, { status: 400 });\n  return Response.json(await report(from, to));\n}");

ruleTests(
  'unprocessable-for-semantic-errors',
  {
    valid: [
      route("export async function POST(request) {\n  const { startDate, endDate } = await request.json();\n  if (endDate <= startDate) return NextResponse.json({ error: 'endDate must be after startDate' }, { status: 422 });\n  return NextResponse.json(await book({ startDate, endDate }), { status: 201 });\n}"),
      // A missing field is a format error: 400 is right.
      route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) return NextResponse.json({ error: 'email is required' }, { status: 400 });\n  return NextResponse.json(await invite(email), { status: 201 });\n}"),
      route("export async function POST(request) {\n  const result = schema.safeParse(await request.json());\n  if (!result.success) return NextResponse.json(result.error.issues, { status: 400 });\n  return NextResponse.json(await save(result.data), { status: 201 });\n}"),
    ],
    invalid: [
      {
        code: dates,
        at: '{ status: «400» }',
        output: dates.replace('{ status: 400 }', '{ status: 422 }'),
      },
      {
        code: amounts,
        at: '{ status: «400» }',
        output: amounts.replace('{ status: 400 }', '{ status: 422 }'),
      },
      {
        code: query,
        at: '{ status: «400» }',
        output: query.replace('{ status: 400 }', '{ status: 422 }'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
