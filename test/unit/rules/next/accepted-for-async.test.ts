// The rule under the Next.js adapter: a POST route handler that queues work and answers 200/201.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const queued = route("export async function POST(request) {\n  const job = await exportQueue.add('csv', await request.json());\n  return NextResponse.json({ jobId: job.id });\n}");
const created = route("export async function POST(request) {\n  const job = await exportQueue.add('csv', await request.json());\n  return NextResponse.json({ jobId: job.id }, { status: 201 });\n}");
const enqueued = route("export async function POST(request) {\n  const { url } = await request.json();\n  await crawls.enqueue({ url });\n  return new Response('Crawl started', { status: 200 });\n}");

ruleTests(
  'accepted-for-async',
  {
    valid: [
      route("export async function POST(request) {\n  const job = await exportQueue.add('csv', await request.json());\n  return NextResponse.json({ jobId: job.id }, { status: 202 });\n}"),
      // A GET that reads a job's state queues nothing.
      route("export async function GET(request) {\n  return NextResponse.json(await exportQueue.getJob(request.nextUrl.searchParams.get('id')));\n}"),
      route("export async function POST(request) {\n  const user = await prisma.user.create({ data: await request.json() });\n  return NextResponse.json(user, { status: 201 });\n}"),
    ],
    invalid: [
      {
        code: queued,
        at: 'return «NextResponse.json({ jobId: job.id })»',
        output: queued.replace('NextResponse.json({ jobId: job.id })', 'NextResponse.json({ jobId: job.id }, { status: 202 })'),
      },
      {
        code: created,
        at: '{ status: «201» }',
        output: created.replace('{ status: 201 }', '{ status: 202 }'),
      },
      {
        code: enqueued,
        at: '{ status: «200» }',
        output: enqueued.replace('{ status: 200 }', '{ status: 202 }'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
