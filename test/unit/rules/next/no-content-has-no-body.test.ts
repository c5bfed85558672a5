// The rule under the Next.js adapter: a 204 or 304 with a body; the fix sends `null` instead.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const json204 = route("export async function DELETE(request, { params }) {\n  await prisma.user.delete({ where: { id: (await params).id } });\n  return NextResponse.json({ deleted: true }, { status: 204 });\n}");
const text204 = route("export async function DELETE(request, { params }) {\n  await prisma.user.delete({ where: { id: (await params).id } });\n  return new Response('Deleted', { status: 204 });\n}");
const response304 = route("export async function GET(request) {\n  if (request.headers.get('if-none-match') === etag) return Response.json({ unchanged: true }, { status: 304 });\n  return NextResponse.json(await listUsers());\n}");
const pages204 = pages("  await prisma.post.delete({ where: { id: req.query.id } });\n  return res.status(204).json({ ok: true });");

ruleTests(
  'no-content-has-no-body',
  {
    valid: [
      route("export async function DELETE() {\n  await prisma.user.deleteMany();\n  return new Response(null, { status: 204 });\n}"),
      route("export async function DELETE() {\n  await prisma.user.deleteMany();\n  return new NextResponse(undefined, { status: 204 });\n}"),
      route("export async function DELETE() {\n  return NextResponse.json({ deleted: true });\n}"),
    ],
    invalid: [
      {
        code: json204,
        at: '{ status: «204» }',
        output: json204.replace('NextResponse.json({ deleted: true }', 'new NextResponse(null'),
      },
      {
        code: text204,
        at: '{ status: «204» }',
        output: text204.replace("new Response('Deleted'", 'new Response(null'),
      },
      {
        code: response304,
        at: '{ status: «304» }',
        output: response304.replace('Response.json({ unchanged: true }', 'new Response(null'),
      },
      {
        code: pages204,
        file: PAGES_FILE,
        at: 'res.status(«204»)',
        output: pages204.replace('.json({ ok: true })', '.end()'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
