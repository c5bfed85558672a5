// The rule under the Next.js adapter: a 503 from a route handler, Retry-After into the init.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const maintenance = route("export async function POST(request) {\n  if (await isMaintenanceMode()) {\n    return NextResponse.json({ error: 'Down for maintenance' }, { status: 503 });\n  }\n  return NextResponse.json(await placeOrder(await request.json()));\n}");
const plain = route("export async function GET() {\n  if (!queue.accepting) return new Response('Busy, try again shortly', { status: 503 });\n  return NextResponse.json(await queue.stats());\n}");
const headersObject = route("export async function GET() {\n  if (!(await db.ready())) {\n    return NextResponse.json(\n      { error: 'Starting up' },\n      {\n        status: 503,\n        headers: { 'Cache-Control': 'no-store' },\n      },\n    );\n  }\n  return NextResponse.json(await listOrders());\n}");

ruleTests(
  'unavailable-needs-retry-after',
  {
    valid: [
      route("export async function POST(request) {\n  if (await isMaintenanceMode()) {\n    return NextResponse.json({ error: 'Down for maintenance' }, { status: 503, headers: { 'Retry-After': '120' } });\n  }\n  return NextResponse.json({ ok: true });\n}"),
      // A health check answers 503 to load balancers, which do not retry on Retry-After.
      { code: route("export async function GET() {\n  const healthy = await db.ping();\n  return NextResponse.json({ healthy }, { status: healthy ? 200 : 503 });\n}"), file: 'app/api/health/route' },
      route("export async function GET() {\n  return new Response('Busy', { status: 503, headers: retryHeaders });\n}"),
    ],
    invalid: [
      {
        code: maintenance,
        at: '{ status: «503» }',
        output: maintenance.replace('{ status: 503 }', "{ status: 503, headers: { 'Retry-After': '60' } }"),
      },
      {
        code: plain,
        at: '{ status: «503» }',
        output: plain.replace('{ status: 503 }', "{ status: 503, headers: { 'Retry-After': '60' } }"),
      },
      {
        code: headersObject,
        at: 'status: «503»,',
        output: headersObject.replace("headers: { 'Cache-Control': 'no-store' }", "headers: { 'Cache-Control': 'no-store', 'Retry-After': '60' }"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
