// The rule under the Next.js adapter: a 400 with no body (`new Response(null, …)`) or a bare
// phrase; the fix sends the detail as JSON (`new Response(…)` becomes `Response.json(…)`).
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const noBody = route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) {\n    return new Response(null, { status: 400 });\n  }\n  return NextResponse.json(await invite(email), { status: 201 });\n}");
const phrase = route("export async function POST(request) {\n  const { title } = await request.json();\n  if (!title) return NextResponse.json({ error: 'Bad Request' }, { status: 400 });\n  return NextResponse.json(await publish(title), { status: 201 });\n}");
const queryParam = route("export async function GET(request) {\n  const id = request.nextUrl.searchParams.get('id');\n  if (!id) {\n    return new NextResponse(null, { status: 400 });\n  }\n  return NextResponse.json(await getUser(id));\n}");
const pagesEnd = pages("  if (!req.body.postId) {\n    return res.status(400).end();\n  }\n  res.json(await like(req.body.postId));");

ruleTests(
  'error-needs-detail',
  {
    valid: [
      route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) return NextResponse.json({ error: 'email is required' }, { status: 400 });\n  return NextResponse.json(await invite(email), { status: 201 });\n}"),
      route("export async function POST(request) {\n  const parsed = schema.safeParse(await request.json());\n  if (!parsed.success) return NextResponse.json(parsed.error.issues, { status: 422 });\n  return NextResponse.json(await save(parsed.data), { status: 201 });\n}"),
      // 404 from next/navigation renders the not-found page.
      "import { notFound } from 'next/navigation';\n\nexport async function GET(request, { params }) {\n  const user = await getUser((await params).id);\n  if (!user) notFound();\n  return Response.json(user);\n}\n",
      route("export async function GET() {\n  return new Response(null, { status: 204 });\n}"),
    ],
    invalid: [
      {
        code: noBody,
        at: '{ status: «400» }',
        output: noBody.replace('new Response(null, { status: 400 })', "Response.json({ error: 'email is required', fields: { email: 'required' } }, { status: 400 })"),
      },
      {
        code: phrase,
        at: '{ status: «400» }',
        output: phrase.replace("{ error: 'Bad Request' }", "{ error: 'title is required' }"),
      },
      {
        code: queryParam,
        at: '{ status: «400» }',
        output: queryParam.replace('new NextResponse(null, { status: 400 })', "NextResponse.json({ error: 'id is required', fields: { id: 'required' } }, { status: 400 })"),
      },
      {
        code: pagesEnd,
        file: PAGES_FILE,
        at: 'res.status(«400»)',
        output: pagesEnd.replace('res.status(400).end()', "res.status(400).json({ error: 'postId is required', fields: { postId: 'required' } })"),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
