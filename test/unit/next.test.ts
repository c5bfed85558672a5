// The Next.js adapter: which files it reads (imports, place, setting), the sites it reads from a
// route handler (status with its defaults, what is sent, the route from the export and the place),
// the traps it stays quiet on, and hovers on its status positions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../server/src/analysis';
import { appRoutePath, pagesApiPath } from '../../server/src/analysis/adapters/nextjsPlaces';
import type { Framework } from '../../server/src/analysis/adapters/frameworks';
import { hoverHeadline } from './hoverHeadline';

/** Each site as `framework status(source) send method path`. */
function sitesOf(code: string, fileName = 'app/api/users/route.ts', frameworks: Framework[] = []): string[] {
  return analyze(code, fileName, { ...DEFAULT_OPTIONS, frameworks }).sites.map(
    (site) => `${site.adapter.framework} ${site.status.code ?? '?'}(${site.status.source}) ${site.send?.kind ?? '-'} ${site.route?.method ?? '-'} ${site.route?.path ?? '-'}`,
  );
}

function ruleIdsOf(code: string, fileName: string): string[] {
  return analyze(code, fileName).findings.map((finding) => finding.ruleId);
}

const handlers =
  "import { NextResponse } from 'next/server';\nimport { notFound, permanentRedirect, redirect } from 'next/navigation';\n\n" +
  'export async function GET(request) {\n' +
  "  if (!request.nextUrl.searchParams.get('id')) return NextResponse.json({ error: 'id is required' }, { status: 400 });\n" +
  '  const user = await getUser(request.nextUrl.searchParams.get(\'id\'));\n' +
  '  if (!user) notFound();\n' +
  "  if (user.moved) permanentRedirect(`/users/${user.slug}`);\n" +
  "  if (!user.active) redirect('/login');\n" +
  '  return NextResponse.json(user);\n' +
  '}\n\n' +
  'export const DELETE = async () => new Response(null, { status: 204 });\n\n' +
  "export const PATCH = withAuth(async (request) => NextResponse.redirect(new URL('/users', request.url)));\n";

describe('Next.js: sites of a route file', () => {
  it('reads each response with its status, its default where none is given, and the route from the export and the place', () => {
    assert.deepEqual(sitesOf(handlers, 'app/api/users/[id]/route.ts'), [
      'next 400(literal) data get /api/users/:id',
      'next 404(implicit) view get /api/users/:id',
      'next 308(implicit) redirect get /api/users/:id',
      'next 307(implicit) redirect get /api/users/:id',
      'next 200(implicit) data get /api/users/:id',
      'next 204(literal) empty delete /api/users/:id',
      'next 307(implicit) redirect patch /api/users/:id',
    ]);
  });
  it('reads NextResponse.redirect(url, N), constants, a status the init does not pin down, and a streamed body', () => {
    const code =
      "import { NextResponse } from 'next/server';\nimport { StatusCodes } from 'http-status-codes';\n\nexport async function POST(request) {\n" +
      "  if (a) return NextResponse.redirect('https://example.com/v2', 308);\n" +
      '  if (b) return NextResponse.json({ error: \'Gone\' }, { status: StatusCodes.GONE });\n' +
      '  if (c) return NextResponse.json({ error: \'Failed\' }, init);\n' +
      '  return new Response(stream.toReadableStream());\n}\n';
    assert.deepEqual(sitesOf(code), ['next 308(literal) redirect post /api/users', 'next 410(constant) data post /api/users', 'next ?(dynamic) data post /api/users', 'next 200(implicit) stream post /api/users']);
  });
  it('route paths: groups and slots left out, parameters as :name, catch-alls as :name*, src/ and monorepo folders allowed', () => {
    assert.equal(appRoutePath('app/(chat)/api/chat/[id]/stream/route.ts'), '/api/chat/:id/stream');
    assert.equal(appRoutePath('/home/me/web/src/app/api/[...slug]/route.js'), '/api/:slug*');
    assert.equal(appRoutePath('apps/web/app/@modal/api/route.ts'), '/api');
    assert.equal(appRoutePath('app/api/users/page.tsx'), undefined);
    assert.equal(pagesApiPath('pages/api/posts/[postId].ts'), '/api/posts/:postId');
    assert.equal(pagesApiPath('src/pages/api/posts/index.ts'), '/api/posts');
    assert.equal(pagesApiPath('pages/about.tsx'), undefined);
  });
});

describe('Next.js: files matched', () => {
  const globalResponse = "export async function GET() {\n  return Response.json({ error: 'Gone' }, { status: 410 });\n}\n";
  it('by its imports (next/server, next/navigation, next)', () => {
    assert.deepEqual(sitesOf(`import { NextResponse } from 'next/server';\n${globalResponse}`, 'lib/handlers.ts'), ['next 410(literal) data get -']);
    const pagesRoute = "import type { NextApiRequest, NextApiResponse } from 'next';\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  res.status(404).json({ error: 'No such post' });\n}\n";
    assert.deepEqual(sitesOf(pagesRoute, 'pages/api/posts/[id].ts'), ['next 404(literal) data - /api/posts/:id']);
  });
  it('by its place when it imports nothing: a route file using the global Response, a Pages API route', () => {
    assert.deepEqual(sitesOf(globalResponse, 'src/app/api/items/route.ts'), ['next 410(literal) data get /api/items']);
    const pagesRoute = "export default async function handler(req, res) {\n  if (req.method === 'DELETE') return res.status(204).end();\n  res.redirect('/api/v2/items');\n}\n";
    assert.deepEqual(sitesOf(pagesRoute, 'pages/api/items.js'), ['next 204(literal) empty delete /api/items', 'next 307(implicit) redirect - /api/items']);
  });
  it('by the setting, for a file that imports nothing and is elsewhere', () => {
    assert.deepEqual(sitesOf(globalResponse, 'lib/handlers.ts'), []);
    assert.deepEqual(sitesOf(globalResponse, 'lib/handlers.ts', ['next']), ['next 410(literal) data get -']);
  });
});

describe('Next.js: traps that stay quiet', () => {
  it("a redirect() in a server action ('use server') or a page is not a route's response", () => {
    const action = "'use server';\nimport { redirect } from 'next/navigation';\n\nexport async function createPost(formData) {\n  await db.post.create({ data: { title: formData.get('title') } });\n  redirect('/posts');\n}\n";
    assert.deepEqual(sitesOf(action, 'app/posts/actions.ts'), []);
    const page = "import { notFound } from 'next/navigation';\n\nexport default async function Page({ params }) {\n  const post = await getPost(params.id);\n  if (!post) notFound();\n  return post.title;\n}\n";
    assert.deepEqual(sitesOf(page, 'app/posts/[id]/page.tsx'), []);
  });
  it('NextResponse.next() and NextResponse.rewrite() in middleware hand the request on', () => {
    const middleware =
      "import { NextResponse } from 'next/server';\n\nexport function middleware(request) {\n  if (request.nextUrl.pathname.startsWith('/old')) return NextResponse.rewrite(new URL('/new', request.url));\n  return NextResponse.next();\n}\n";
    assert.deepEqual(sitesOf(middleware, 'middleware.ts'), []);
  });
  it("a notFound() that is not next/navigation's is the project's: its name says 404, its response is made elsewhere", () => {
    const code = "import { notFound } from '@/lib/response';\n\nexport async function GET() {\n  return notFound();\n}\n";
    assert.deepEqual(sitesOf(code), ['next 404(constant) data get /api/users']);
    assert.equal(analyze(code, 'app/api/users/route.ts').sites[0].completedBy, 'helper');
    // A package's function of that name is not read.
    assert.deepEqual(sitesOf(code.replace('@/lib/response', 'some-package')), []);
  });
  it('a streamed reply of a POST that saves is not a created resource', () => {
    const code = "export async function POST(request) {\n  const { messages } = await request.json();\n  await prisma.message.create({ data: messages[0] });\n  return new Response(stream);\n}\n";
    assert.deepEqual(ruleIdsOf(code, 'app/api/chat/route.ts'), []);
  });
  it('getServerSession(req, res, options) reads res: the header rules still see the response', () => {
    const code = "export default async function handler(req, res) {\n  const session = await getServerSession(req, res, authOptions);\n  if (!session) return res.status(401).json({ error: 'Sign in first' });\n  res.json(session.user);\n}\n";
    assert.deepEqual(ruleIdsOf(code, 'pages/api/me.ts'), ['unauthorized-needs-www-authenticate']);
    // A project function handed `res` may set the header: quiet.
    assert.deepEqual(ruleIdsOf(code.replace('getServerSession', 'requireSession'), 'pages/api/me.ts'), []);
  });
});

/** The hover's title without its class (`**404 Not Found**`), at a route file unless told. */
function hoverTitle(source: string, fileName = 'app/api/users/route.ts'): string | undefined {
  return hoverHeadline(source, fileName)?.split(' · ')[0];
}

describe('Next.js: hovers on status positions', () => {
  const handler = (body: string): string => `import { NextResponse } from 'next/server';\nexport async function GET(request) {\n  ${body}\n}\n`;
  const positions: [string, string, string][] = [
    ['NextResponse.json(body, { status: N })', handler("return NextResponse.json({ error: 'No such user' }, { status: 40|4 });"), '**404 Not Found**'],
    ['new Response(body, { status: N })', handler('return new Response(null, { status: 2|04 });'), '**204 No Content**'],
    ['Response.json(body, { status: N })', handler("return Response.json({ error: 'Slow down' }, { status: 4|29 });"), '**429 Too Many Requests**'],
    ['new NextResponse(body, { status: N, headers })', handler("return new NextResponse('Busy', { status: 5|03, headers: { 'Retry-After': '60' } });"), '**503 Service Unavailable**'],
    ['NextResponse.redirect(url, N)', handler("return NextResponse.redirect(new URL('/v2', request.url), 30|8);"), '**308 Permanent Redirect**'],
    ['Response.redirect(url, N)', handler("return Response.redirect('https://example.com', 30|1);"), '**301 Moved Permanently**'],
    ['a constant in the init', "import { StatusCodes } from 'http-status-codes';\n" + handler("return NextResponse.json({ error: 'Gone' }, { status: StatusCodes.GO|NE });"), '**410 Gone**'],
    ['a `{ status }` shorthand of a const', handler("const status = 409;\n  return NextResponse.json({ error: 'Taken' }, { sta|tus });"), '**409 Conflict**'],
    ['a project helper named after its status', "import { unauthorized } from '@/lib/response';\nexport async function GET(request) {\n  if (!request.headers.get('authorization')) return unauth|orized();\n  return Response.json(await listUsers());\n}\n", '**401 Unauthorized**'],
    ['a Pages API res.status(N)', "export default function handler(req, res) {\n  res.status(4|05).end();\n}\n", '**405 Method Not Allowed**'],
  ];
  for (const [name, source, title] of positions) {
    it(name, () => assert.equal(hoverTitle(source, name.startsWith('a Pages') ? 'pages/api/users.ts' : undefined), title));
  }
  it('no hover on the URL of NextResponse.redirect', () => {
    assert.equal(hoverTitle(handler("return NextResponse.redirect('https://example.com/4|04', 308);")), undefined);
  });
});
