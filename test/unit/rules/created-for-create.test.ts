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
    // An upsert answers an existing record as often as a new one.
    "app.post('/settings', async (req, res) => {\n  const settings = await settingsService.createOrUpdate(req.body);\n  res.json(settings);\n});",
    // Find-or-create, Sequelize style.
    "app.post('/tags', async (req, res) => {\n  const [tag] = await Tag.findOrCreate({ where: { name: req.body.name } });\n  res.json(tag);\n});",
    // A toggle: liking pushes into the post's likes, on the likes route; it creates no resource.
    "router.post('/posts/:id/likes', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  post.likes.push({ user: req.user.id });\n  await post.save();\n  res.json(post.likes);\n});",
    // A toggle named as one, in a controller registered elsewhere.
    "exports.likePost = async (req, res) => {\n  const like = await likeService.addLike(req.params.id, req.user.id);\n  res.json(like);\n};",
    // A sub-document pushed on a route that does not name its collection: an update of the loaded post.
    "router.post('/comment/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  const newComment = { text: req.body.text };\n  post.comments.unshift(newComment);\n  await post.save();\n  res.json(post.comments);\n});",
    // An id pushed into a list is a reference, not a new sub-document.
    "router.post('/users/:id/friends', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  user.friends.push(req.body.friendId);\n  await user.save();\n  res.json(user.friends);\n});",
    // A log-in that makes a token: `createToken` creates no stored resource.
    "exports.login = async (req, res) => {\n  const token = await authService.createToken(req.body);\n  res.json({ token });\n};",
    // Handed the request itself: the service reads uploads, it does not store a record the client described.
    "exports.createAttachment = async (req, res) => {\n  const contents = await attachmentsService.createAttachment(req);\n  res.json(contents);\n};",
    // An ingest endpoint answers how much it took in.
    "app.post('/events/ingest', async (req, res) => {\n  const result = await pipeline.ingest(req.body);\n  res.json(result);\n});",
    // A bulk import in a controller registered elsewhere, answering a count: no single new resource.
    "exports.importDocs = (req, res) => {\n  db.collection('docs').insertMany(req.body).then((stats) => {\n    res.send(`${stats.insertedCount} inserted`);\n  });\n};",
    // An update of an existing record.
    "exports.saveProfile = async (req, res) => {\n  const user = await User.findByIdAndUpdate(req.user.id, req.body, { new: true });\n  res.json(user);\n};",
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
    {
      // The response inside the save callback of a record built with `new`.
      code: "app.post('/users', (req, res) => {\n  const user = new User(req.body);\n  user.save((err) => {\n    if (err) return res.status(500).json({ error: 'Could not save' });\n    res.send(user);\n  });\n});",
      at: '    «res.send(user)»',
      output: "app.post('/users', (req, res) => {\n  const user = new User(req.body);\n  user.save((err) => {\n    if (err) return res.status(500).json({ error: 'Could not save' });\n    res.status(201).send(user);\n  });\n});",
    },
    {
      // A token signed for the new user, answered from the signing callback.
      code: "router.post('/', async (req, res) => {\n  let user = await User.findOne({ email: req.body.email });\n  if (user) return res.status(400).json({ error: 'User already exists' });\n  user = new User(req.body);\n  await user.save();\n  jwt.sign({ user: { id: user.id } }, secret, (err, token) => {\n    res.json({ token });\n  });\n});",
      at: '    «res.json({ token })»',
      output: "router.post('/', async (req, res) => {\n  let user = await User.findOne({ email: req.body.email });\n  if (user) return res.status(400).json({ error: 'User already exists' });\n  user = new User(req.body);\n  await user.save();\n  jwt.sign({ user: { id: user.id } }, secret, (err, token) => {\n    res.status(201).json({ token });\n  });\n});",
    },
    {
      // A create through a function whose name says so.
      code: "router.post('/articles/:slug/comments', async (req, res) => {\n  const comment = await addComment(req.body.comment, req.params.slug);\n  res.json({ comment });\n});",
      at: ' «res.json({ comment })»',
      message: /`addComment`/,
      output: "router.post('/articles/:slug/comments', async (req, res) => {\n  const comment = await addComment(req.body.comment, req.params.slug);\n  res.status(201).json({ comment });\n});",
    },
    {
      // A service's create, in a controller registered elsewhere whose whole answer is the new record.
      code: "exports.placeOrder = async (req, res) => {\n  const order = await orderService.createOrder(req.body);\n  res.status(200).json(order);\n};",
      at: 'status(«200»)',
      output: "exports.placeOrder = async (req, res) => {\n  const order = await orderService.createOrder(req.body);\n  res.status(201).json(order);\n};",
    },
    {
      // A sign-up controller: the record arrives in `.then`, the answer in a nested callback says "registered".
      code: "exports.signup = (req, res) => {\n  User.create(req.body).then((user) => {\n    user.setRoles([1]).then(() => {\n      res.send({ message: 'User registered successfully!' });\n    });\n  });\n};",
      at: '      «res.send({ message: \'User registered successfully!\' })»',
      output: "exports.signup = (req, res) => {\n  User.create(req.body).then((user) => {\n    user.setRoles([1]).then(() => {\n      res.status(201).send({ message: 'User registered successfully!' });\n    });\n  });\n};",
    },
    {
      // A sub-document pushed into a loaded post and saved, on the comments route, answering the comment.
      code: "router.post('/posts/:id/comments', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  const comment = { text: req.body.text, user: req.user.id };\n  post.comments.push(comment);\n  await post.save();\n  res.json(comment);\n});",
      at: ' «res.json(comment)»',
      output: "router.post('/posts/:id/comments', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  const comment = { text: req.body.text, user: req.user.id };\n  post.comments.push(comment);\n  await post.save();\n  res.status(201).json(comment);\n});",
    },
    {
      // Sequelize: build, then save.
      code: "app.post('/tags', async (req, res) => {\n  const tag = await Tag.build(req.body).save();\n  res.json(tag);\n});",
      at: ' «res.json(tag)»',
      output: "app.post('/tags', async (req, res) => {\n  const tag = await Tag.build(req.body).save();\n  res.status(201).json(tag);\n});",
    },
    {
      // Mongoose's callback style: the new document is the callback's second parameter.
      code: "app.post('/books', (req, res) => {\n  Book.create(req.body, (err, book) => {\n    res.json(book);\n  });\n});",
      at: '    «res.json(book)»',
      output: "app.post('/books', (req, res) => {\n  Book.create(req.body, (err, book) => {\n    res.status(201).json(book);\n  });\n});",
    },
    {
      // knex: the inserted record sent back.
      code: "app.post('/comments', async (req, res) => {\n  const comment = { body: req.body.body };\n  await knex('comments').insert(comment);\n  res.json(comment);\n});",
      at: ' «res.json(comment)»',
      output: "app.post('/comments', async (req, res) => {\n  const comment = { body: req.body.body };\n  await knex('comments').insert(comment);\n  res.status(201).json(comment);\n});",
    },
    {
      // drizzle: insert…values…returning.
      code: "app.post('/tasks', async (req, res) => {\n  const [task] = await db.insert(tasks).values(req.body).returning();\n  res.json(task);\n});",
      at: ' «res.json(task)»',
      output: "app.post('/tasks', async (req, res) => {\n  const [task] = await db.insert(tasks).values(req.body).returning();\n  res.status(201).json(task);\n});",
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
