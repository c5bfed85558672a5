// The rule under the Next.js adapter: statuses out of range or unregistered, in the init and in
// NextResponse.redirect's second argument. A numeric string is converted by Response: not reported.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const teapot = route("export async function GET() {\n  return NextResponse.json({ error: 'No coffee here' }, { status: 418 });\n}");
const outOfRange = route("export async function GET() {\n  return new Response('Broken', { status: 600 });\n}");
const redirect = route("export async function GET(request) {\n  return NextResponse.redirect(new URL('/home', request.url), 399);\n}");

ruleTests(
  'valid-status-code',
  {
    valid: [
      route("export async function GET() {\n  return NextResponse.json({ error: 'Gone' }, { status: 410 });\n}"),
      route("export async function GET() {\n  return new Response('Not found', { status: '404' });\n}"),
      route("export async function GET(request) {\n  return NextResponse.redirect(new URL('/home', request.url), 308);\n}"),
    ],
    invalid: [
      {
        code: teapot,
        at: '{ status: «418» }',
      },
      {
        code: outOfRange,
        at: '{ status: «600» }',
      },
      {
        code: redirect,
        at: 'request.url), «399»)',
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
