import { ruleTests } from '../ruleTester';

ruleTests('created-needs-location', {
  valid: [
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).location(`/users/${user.id}`).json(user);\n});",
    // Set by an earlier statement of the same handler.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.set('Location', `/users/${user.id}`);\n  res.status(201).json(user);\n});",
    // PUT creates at the URL the client used.
    "app.put('/users/:id', async (req, res) => {\n  const user = await User.create({ _id: req.params.id, ...req.body });\n  res.status(201).json(user);\n});",
    // Many records at once have no single URL.
    "app.post('/users/import', async (req, res) => {\n  const users = await User.insertMany(req.body);\n  res.status(201).json(users);\n});",
    // A token is not a resource with a URL.
    "app.post('/auth/token', async (req, res) => {\n  res.status(201).json({ token: await issue(req.body) });\n});",
    // Headers whose names the file does not spell out.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.set(linkHeaders(user));\n  res.status(201).json(user);\n});",
    // The response is handed to a helper that may set the header.
    "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  addLocation(res, user);\n  res.status(201).json(user);\n});",
    // node:http with the header in writeHead.
    "function handle(req, res) {\n  res.writeHead(201, { Location: '/users/1' });\n  res.end();\n}",
    // 200 is another rule's business.
    "app.get('/users', (req, res) => {\n  res.json([]);\n});",
  ],
  invalid: [
    {
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).json(user);\n});",
      at: 'status(«201»)',
      message: /201 Created without a Location header/,
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201).set('Location', `/users/${user.id}`).json(user);\n});",
    },
    {
      // Code that names `_id` gets `_id`.
      code: "app.post('/users', async (req, res) => {\n  const user = await new User(req.body).save();\n  log(user._id);\n  res.status(201).json(user);\n});",
      at: 'status(«201»)',
      output: "app.post('/users', async (req, res) => {\n  const user = await new User(req.body).save();\n  log(user._id);\n  res.status(201).set('Location', `/users/${user._id}`).json(user);\n});",
    },
    {
      // On a router the mount path is written elsewhere; route parameters are filled in.
      code: "router.post('/:userId/posts', async (req, res) => {\n  const post = await Post.create(req.body);\n  res.status(201).json(post);\n});",
      at: 'status(«201»)',
      output: "router.post('/:userId/posts', async (req, res) => {\n  const post = await Post.create(req.body);\n  res.status(201).set('Location', `${req.baseUrl}/${req.params.userId}/posts/${post.id}`).json(post);\n});",
    },
    {
      // One call per line keeps its layout.
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res\n    .status(201)\n    .json(user);\n});",
      at: 'status(«201»)',
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res\n    .status(201)\n    .set('Location', `/users/${user.id}`)\n    .json(user);\n});",
    },
    {
      // Double quotes, no semicolons, CRLF: the file's style is kept.
      code: 'app.post("/users", async (req, res) => {\r\n  const user = await User.create(req.body)\r\n  res.status(201).json(user)\r\n})',
      at: 'status(«201»)',
      output: 'app.post("/users", async (req, res) => {\r\n  const user = await User.create(req.body)\r\n  res.status(201).set("Location", `/users/${user.id}`).json(user)\r\n})',
    },
    {
      // Named constants; the id taken from the body literal.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/notes', async (req, res) => {\n  const id = await notes.insert(req.body);\n  res.status(StatusCodes.CREATED).json({ id });\n});",
      at: 'status(«StatusCodes.CREATED»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/notes', async (req, res) => {\n  const id = await notes.insert(req.body);\n  res.status(StatusCodes.CREATED).set('Location', `/notes/${id}`).json({ id });\n});",
    },
    // The code does not tell the id: reported, with no fix that would invent one.
    { code: "app.post('/books', async (req, res) => {\n  await Book.create(req.body);\n  res.sendStatus(201);\n});", at: 'sendStatus(«201»)' },
    // node:http, registered elsewhere: no route to build a URL from.
    { code: "function handle(req, res) {\n  res.writeHead(201, { 'Content-Type': 'application/json' });\n  res.end(JSON.stringify({ id: 1 }));\n}", at: 'writeHead(«201»' },
    {
      // A record built in the handler with its own id.
      code: "app.post('/todos', (req, res) => {\n  const todo = { id: nextId(), ...req.body };\n  todos.push(todo);\n  res.status(201).json(todo);\n});",
      at: 'status(«201»)',
      output: "app.post('/todos', (req, res) => {\n  const todo = { id: nextId(), ...req.body };\n  todos.push(todo);\n  res.status(201).set('Location', `/todos/${todo.id}`).json(todo);\n});",
    },
    {
      // The status on its own line, sent on the next.
      code: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201);\n  res.json(user);\n});",
      at: 'status(«201»)',
      output: "app.post('/users', async (req, res) => {\n  const user = await User.create(req.body);\n  res.status(201);\n  res.set('Location', `/users/${user.id}`).json(user);\n});",
    },
    {
      // Each branch of a conditional status is a response of its own: the 201 one lacks a Location.
      code: "app.post('/users', async (req, res) => {\n  res.status(created ? 201 : 200).json(req.body);\n});",
      at: 'created ? «201» : 200',
    },
  ],
});
