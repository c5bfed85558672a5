import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTests } from '../ruleTester';
import { fixOutput } from './fixOutput';

ruleTests('created-for-create', {
  valid: [
    // A 201 answered through content negotiation: every branch sends with it.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).format({\n    json() { res.json(user); },\n    html() { res.render('user', { user }); },\n  });\n});",
    // A login answers 200: it looks a user up, it creates nothing.
    "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  res.json({ token: sign(user) });\n});",
    // Even when the login stores a session record, a login route is not a create.
    "app.post('/auth/login', async (req, res) => {\n  const session = await Session.create({ userId: req.body.id });\n  res.json(session);\n});",
    // A successful lookup answered with the resource.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  res.json(user);\n});",
    // Already 201.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n});",
    // save() on a record that was loaded is an update.
    "app.post('/users/:id/rename', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  user.name = req.body.name;\n  await user.save();\n  res.json(user);\n});",
    // Find-or-create: the create only runs in a branch, so 200 may answer an existing record.
    "app.post('/users', async (req, res) => {\n  let user = await User.findOne({ email: req.body.email });\n  if (!user) {\n    user = await User.create(req.body);\n  }\n  res.json(user);\n});",
    // A side record the response does not mention: the action is not a create.
    "app.post('/orders/:id/cancel', async (req, res) => {\n  await Notification.create({ order: req.params.id });\n  res.json({ status: 'cancelled' });\n});",
    // A queued job is 202 territory, not a stored record.
    "app.post('/reports', async (req, res) => {\n  const job = await queue.add('report', req.body);\n  res.json(job);\n});",
    // A rendered page after a form post.
    "app.post('/signup', async (req, res) => {\n  const user = await User.create(req.body);\n  res.render('welcome', { user });\n});",
    // The status is not pinned down.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(code).json(user);\n});",
    // Object.create builds an object in memory.
    "app.post('/preview', (req, res) => {\n  const copy = Object.create(template);\n  res.json(copy);\n});",
    // Search routes answer queries.
    "app.post('/users/search', async (req, res) => {\n  const saved = await SavedSearch.create(req.body);\n  res.json(saved);\n});",
    // A 200 in the catch answers the failure, not the create.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    res.json({ created: false });\n  }\n});",
    // An action on a record: the route names no collection and the answer is not the new record.
    "app.post('/posts/:id/like', async (req, res) => {\n  await Like.create({ post: req.params.id, user: req.user.id });\n  res.json({ count: await Like.countDocuments({ post: req.params.id }) });\n});",
    // A create in one arm of the answer only.
    "app.post('/users', async (req, res) => {\n  res.json(existing ? existing : await User.create(req.body));\n});",
    // A message saying nothing was created.
    "app.post('/teams/:id/invite', async (req, res) => {\n  await Invite.create(req.body);\n  res.json({ message: 'Invite not created: mail is off' });\n});",
    // A GET that logs a visit.
    "app.get('/articles/:id', async (req, res) => {\n  const visit = await Visit.create({ article: req.params.id });\n  res.json(visit);\n});",
  ],
  invalid: [
    {
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.json(user);\n});",
      at: ' «res.json(user)»',
      message: /POST creates a record \(`User\.create`\).*201 Created/,
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n});",
    },
    {
      // A message that says "created", and a record built with `new` then saved.
      code: "router.post('/', async (req, res) => {\n  const post = new Post(req.body);\n  await post.save();\n  res.status(200).send({ message: 'Post created' });\n});",
      at: 'status(«200»)',
      output: "router.post('/', async (req, res) => {\n  const post = new Post(req.body);\n  await post.save();\n  res.status(201).send({ message: 'Post created' });\n});",
    },
    {
      // Named constants stay named.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/orders', async (req, res) => {\n  const order = await Order.create(req.body);\n  res.status(StatusCodes.OK).json(order);\n});",
      at: 'status(«StatusCodes.OK»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/orders', async (req, res) => {\n  const order = await Order.create(req.body);\n  res.status(StatusCodes.CREATED).json(order);\n});",
    },
    {
      // The status on its own line, sent on the next.
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(200);\n  res.json(user);\n});",
      at: 'status(«200»)',
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201);\n  res.json(user);\n});",
    },
    {
      // Prisma, the record wrapped in the body.
      code: "app.post('/users', async (req, res) => {\n  const user = await prisma.user.create({ data: req.body });\n  res.json({ user });\n});",
      at: ' «res.json({ user })»',
      output: "app.post('/users', async (req, res) => {\n  const user = await prisma.user.create({ data: req.body });\n  res.status(201).json({ user });\n});",
    },
    {
      // A controller registered in another file, named for what it does.
      code: "exports.createUser = async (req, res) => {\n  const user = await User.create(req.body);\n  res.json(user);\n};",
      at: ' «res.json(user)»',
      message: /This handler creates a record/,
      output: "exports.createUser = async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n};",
    },
    {
      // No body: the route is the collection of what was stored.
      code: "app.post('/books', async (req, res) => {\n  await Book.create(req.body);\n  res.sendStatus(200);\n});",
      at: 'sendStatus(«200»)',
      output: "app.post('/books', async (req, res) => {\n  await Book.create(req.body);\n  res.sendStatus(201);\n});",
    },
    {
      // TypeORM: build with create, store with save.
      code: "app.post('/users', async (req, res) => {\n  const entity = userRepository.create(req.body);\n  await userRepository.save(entity);\n  res.json(entity);\n});",
      at: ' «res.json(entity)»',
      output: "app.post('/users', async (req, res) => {\n  const entity = userRepository.create(req.body);\n  await userRepository.save(entity);\n  res.status(201).json(entity);\n});",
    },
    {
      // The create inside the body, in an arrow function's expression body.
      code: "app.post('/users', async (req, res) => res.json(await User.create(req.body)));",
      at: ' «res.json(await User.create(req.body))»)',
      output: "app.post('/users', async (req, res) => res.status(201).json(await User.create(req.body)));",
    },
    {
      // Promise style: the record arrives in the callback.
      code: "app.post('/users', (req, res) => {\n  User.create(req.body).then((user) => res.send(user));\n});",
      at: ' «res.send(user)»)',
      output: "app.post('/users', (req, res) => {\n  User.create(req.body).then((user) => res.status(201).send(user));\n});",
    },
    {
      // The Mongo driver's insertOne, the new id in the body.
      code: "app.post('/notes', async (req, res) => {\n  const result = await db.collection('notes').insertOne(req.body);\n  res.json({ id: result.insertedId });\n});",
      at: ' «res.json({ id: result.insertedId })»',
      output: "app.post('/notes', async (req, res) => {\n  const result = await db.collection('notes').insertOne(req.body);\n  res.status(201).json({ id: result.insertedId });\n});",
    },
    {
      // The success branch of a conditional status.
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(user ? 200 : 500).json(user);\n});",
      at: "user ? \u00ab200\u00bb : 500",
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(user ? 201 : 500).json(user);\n});",
    },
    {
      // An arrow helper called with a status.
      code: "const fail = (res, code, msg) => res.status(code).send({ error: msg });\napp.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  return fail(res, 200, 'Created');\n});",
      at: "fail(res, \u00ab200\u00bb, 'Created')",
      output: "const fail = (res, code, msg) => res.status(code).send({ error: msg });\napp.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  return fail(res, 201, 'Created');\n});",
    },
    {
      // A helper whose status parameter has a default: reported at the call, fixed by passing the status.
      code: "const ok = (res, data, status = 200) => res.status(status).json(data);\napp.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  return ok(res, user);\n});",
      at: "return \u00abok(res, user)\u00bb",
      output: "const ok = (res, data, status = 200) => res.status(status).json(data);\napp.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  return ok(res, user, 201);\n});",
    },
  ],
});

describe('created-for-create: the fix that also adds Location', () => {
  it('builds the URL from the route and the record id', () => {
    const code = "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.json(user);\n});";
    assert.equal(
      fixOutput('created-for-create', code, 'add Location'),
      "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).set('Location', `/users/${user.id}`).json(user);\n});",
    );
  });

  it('puts req.baseUrl in front on a router, and fills route parameters', () => {
    const code = "router.post('/:postId/comments', async (req, res) => {\n  const comment = await Comment.create(req.body);\n  res.status(200).json(comment);\n});";
    assert.equal(
      fixOutput('created-for-create', code, 'add Location'),
      "router.post('/:postId/comments', async (req, res) => {\n  const comment = await Comment.create(req.body);\n  res.status(201).set('Location', `${req.baseUrl}/${req.params.postId}/comments/${comment.id}`).json(comment);\n});",
    );
  });

  it('uses the id the body already names', () => {
    const code = "app.post('/notes', async (req, res) => {\n  const result = await db.collection('notes').insertOne(req.body);\n  res.json({ id: result.insertedId });\n});";
    assert.match(fixOutput('created-for-create', code, 'add Location'), /\.set\('Location', `\/notes\/\$\{result\.insertedId\}`\)/);
  });
});
