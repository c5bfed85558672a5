import { ruleTests } from '../ruleTester';

ruleTests('accepted-for-async', {
  valid: [
    // Already 202.
    "app.post('/reports', async (req, res) => {\n  const job = await reportQueue.add('generate', req.body);\n  res.status(202).json({ message: 'Report queued', jobId: job.id });\n});",
    // The handler creates the user; the queued email is a side effect, so 201 is right.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  await emailQueue.add('welcome', { userId: user.id });\n  res.status(201).json(user);\n});",
    // A read that also publishes an event: GET routes are not reported.
    "app.get('/articles/:id', async (req, res) => {\n  await eventQueue.add('viewed', { id: req.params.id });\n  res.json({ id: req.params.id });\n});",
    // The queue call is in a branch that answers on its own; the other path does the work.
    "app.post('/reports', async (req, res) => {\n  if (req.query.async) {\n    await reportQueue.add('build', req.body);\n    return res.status(202).json({ queued: true });\n  }\n  const report = await buildReport(req.body);\n  res.status(200).json(report);\n});",
    // `add` on something that is not a queue.
    "app.post('/cart', (req, res) => {\n  cart.add(req.body.item);\n  res.status(201).json({ items: cart.size });\n});",
    // `publish` on a blog post is the work itself.
    "app.post('/posts/:id/publish', async (req, res) => {\n  await post.publish(req.params.id);\n  res.sendStatus(200);\n});",
    // The answer carries work done while answering.
    "app.post('/stats', async (req, res) => {\n  await statsQueue.add('refresh');\n  res.status(200).json(await Stats.current());\n});",
    // An upstream call besides the queue.
    "app.post('/orders', async (req, res) => {\n  const quote = await fetch(QUOTE_URL);\n  await orderQueue.add('place', { quote: await quote.json() });\n  res.status(201).json({ ok: true });\n});",
    // Not a 200 or 201.
    "app.post('/jobs', async (req, res) => {\n  await jobQueue.add('x', req.body);\n  res.status(204).end();\n});",
  ],
  invalid: [
    {
      // The guide's example answered 201.
      code: "app.post('/reports/generate', async (req, res) => {\n  const job = await queue.add('generate-report', req.body);\n  res.status(201).json({ message: 'Report queued', jobId: job.id });\n});",
      at: 'status(«201»)',
      message: /^201 Created after only queueing work \(`queue\.add`\).*202 Accepted/,
      output: "app.post('/reports/generate', async (req, res) => {\n  const job = await queue.add('generate-report', req.body);\n  res.status(202).json({ message: 'Report queued', jobId: job.id });\n});",
    },
    {
      // An implicit 200: the fix makes 202 explicit.
      code: "app.post('/emails', async (req, res) => {\n  await emailQueue.add('send', { to: req.body.to });\n  res.json({ queued: true });\n});",
      at: ' «res.json({ queued: true })»',
      output: "app.post('/emails', async (req, res) => {\n  await emailQueue.add('send', { to: req.body.to });\n  res.status(202).json({ queued: true });\n});",
    },
    {
      // Kafka, with sendStatus.
      code: "app.post('/events', async (req, res) => {\n  await producer.send({ topic: 'events', messages: [{ value: JSON.stringify(req.body) }] });\n  res.sendStatus(200);\n});",
      at: 'sendStatus(«200»)',
      output: "app.post('/events', async (req, res) => {\n  await producer.send({ topic: 'events', messages: [{ value: JSON.stringify(req.body) }] });\n  res.sendStatus(202);\n});",
    },
    {
      // SQS through the v3 client, with an id, a log line and a named constant.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/imports', async (req, res) => {\n  const id = randomUUID();\n  logger.info('queueing import', id);\n  await sqsClient.send(new SendMessageCommand({ QueueUrl: IMPORTS, MessageBody: JSON.stringify({ id, ...req.body }) }));\n  res.status(StatusCodes.CREATED).json({ id });\n});",
      at: 'status(«StatusCodes.CREATED»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/imports', async (req, res) => {\n  const id = randomUUID();\n  logger.info('queueing import', id);\n  await sqsClient.send(new SendMessageCommand({ QueueUrl: IMPORTS, MessageBody: JSON.stringify({ id, ...req.body }) }));\n  res.status(StatusCodes.ACCEPTED).json({ id });\n});",
    },
    {
      // RabbitMQ.
      code: "app.post('/thumbnails', (req, res) => {\n  channel.sendToQueue('thumbnails', Buffer.from(JSON.stringify(req.body)));\n  res.status(200).send('Queued');\n});",
      at: 'status(«200»)',
      output: "app.post('/thumbnails', (req, res) => {\n  channel.sendToQueue('thumbnails', Buffer.from(JSON.stringify(req.body)));\n  res.status(202).send('Queued');\n});",
    },
    {
      // Validation first (its 400 is not reported), then only the queue.
      code: "app.post('/emails', async (req, res) => {\n  if (!isEmail(req.body.to)) {\n    return res.status(400).json({ error: 'to must be an email address' });\n  }\n  await mailQueue.add('send', req.body);\n  return res.status(200).json({ status: 'queued' });\n});",
      at: 'status(«200»)',
      output: "app.post('/emails', async (req, res) => {\n  if (!isEmail(req.body.to)) {\n    return res.status(400).json({ error: 'to must be an email address' });\n  }\n  await mailQueue.add('send', req.body);\n  return res.status(202).json({ status: 'queued' });\n});",
    },
    {
      // Agenda, in a controller registered by reference.
      code: "async function scheduleDigest(req, res) {\n  await agenda.now('send digest', { userId: req.user.id });\n  res.status(201).end();\n}\nrouter.post('/digests', scheduleDigest);",
      at: 'status(«201»)',
      output: "async function scheduleDigest(req, res) {\n  await agenda.now('send digest', { userId: req.user.id });\n  res.status(202).end();\n}\nrouter.post('/digests', scheduleDigest);",
    },
    {
      // Many jobs at once.
      code: "app.post('/batch', async (req, res) => {\n  await Promise.all(req.body.items.map((item) => workQueue.add('item', item)));\n  res.status(200).json({ count: req.body.items.length });\n});",
      at: 'status(«200»)',
      output: "app.post('/batch', async (req, res) => {\n  await Promise.all(req.body.items.map((item) => workQueue.add('item', item)));\n  res.status(202).json({ count: req.body.items.length });\n});",
    },
  ],
});
