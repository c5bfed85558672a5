// Reports a handler that only puts work on a queue and answers 200 or 201. The work has not
// happened yet (it may still fail); 202 Accepted says exactly that, and lets clients poll.
import ts from 'typescript';
import { chainRootIdentifier, skipTypeWrappers } from '../facts/syntax';
import { codeText } from '../evidence/branchTests';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import type { CallBefore, ResponseSite } from '../types';

const QUEUE_METHODS = new Set(['add', 'addBulk', 'push', 'create', 'createJob', 'send', 'sendMessage', 'publish']);
const PRODUCER_METHODS = new Set(['send', 'sendBatch', 'add', 'addBulk', 'publish']);
// Messages for AWS SDK v3 clients: `sqsClient.send(new SendMessageCommand(…))`.
const QUEUE_COMMANDS = new Set(['SendMessageCommand', 'SendMessageBatchCommand', 'PublishCommand']);

// Calls that do no work of their own: logging, checks, ids, payload building, request look-ups.
const HARMLESS_ROOTS = new Set(['console', 'logger', 'log', 'JSON', 'Object', 'Array', 'Math', 'Date', 'Number', 'String', 'Buffer', 'Promise', 'crypto', 'uuid']);
const HARMLESS_FUNCTIONS = /^(uuid|v4|uuidv4|randomUUID|nanoid|cuid|createId|ulid|validate\w*|parse|safeParse|assert|check|validationResult|is[A-Z]\w*|String|Number|Boolean|parseInt|parseFloat)$/;
const PURE_METHODS = new Set(['toString', 'trim', 'toLowerCase', 'toUpperCase', 'slice', 'split', 'join', 'map', 'forEach', 'filter', 'includes', 'validate', 'parse', 'safeParse', 'toISOString']);

/** The callee's object as written (`pubsub.topic('x')` in `pubsub.topic('x').publish(…)`), or '' for a bare function. */
function objectText(call: ts.CallExpression): string {
  const callee = skipTypeWrappers(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.expression.getText() : '';
}

function isEnqueue({ name, node }: CallBefore): boolean {
  const object = objectText(node);
  if (/^enqueue/i.test(name) || name === 'sendToQueue') return true;
  if (/queue/i.test(object)) return QUEUE_METHODS.has(name);
  if (/(producer|publisher)/i.test(object)) return PRODUCER_METHODS.has(name);
  if (name === 'publish' || name === 'publishMessage') return /(pubsub|topic|channel|sns|nats|broker|amqp|rabbit|kafka|mqtt)/i.test(object);
  if (/sqs/i.test(object)) return name === 'sendMessage' || name === 'sendMessageBatch' || isCommandSend(node);
  if (/sns/i.test(object)) return isCommandSend(node);
  if (/agenda/i.test(object)) return name === 'now' || name === 'schedule';
  if (/boss/i.test(object)) return name === 'send' || name === 'sendAfter';
  if (/inngest/i.test(object)) return name === 'send';
  return /task/i.test(object) && name === 'createTask';
}

function isCommandSend(call: ts.CallExpression): boolean {
  const argument = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
  return argument !== undefined && ts.isNewExpression(argument) && ts.isIdentifier(argument.expression) && QUEUE_COMMANDS.has(argument.expression.text);
}

function isHarmless(call: ts.CallExpression, site: ResponseSite): boolean {
  const root = chainRootIdentifier(call)?.text;
  if (root !== undefined && (HARMLESS_ROOTS.has(root) || root === site.handler?.requestName)) return true;
  const callee = skipTypeWrappers(call.expression);
  if (ts.isIdentifier(callee)) return HARMLESS_FUNCTIONS.test(callee.text);
  return ts.isPropertyAccessExpression(callee) && PURE_METHODS.has(callee.name.text);
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();
}

/** Does the call run on the way to the site, not in a branch the site is outside of? Conditions themselves are checks. */
function isOnPath(call: ts.Node, site: ResponseSite): boolean {
  let child: ts.Node = call;
  for (let current = call.parent; current && current !== site.handler?.node; child = current, current = current.parent) {
    const branch =
      (ts.isIfStatement(current) && child !== current.expression) ||
      (ts.isConditionalExpression(current) && child !== current.condition) ||
      ts.isCatchClause(current);
    if (ts.isIfStatement(current) && child === current.expression) return false;
    if (branch && !contains(child, site.chain)) return false;
    // A `case` holds its statements side by side: a call in it is on the path of a response later in it.
    if (ts.isCaseClause(current) && !contains(current, site.chain)) return false;
  }
  return true;
}

/** The enqueue call when it is the only work the handler does before answering; undefined otherwise. */
function onlyEnqueue(site: ResponseSite): CallBefore | undefined {
  const onPath = site.callsBefore.filter((call) => isOnPath(call.node, site));
  const enqueues = onPath.filter(isEnqueue);
  if (enqueues.length === 0) return undefined;
  // Calls building the payload, or wrapping the enqueue (`Promise.all`, `.then`), are part of it.
  const isPartOfEnqueue = (call: CallBefore): boolean => enqueues.some((enqueue) => contains(enqueue.node, call.node) || contains(call.node, enqueue.node));
  const others = onPath.filter((call) => !isPartOfEnqueue(call));
  if (others.some((call) => !isHarmless(call.node, site))) return undefined;
  return bodyDoesWork(site) ? undefined : enqueues[0];
}

/** `res.json(await Report.findById(id))`: work done while answering. */
function bodyDoesWork(site: ResponseSite): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && !isHarmless(node, site)) found = true;
    else ts.forEachChild(node, visit);
  };
  if (site.body) visit(site.body);
  return found;
}

export const acceptedForAsync: Rule<'accepted-for-async'> = {
  meta: {
    id: 'accepted-for-async',
    defaultSeverity: 'hint',
    description: 'A handler that only enqueues work and answers 200 or 201 instead of 202 Accepted.',
    fixable: true,
    docs: {
      details:
        'When a handler puts a job on a queue (BullMQ/Bull `queue.add`, `enqueue…`, Kafka `producer.send`, ' +
        'RabbitMQ `channel.publish`/`sendToQueue`, SQS `sendMessage`, Agenda `now`/`schedule`, pg-boss `send`) ' +
        'and answers, the work has not happened yet and may still fail. 202 Accepted says so; 200 and 201 ' +
        'claim the work is done or the resource exists.\n\n' +
        'Not reported: handlers that do other work before answering (a database write, an upstream call, a ' +
        'computation: then the 200 or 201 describes that work, and the queued job is a side effect such as a ' +
        'welcome email); queue calls in a branch the response is not in; `GET`/`HEAD` routes; and queue ' +
        'objects the file does not name as such (a queue must have "queue" in its name, or be a known broker ' +
        'client). Some APIs answer 201 with the `Location` of a new job resource; the guide prefers 202 with ' +
        'the job id, and this rule is a hint.',
      incorrect:
        "app.post('/exports', async (req, res) => {\n  const job = await exportQueue.add('csv', { userId: req.user.id });\n  res.status(201).json({ jobId: job.id });\n});",
      correct:
        "app.post('/exports', async (req, res) => {\n  const job = await exportQueue.add('csv', { userId: req.user.id });\n  res.status(202).json({ jobId: job.id });\n});",
    },
  },
  check(site, context) {
    const code = site.status.code;
    if ((code !== 200 && code !== 201) || !site.send) return;
    if (site.route?.method === 'get' || site.route?.method === 'head') return;
    const enqueue = onlyEnqueue(site);
    if (!enqueue) return;
    const fix = changeStatusFix(site, 202, context, true);
    context.report({
      range: site.status.range,
      message: `${codeLabel(code)} after only queueing work (\`${codeText(enqueue.node.expression)}\`): the work has not happened yet. Send 202 Accepted.`,
      fixes: fix ? [fix] : [],
    });
  },
};
