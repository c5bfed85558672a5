import { ruleTests } from '../ruleTester';

ruleTests('no-success-for-missing', {
  valid: [
    // A 404 through content negotiation is not read as 200.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404);\n    return res.format({\n      json: () => res.json(null),\n      html: () => res.render('404'),\n    });\n  }\n  res.json(user);\n});",
    // A successful lookup answered with the record.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ error: 'User not found' });\n  res.json(user);\n});",
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (user) {\n    res.json(user);\n  }\n});",
    // Nothing found is the useful answer of an availability check.
    "app.get('/handles/check', async (req, res) => {\n  const user = await User.findOne({ handle: req.query.handle });\n  if (!user) return res.json({ available: true });\n  res.json({ available: false });\n});",
    // A password reset answers the same whether or not the email is known.
    "app.post('/forgot', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return res.json({ message: 'If that address exists, a link is on its way' });\n  await sendReset(user);\n  res.json({ message: 'If that address exists, a link is on its way' });\n});",
    // The same, answered with an empty 200.
    "app.post('/password-resets', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return res.sendStatus(200);\n});",
    // An empty list is a valid answer.
    "app.get('/users', async (req, res) => {\n  const users = await User.find({ team: req.query.team });\n  if (!users.length) return res.json([]);\n  res.json(users);\n});",
    // `{ error: null }` says "no error", it is not an empty payload.
    "app.get('/health', (req, res) => {\n  res.status(200).json({ error: null });\n});",
    // Not a GET: null means "nothing to return", which is another rule's question.
    "app.post('/jobs', (req, res) => {\n  res.json(null);\n});",
    // 204 when a delete finds nothing: idempotent delete.
    "app.delete('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(204).end();\n});",
    // An error body in a 2xx is no-error-in-success's finding, reported once.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.json({ error: 'User not found' });\n});",
    // A name for many records: a list is never falsy, so `!links` asks something else.
    "app.get('/links', async (req, res) => {\n  const links = await query.link.find({ user_id: req.user.id });\n  if (!links) return res.end();\n  res.json(links);\n});",
    // The inner branch reads the request: the answer depends on what was asked, not only on the missing record.
    "app.get('/users/:id', async (req, res) => {\n  const user = await query.user.find({ id: req.params.id });\n  if (!user) {\n    if (req.query.optional) return res.end();\n    return res.status(404).json({ error: 'No user' });\n  }\n  res.json(user);\n});",
    // A page that says nothing was found, where no lookup was tested.
    "app.get('/search', (req, res) => {\n  if (!req.query.q) return res.render('search', { message: 'Could not find anything: type a few words' });\n  res.render('search', { results: search(req.query.q) });\n});",
    // A login that finds no user answers 401, not a 2xx and not 404.
    "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return res.status(401).json({ error: 'Wrong email or password' });\n  res.status(200).json({ token: sign(user) });\n});",
  ],
  invalid: [
    {
      // A page rendered at the default 200 that says the record is missing; `find` tested for absence returns one record or none.
      code: "async function confirmLinkDelete(req, res) {\n  const link = await query.link.find({ uuid: req.query.id });\n  if (!link) {\n    return res.render('partials/dialog/message', { message: 'Could not find the link.' });\n  }\n  res.render('partials/dialog/delete', { id: link.uuid });\n}\nrouter.get('/confirm-delete', confirmLinkDelete);",
      at: 'return «res.render(\'partials/dialog/message\', { message: \'Could not find the link.\' })»',
      message: /200 OK where the lookup found nothing \(`!link`\)/,
      output: "async function confirmLinkDelete(req, res) {\n  const link = await query.link.find({ uuid: req.query.id });\n  if (!link) {\n    return res.status(404).render('partials/dialog/message', { message: 'Could not find the link.' });\n  }\n  res.render('partials/dialog/delete', { id: link.uuid });\n}\nrouter.get('/confirm-delete', confirmLinkDelete);",
    },
    {
      // Only how the client asked is tested inside the branch: an empty text at 200 for a missing record.
      code: "app.get('/links/:id/stats', async (req, res) => {\n  const link = await query.link.find({ uuid: req.params.id });\n  if (!link) {\n    if (req.isHTML) {\n      res.setHeader('HX-Redirect', '/404');\n      res.status(200).send('');\n      return;\n    }\n    throw new CustomError('Link could not be found.', 404);\n  }\n  res.json(await stats(link));\n});",
      at: 'status(«200»)',
      output: "app.get('/links/:id/stats', async (req, res) => {\n  const link = await query.link.find({ uuid: req.params.id });\n  if (!link) {\n    if (req.isHTML) {\n      res.setHeader('HX-Redirect', '/404');\n      res.status(404).send({ error: 'Link not found' });\n      return;\n    }\n    throw new CustomError('Link could not be found.', 404);\n  }\n  res.json(await stats(link));\n});",
    },
    {
      // A class method's own lookup, answered 200 with nothing.
      code: "class TokenController {\n  async updateToken(req, res) {\n    const token = await this.getToken(req.params.token);\n    if (!token) {\n      res.status(200).end();\n      return;\n    }\n    await this.tokens.update(token, req.body);\n    res.status(200).end();\n  }\n}\nrouter.put('/tokens/:token', controller.updateToken);",
      at: 'status(«200»).end();\n      return',
      output: "class TokenController {\n  async updateToken(req, res) {\n    const token = await this.getToken(req.params.token);\n    if (!token) {\n      res.status(404).json({ error: 'Token not found' });\n      return;\n    }\n    await this.tokens.update(token, req.body);\n    res.status(200).end();\n  }\n}\nrouter.put('/tokens/:token', controller.updateToken);",
    },
    {
      code: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.json({ data: null });\n  res.json(user);\n});",
      at: 'return «res.json({ data: null })»',
      message: /200 OK where the lookup found nothing \(`!user`\).*404 Not Found/,
      output: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ error: 'User not found' });\n  res.json(user);\n});",
    },
    {
      // Sending the missing record itself sends null.
      code: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.json(user);\n  }\n});",
      at: 'return «res.json(user)»',
      output: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ error: 'User not found' });\n  }\n});",
    },
    {
      // The else of a found-check; sendStatus becomes status().json().
      code: "app.get('/orders/:id', async (req, res) => {\n  const order = await prisma.order.findUnique({ where: { id: req.params.id } });\n  if (order) {\n    res.json(order);\n  } else {\n    res.sendStatus(200);\n  }\n});",
      at: 'sendStatus(«200»)',
      output: "app.get('/orders/:id', async (req, res) => {\n  const order = await prisma.order.findUnique({ where: { id: req.params.id } });\n  if (order) {\n    res.json(order);\n  } else {\n    res.status(404).json({ error: 'Order not found' });\n  }\n});",
    },
    {
      // A GET answering null, the thing named after the route.
      code: "app.get('/invoices/:id', (req, res) => {\n  res.status(200).json(null);\n});",
      at: 'status(«200»)',
      message: /empty body/,
      output: "app.get('/invoices/:id', (req, res) => {\n  res.status(404).json({ error: 'Invoice not found' });\n});",
    },
    {
      // The body already says "not found": only the status changes.
      code: "app.put('/items/:id', (req, res) => {\n  const existingItem = items.find((item) => item.id === req.params.id);\n  if (existingItem == null) return res.status(200).send({ message: 'Item not found' });\n});",
      at: 'status(«200»)',
      output: "app.put('/items/:id', (req, res) => {\n  const existingItem = items.find((item) => item.id === req.params.id);\n  if (existingItem == null) return res.status(404).send({ message: 'Item not found' });\n});",
    },
    {
      // Status on one line, an empty end() on the next.
      code: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(200);\n    res.end();\n  }\n});",
      at: 'status(«200»)',
      output: "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    res.status(404);\n    res.json({ error: 'User not found' });\n  }\n});",
    },
    {
      // Named constants stay named; the thing comes from the model.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/posts/:id', async (req, res) => {\n  const found = await BlogPost.findOne({ slug: req.params.id });\n  if (!found) return res.status(StatusCodes.OK).json({ post: null });\n});",
      at: 'status(«StatusCodes.OK»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/posts/:id', async (req, res) => {\n  const found = await BlogPost.findOne({ slug: req.params.id });\n  if (!found) return res.status(StatusCodes.NOT_FOUND).json({ error: 'Blog post not found' });\n});",
    },
  ],
});
