// The rule under the Next.js adapter. An App Router handler's response is the one it returns, so a
// status without a response only happens in a Pages API route, whose `res` is Express-like; the
// fix ends it with `.end()` (a Pages API response has no `sendStatus`).
import { ruleTests } from '../../ruleTester';
import { PAGES_FILE, pages, route } from './routes';

const forgotten = pages("  if (req.method !== 'DELETE') {\n    res.status(405);\n    return;\n  }\n  await prisma.post.delete({ where: { id: req.query.id } });\n  res.status(204).end();");
const dropped = pages("  const post = await prisma.post.findUnique({ where: { id: req.query.id } });\n  if (!post) {\n    res.status(404);\n    return;\n  }\n  res.status(200).json(post);");
const assigned = pages("  if (!req.query.id) {\n    res.statusCode = 400;\n    return;\n  }\n  res.status(200).json(await prisma.post.findUnique({ where: { id: req.query.id } }));");

ruleTests(
  'status-without-response',
  {
    valid: [
      pages("  if (req.method !== 'DELETE') {\n    return res.status(405).end();\n  }\n  res.status(204).end();"),
      pages("  res.status(404);\n  res.json({ error: 'No such post' });"),
      // A route handler's returned response is always sent.
      { code: route("export async function GET() {\n  return NextResponse.json({ error: 'Gone' }, { status: 410 });\n}"), file: 'app/api/posts/route' },
    ],
    invalid: [
      {
        code: forgotten,
        at: 'res.status(«405»)',
        output: forgotten.replace('res.status(405);', 'res.status(405).end();'),
      },
      {
        code: dropped,
        at: 'res.status(«404»)',
        output: dropped.replace('res.status(404);', 'res.status(404).end();'),
      },
      {
        code: assigned,
        at: 'res.statusCode = «400»',
        output: assigned.replace('res.statusCode = 400;', 'res.statusCode = 400;\n    res.end();'),
      },
    ],
  },
  { adapter: 'next', file: PAGES_FILE },
);
