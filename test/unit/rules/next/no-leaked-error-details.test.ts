// The rule under the Next.js adapter: error details sent by a route handler's 500.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const message = route("export async function GET() {\n  try {\n    return NextResponse.json(await prisma.user.findMany());\n  } catch (error) {\n    return NextResponse.json({ error: error.message }, { status: 500 });\n  }\n}");
const stack = route("export async function POST(request) {\n  try {\n    return NextResponse.json(await save(await request.json()), { status: 201 });\n  } catch (err) {\n    return new Response(err.stack, { status: 500 });\n  }\n}");
const whole = route("export async function DELETE(request) {\n  try {\n    await prisma.user.deleteMany();\n    return new Response(null, { status: 204 });\n  } catch (e) {\n    return Response.json({ error: e }, { status: 500 });\n  }\n}");

ruleTests(
  'no-leaked-error-details',
  {
    valid: [
      route("export async function GET() {\n  try {\n    return NextResponse.json(await prisma.user.findMany());\n  } catch (error) {\n    console.error(error);\n    return NextResponse.json({ error: 'Something went wrong' }, { status: 500 });\n  }\n}"),
      // A 4xx may say what was wrong with the request.
      route("export async function POST(request) {\n  try {\n    return NextResponse.json(schema.parse(await request.json()));\n  } catch (error) {\n    return NextResponse.json({ error: error.message }, { status: 400 });\n  }\n}"),
      route("export async function GET() {\n  return NextResponse.json({ error: 'Internal error' }, { status: 500 });\n}"),
    ],
    invalid: [
      {
        code: message,
        at: '{ status: «500» }',
        // The details go to the log instead.
        output: message.replace("    return NextResponse.json({ error: error.message }", "    console.error(error);\n    return NextResponse.json({ error: 'Internal server error' }"),
      },
      {
        code: stack,
        at: '{ status: «500» }',
      },
      {
        code: whole,
        at: '{ status: «500» }',
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
