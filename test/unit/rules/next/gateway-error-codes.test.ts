// The rule under the Next.js adapter: an upstream failure in a route handler answered 500.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const failed = route("export async function GET() {\n  try {\n    const reply = await fetch(RATES_URL);\n    return NextResponse.json(await reply.json());\n  } catch (error) {\n    return NextResponse.json({ error: 'Rates service failed' }, { status: 500 });\n  }\n}");
const timeout = route("export async function GET() {\n  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    return NextResponse.json(await reply.json());\n  } catch (error) {\n    if (error.name === 'TimeoutError') return new Response('Rates service is slow', { status: 502 });\n    return new Response('Rates service failed', { status: 502 });\n  }\n}");
const axiosCall = route("export async function POST(request) {\n  try {\n    const { data } = await axios.post(PAYMENTS_URL, await request.json());\n    return Response.json(data);\n  } catch {\n    return Response.json({ error: 'Payment failed' }, { status: 500 });\n  }\n}");

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      route("export async function GET() {\n  try {\n    const reply = await fetch(RATES_URL);\n    return NextResponse.json(await reply.json());\n  } catch (error) {\n    return NextResponse.json({ error: 'Rates service failed' }, { status: 502 });\n  }\n}"),
      // The try block also reads the database: a 500 may be this server's fault.
      route("export async function GET() {\n  try {\n    const user = await prisma.user.findFirst();\n    const reply = await fetch(`${RATES_URL}/${user.currency}`);\n    return NextResponse.json(await reply.json());\n  } catch (error) {\n    return NextResponse.json({ error: 'Failed' }, { status: 500 });\n  }\n}"),
      route("export async function GET() {\n  try {\n    return NextResponse.json(await prisma.rate.findMany());\n  } catch (error) {\n    return NextResponse.json({ error: 'Failed' }, { status: 500 });\n  }\n}"),
    ],
    invalid: [
      {
        code: failed,
        at: '{ status: «500» }',
        output: failed.replace("{ status: 500 }", '{ status: 502 }'),
      },
      {
        code: timeout,
        at: "slow', { status: «502» }",
        output: timeout.replace("slow', { status: 502 }", "slow', { status: 504 }"),
      },
      {
        code: axiosCall,
        at: '{ status: «500» }',
        output: axiosCall.replace("{ status: 500 }", '{ status: 502 }'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
