// The rule under the Next.js adapter: NextResponse.redirect answers 307 by default, which keeps
// the method; a 302 given to it from a POST handler does not.
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, ROUTE_FILE, pages, route } from './routes';

const moved = route("export async function POST(request) {\n  return NextResponse.redirect(new URL('/api/v2/users', request.url), 302);\n}");
const response = route("export async function PUT(request) {\n  return Response.redirect('https://api.example.com/v2/users', 302);\n}");
const pagesMoved = pages("  if (req.method === 'POST') {\n    return res.redirect(302, '/api/v2/users');\n  }\n  res.json(await listUsers());");

ruleTests(
  'redirect-keeps-method',
  {
    valid: [
      route("export async function POST(request) {\n  return NextResponse.redirect(new URL('/api/v2/users', request.url));\n}"),
      route("export async function GET(request) {\n  return NextResponse.redirect(new URL('/login', request.url), 302);\n}"),
      // next/navigation's redirect answers 307 (303 in a server action).
      "import { redirect } from 'next/navigation';\n\nexport async function POST(request) {\n  await save(await request.formData());\n  redirect('/done');\n}\n",
      { code: pages("  if (req.method === 'POST') {\n    return res.redirect('/api/v2/users');\n  }\n  res.json(await listUsers());"), file: PAGES_FILE },
    ],
    invalid: [
      {
        code: moved,
        at: 'request.url), «302»)',
        output: moved.replace('request.url), 302)', 'request.url), 307)'),
      },
      {
        code: response,
        at: "users', «302»)",
        output: response.replace("users', 302)", "users', 307)"),
      },
      {
        code: pagesMoved,
        file: PAGES_FILE,
        at: 'res.redirect(«302»',
        output: pagesMoved.replace('res.redirect(302', 'res.redirect(307'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
