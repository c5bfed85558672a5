// The rule under the Next.js adapter: Retry-After goes into the init's headers.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const limited = route("export async function POST(request) {\n  const { success } = await ratelimit.limit(ip(request));\n  if (!success) {\n    return NextResponse.json({ error: 'Too many requests' }, { status: 429 });\n  }\n  return NextResponse.json(await reply(await request.json()));\n}");
const withHeaders = route("export async function POST(request) {\n  const { success, reset } = await ratelimit.limit(ip(request));\n  if (!success) {\n    return new Response('Too many requests', { status: 429, headers: { 'X-RateLimit-Reset': String(reset) } });\n  }\n  return NextResponse.json(await reply(await request.json()));\n}");
const retryAfter = route("export async function POST(request) {\n  const retryAfter = await quota.secondsLeft(ip(request));\n  if (retryAfter > 0) return new Response(null, { status: 429 });\n  return NextResponse.json(await reply(await request.json()));\n}");
const pagesLimited = pages("  if (!(await limiter.check(req))) {\n    return res.status(429).json({ error: 'Slow down' });\n  }\n  res.json(await search(req.query.q));");

ruleTests(
  'rate-limit-needs-retry-after',
  {
    valid: [
      route("export async function POST(request) {\n  const { success } = await ratelimit.limit(ip(request));\n  if (!success) {\n    return NextResponse.json({ error: 'Too many requests' }, { status: 429, headers: { 'Retry-After': '60' } });\n  }\n  return NextResponse.json({ ok: true });\n}"),
      route("export async function POST(request) {\n  const headers = new Headers({ 'Retry-After': '30' });\n  return new Response('Too many requests', { status: 429, headers });\n}"),
      // An init built elsewhere may carry the header.
      route("export async function POST(request) {\n  return NextResponse.json({ error: 'Too many requests' }, limitedInit);\n}"),
      route("export async function POST(request) {\n  return NextResponse.json({ error: 'Try later' }, { status: 400 });\n}"),
    ],
    invalid: [
      {
        code: limited,
        at: '{ status: «429» }',
        output: limited.replace('{ status: 429 }', "{ status: 429, headers: { 'Retry-After': '60' } }"),
      },
      {
        code: withHeaders,
        at: 'status: «429»,',
        output: withHeaders.replace("'X-RateLimit-Reset': String(reset) }", "'X-RateLimit-Reset': String(reset), 'Retry-After': '60' }"),
      },
      {
        code: retryAfter,
        at: '{ status: «429» }',
        output: retryAfter.replace('{ status: 429 }', "{ status: 429, headers: { 'Retry-After': String(retryAfter) } }"),
      },
      {
        code: pagesLimited,
        file: PAGES_FILE,
        at: 'res.status(«429»)',
        output: pagesLimited.replace('return res.status(429)', "return res.setHeader('Retry-After', '60').status(429)"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
