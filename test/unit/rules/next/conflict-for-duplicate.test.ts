// The rule under the Next.js adapter: a duplicate answered 400 in a route handler.
import { ruleTests } from '../../ruleTester';
import { ROUTE_FILE, route } from './routes';

const prismaUnique = route("export async function POST(request) {\n  try {\n    const user = await prisma.user.create({ data: await request.json() });\n    return NextResponse.json(user, { status: 201 });\n  } catch (error) {\n    if (error.code === 'P2002') return NextResponse.json({ error: 'Email already registered' }, { status: 400 });\n    throw error;\n  }\n}");
const sequelize = route("export async function POST(request) {\n  try {\n    return NextResponse.json(await Team.create(await request.json()), { status: 201 });\n  } catch (error) {\n    if (error.name === 'SequelizeUniqueConstraintError') {\n      return new Response('Team name taken', { status: 500 });\n    }\n    return new Response('Failed', { status: 500 });\n  }\n}");
const lookedUp = route("export async function POST(request) {\n  const { email } = await request.json();\n  const existing = await prisma.user.findUnique({ where: { email } });\n  if (existing) {\n    return NextResponse.json({ error: 'User already exists' }, { status: 400 });\n  }\n  return NextResponse.json(await prisma.user.create({ data: { email } }), { status: 201 });\n}");
const guarded = route("export async function POST(request) {\n  try {\n    return Response.json(await Account.create(await request.json()), { status: 201 });\n  } catch (e) {\n    if (e.code !== 11000) throw e;\n    return Response.json({ error: 'Handle already taken' }, { status: 400 });\n  }\n}");

ruleTests(
  'conflict-for-duplicate',
  {
    valid: [
      route("export async function POST(request) {\n  try {\n    const user = await prisma.user.create({ data: await request.json() });\n    return NextResponse.json(user, { status: 201 });\n  } catch (error) {\n    if (error.code === 'P2002') return NextResponse.json({ error: 'Email already registered' }, { status: 409 });\n    throw error;\n  }\n}"),
      route("export async function POST(request) {\n  const { email } = await request.json();\n  if (!email) return NextResponse.json({ error: 'email is required' }, { status: 400 });\n  return NextResponse.json(await prisma.user.create({ data: { email } }), { status: 201 });\n}"),
      // A 422 for a taken value is left alone (see the rule's docs).
      route("export async function POST(request) {\n  try {\n    return NextResponse.json(await Account.create(await request.json()), { status: 201 });\n  } catch (e) {\n    if (e.code === 11000) return new Response('Handle already taken', { status: 422 });\n    throw e;\n  }\n}"),
      route("export async function GET(request) {\n  const user = await prisma.user.findUnique({ where: { id: request.nextUrl.searchParams.get('id') } });\n  if (!user) return NextResponse.json({ error: 'No such user' }, { status: 404 });\n  return NextResponse.json(user);\n}"),
    ],
    invalid: [
      {
        code: prismaUnique,
        at: '{ status: «400» }',
        output: prismaUnique.replace("{ status: 400 }", '{ status: 409 }'),
      },
      {
        code: sequelize,
        at: "taken', { status: «500» }",
        output: sequelize.replace("taken', { status: 500 }", "taken', { status: 409 }"),
      },
      // A look-up before the insert whose found branch says the value is taken.
      {
        code: lookedUp,
        at: '{ status: «400» }',
        output: lookedUp.replace('{ status: 400 }', '{ status: 409 }'),
      },
      {
        code: guarded,
        at: '{ status: «400» }',
        output: guarded.replace('{ status: 400 }', '{ status: 409 }'),
      },
    ],
  },
  { adapter: 'next', file: ROUTE_FILE },
);
