// Building blocks of the generated Express apps: route handlers and middleware as a team would
// write them, each with an optional seeded mistake of the kind the guide warns about.
import type { RuleId } from '../server/src/analysis/rules';
import type { Rng } from './stats';

/** Each kind of mistake the templates seed, and the rule that should report it. */
export const MISTAKE_RULES = {
  '500 leaking err.message': 'no-leaked-error-details',
  '500 for validation': 'no-server-error-for-bad-input',
  '4xx without detail': 'error-needs-detail',
  '200 for create': 'created-for-create',
  '201 without Location': 'created-needs-location',
  '404 for validation': 'no-not-found-for-validation',
  '200 with success:false': 'no-error-in-success',
  '200 for empty result': 'no-success-for-missing',
  '204 with a body': 'no-content-has-no-body',
  '200 for async work': 'accepted-for-async',
  '302 for a POST redirect': 'redirect-keeps-method',
  '429 without Retry-After': 'rate-limit-needs-retry-after',
  '503 without Retry-After': 'unavailable-needs-retry-after',
  '401 without WWW-Authenticate': 'unauthorized-needs-www-authenticate',
} as const satisfies Record<string, RuleId>;

export type MistakeKind = keyof typeof MISTAKE_RULES;

export interface Resource {
  /** `orders2`: the collection and its route segment. */
  plural: string;
  /** `order2`: a local variable holding one item. */
  singular: string;
  /** `Order`: used in messages. */
  label: string;
}

export interface Draw {
  rng: Rng;
  /** True when this spot gets a mistake; counts it under `kind`. */
  mistake(kind: MistakeKind): boolean;
}

const CONSTANTS: Record<number, string> = { 200: 'OK', 201: 'CREATED', 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 409: 'CONFLICT', 500: 'INTERNAL_SERVER_ERROR' };

/** Most code writes numbers; some teams use http-status-codes' names. */
function status(draw: Draw, code: number): string {
  const name = CONSTANTS[code];
  return name && draw.rng.chance(0.15) ? `StatusCodes.${name}` : String(code);
}

export function listRoute(r: Resource, d: Draw): string[] {
  const invalid = d.mistake('404 for validation')
    ? `    return res.status(404).json({ error: 'Invalid limit' });`
    : `    return res.status(${status(d, 400)}).json({ error: 'limit must be an integer from 1 to 100', field: 'limit', received: req.query.limit });`;
  return [
    `${r.plural}Router.get('/', async (req, res) => {`,
    `  const limit = Number(req.query.limit ?? 20);`,
    `  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {`,
    invalid,
    `  }`,
    `  const ${r.plural} = await db.${r.plural}.find({ ownerId: req.user.id }).limit(limit);`,
    `  res.json({ items: ${r.plural}.map(toPublic${r.label}), count: ${r.plural}.length });`,
    `});`,
  ];
}

export function getRoute(r: Resource, d: Draw): string[] {
  let missing = `    return res.status(${status(d, 404)}).json({ error: '${r.label} not found', id: req.params.id });`;
  if (d.mistake('200 with success:false')) missing = `    return res.status(200).json({ success: false, error: '${r.label} not found' });`;
  else if (d.mistake('200 for empty result')) missing = `    return res.json({ data: null });`;
  return [
    `${r.plural}Router.get('/:id', async (req, res) => {`,
    `  const ${r.singular} = await db.${r.plural}.findById(req.params.id);`,
    `  if (!${r.singular}) {`,
    missing,
    `  }`,
    `  res.json(toPublic${r.label}(${r.singular}));`,
    `});`,
  ];
}

export function createRoute(r: Resource, d: Draw): string[] {
  const field = d.rng.pick(['name', 'title', 'email', 'reference']);
  let invalid = `    return res.status(${status(d, 400)}).json({ error: '${field} is required', field: '${field}' });`;
  if (d.mistake('500 for validation')) invalid = `    return res.status(500).json({ error: '${field} is required' });`;
  else if (d.mistake('4xx without detail')) invalid = `    return res.status(400).json({ error: 'Bad request' });`;
  let created = `    return res.status(${status(d, 201)}).location(\`/${r.plural}/\${${r.singular}.id}\`).json(${r.singular});`;
  if (d.mistake('201 without Location')) created = `    return res.status(201).json(${r.singular});`;
  else if (d.mistake('200 for create')) created = `    return res.status(200).json(${r.singular});`;
  const failed = d.mistake('500 leaking err.message')
    ? `    return res.status(500).json({ error: err.message });`
    : `    return res.status(${status(d, 500)}).json({ error: 'Could not save the ${r.singular}' });`;
  return [
    `${r.plural}Router.post('/', requireAuth, async (req, res) => {`,
    `  const { ${field}, ...rest } = req.body;`,
    `  if (!${field}) {`,
    invalid,
    `  }`,
    `  try {`,
    `    const ${r.singular} = await db.${r.plural}.create({ ${field}, ...rest, ownerId: req.user.id });`,
    created,
    `  } catch (err) {`,
    `    if (err.code === 11000) {`,
    `      return res.status(${status(d, 409)}).json({ error: 'A ${r.singular} with this ${field} already exists', field: '${field}' });`,
    `    }`,
    `    logger.error({ err, route: 'create ${r.singular}' });`,
    failed,
    `  }`,
    `});`,
  ];
}

export function updateRoute(r: Resource, d: Draw): string[] {
  const illogical = d.mistake('500 for validation')
    ? `    return res.status(500).json({ error: 'Invalid dates' });`
    : `    return res.status(422).json({ error: 'endDate must be after startDate', fields: ['startDate', 'endDate'] });`;
  return [
    `${r.plural}Router.put('/:id', requireAuth, async (req, res) => {`,
    `  const { startDate, endDate } = req.body;`,
    `  if (new Date(endDate) <= new Date(startDate)) {`,
    illogical,
    `  }`,
    `  const updated = await db.${r.plural}.update(req.params.id, req.body);`,
    `  if (!updated) return res.status(404).json({ error: '${r.label} not found', id: req.params.id });`,
    `  res.status(${status(d, 200)}).json(toPublic${r.label}(updated));`,
    `});`,
  ];
}

export function deleteRoute(r: Resource, d: Draw): string[] {
  const done = d.mistake('204 with a body') ? `  res.status(204).json({ deleted: true });` : `  res.status(204).end();`;
  return [
    `${r.plural}Router.delete('/:id', requireAuth, requireRole('admin'), async (req, res) => {`,
    `  const removed = await db.${r.plural}.remove(req.params.id);`,
    `  if (!removed) return res.sendStatus(404);`,
    done,
    `});`,
  ];
}

export function exportRoute(r: Resource, d: Draw): string[] {
  const queued = d.mistake('200 for async work')
    ? `  res.status(200).json({ jobId, message: 'Export queued' });`
    : `  res.status(202).location(\`/jobs/\${jobId}\`).json({ jobId });`;
  return [
    `${r.plural}Router.post('/:id/export', requireAuth, async (req, res) => {`,
    `  const jobId = await queue.add('export-${r.plural}', { id: req.params.id, by: req.user.id });`,
    queued,
    `});`,
  ];
}

export function chargeRoute(r: Resource, d: Draw): string[] {
  const badGateway = d.mistake('500 leaking err.message')
    ? `    res.status(500).json({ error: err.message, stack: err.stack });`
    : `    res.status(502).json({ error: 'The payment service sent an invalid answer' });`;
  return [
    `${r.plural}Router.post('/:id/charge', requireAuth, async (req, res) => {`,
    `  try {`,
    `    const receipt = await paymentClient.charge({ ${r.singular}Id: req.params.id, amount: req.body.amount });`,
    `    res.status(201).location(\`/receipts/\${receipt.id}\`).json(receipt);`,
    `  } catch (err) {`,
    `    if (err.name === 'AbortError') {`,
    `      return res.status(504).json({ error: 'The payment service did not answer in time' });`,
    `    }`,
    `    logger.warn({ err, ${r.singular}Id: req.params.id });`,
    badGateway,
    `  }`,
    `});`,
  ];
}

export function redirectRoutes(r: Resource, d: Draw): string[] {
  const keep = d.mistake('302 for a POST redirect') ? 302 : 307;
  return [
    `${r.plural}Router.post('/:id/submit', (req, res) => {`,
    `  res.redirect(${keep}, \`/v2/${r.plural}/\${req.params.id}/submit\`);`,
    `});`,
    `${r.plural}Router.get('/legacy/:id', (req, res) => res.redirect(301, \`/${r.plural}/\${req.params.id}\`));`,
  ];
}

export function summaryRoute(r: Resource, d: Draw): string[] {
  return [
    `${r.plural}Router.get('/:id/summary', async (req, res) => {`,
    `  const summary = await cache.get(\`${r.singular}:\${req.params.id}\`);`,
    `  if (!summary) return res.status(${status(d, 404)}).json({ error: 'No summary yet', id: req.params.id });`,
    `  const etag = \`"\${summary.version}"\`;`,
    `  if (req.headers['if-none-match'] === etag) return res.status(304).end();`,
    `  res.set('ETag', etag).json(summary);`,
    `});`,
  ];
}

/** Code without any response: the parts of a real module that only cost parse time. */
export function helpers(r: Resource): string[] {
  return [
    `function toPublic${r.label}(${r.singular}) {`,
    `  const { passwordHash, internalNotes, ...visible } = ${r.singular};`,
    `  return { ...visible, createdAt: new Date(${r.singular}.createdAt).toISOString() };`,
    `}`,
    ``,
    `async function load${r.label}Rates() {`,
    `  const res = await fetch(\`\${process.env.RATES_URL}/${r.plural}\`);`,
    `  if (!res.ok) throw new Error(\`rates for ${r.plural}: \${res.status}\`);`,
    `  return res.json();`,
    `}`,
  ];
}

export function rateLimitMiddleware(d: Draw, name: string): string[] {
  const limited = d.mistake('429 without Retry-After')
    ? `    return res.status(429).json({ error: 'Too many requests' });`
    : `    return res.status(429).set('Retry-After', String(quota.resetSeconds)).json({ error: 'Too many requests', retryAfterSeconds: quota.resetSeconds });`;
  return [
    `function ${name}(req, res, next) {`,
    `  const quota = limiter.take(\`${name}:\${req.ip}\`);`,
    `  if (quota.remaining < 0) {`,
    limited,
    `  }`,
    `  next();`,
    `}`,
  ];
}

export function authMiddleware(d: Draw, name: string): string[] {
  const anonymous = d.mistake('401 without WWW-Authenticate')
    ? `    return res.status(401).json({ error: 'Sign in first' });`
    : `    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });`;
  return [
    `function ${name}(req, res, next) {`,
    `  const token = req.get('Authorization')?.replace(/^Bearer /, '');`,
    `  if (!token) {`,
    anonymous,
    `  }`,
    `  req.user = sessions.verify(token);`,
    `  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: 'The token is invalid or has expired' });`,
    `  next();`,
    `}`,
  ];
}

export function roleMiddleware(): string[] {
  return [
    `function requireRole(role) {`,
    `  return (req, res, next) => {`,
    `    if (!req.user.roles.includes(role)) return res.status(403).json({ error: \`This needs the \${role} role\` });`,
    `    next();`,
    `  };`,
    `}`,
  ];
}

/** `target.use(...)`: the whole app, or one router. */
export function maintenanceMiddleware(d: Draw, target: string): string[] {
  const closed = d.mistake('503 without Retry-After')
    ? `    return res.status(503).json({ error: 'Down for maintenance' });`
    : `    return res.status(503).set('Retry-After', '120').json({ error: 'Down for maintenance' });`;
  return [`${target}.use((req, res, next) => {`, `  if (maintenance.active) {`, closed, `  }`, `  next();`, `});`];
}

export function errorMiddleware(d: Draw): string[] {
  const answer = d.mistake('500 leaking err.message')
    ? `  res.status(500).json({ error: err.message });`
    : `  res.status(500).json({ error: 'Something went wrong on our side', requestId: req.id });`;
  return [`app.use((err, req, res, next) => {`, `  logger.error({ err, requestId: req.id });`, answer, `});`];
}
