import { ruleTests } from '../ruleTester';

ruleTests('no-error-in-success', {
  valid: [
    // A successful lookup answered with the resource.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  res.json(user);\n});",
    // `{ error: null }` and `{ errors: [] }` say there is no error.
    "app.get('/x', (req, res) => {\n  res.status(200).json({ data: 1, error: null });\n});",
    "app.get('/x', (req, res) => {\n  res.json({ items: [], errors: [] });\n});",
    // The failure is already a 4xx.
    "app.post('/login', (req, res) => {\n  res.status(401).json({ success: false, error: 'Wrong password' });\n});",
    // success: true is a success.
    "app.post('/x', (req, res) => {\n  res.status(200).send({ success: true });\n});",
    // A dynamic status: the file does not say it is 2xx.
    "app.post('/x', (req, res) => {\n  res.status(code).json({ error: 'nope' });\n});",
    // Not a response object: a fetch result named res.
    "async function load() {\n  const res = await fetch('/api');\n  return res.json({ error: 'x' });\n}",
    // A status check in a test is not a response.
    "it('fails', async () => {\n  const res = await request(app).get('/x');\n  expect(res.body).toEqual({ success: false });\n});",
  ],
  invalid: [
    {
      code: "app.post('/login', (req, res) => {\n  res.status(200).json({ success: false, error: 'Wrong password' });\n});",
      at: 'status(«200»)',
      message: /200 OK.*success: false/,
      output: "app.post('/login', (req, res) => {\n  res.status(400).json({ success: false, error: 'Wrong password' });\n});",
    },
    {
      // Implicit 200: the fix makes the status explicit.
      code: "app.get('/x', (req, res) => {\n  res.json({ ok: false });\n});",
      at: ' «res.json({ ok: false })»',
      output: "app.get('/x', (req, res) => {\n  res.status(400).json({ ok: false });\n});",
    },
    {
      // "not found" in the body implies 404.
      code: "router.get('/users/:id', async (req, res) => {\n  res.send({ error: 'User not found' });\n});",
      at: ' «res.send({ error: \'User not found\' })»',
      output: "router.get('/users/:id', async (req, res) => {\n  res.status(404).send({ error: 'User not found' });\n});",
    },
    {
      // Inside a catch the failure is the server's.
      code: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    res.status(200).json({ status: 'error' });\n  }\n});",
      at: 'status(«200»)',
      output: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    res.status(500).json({ status: 'error' });\n  }\n});",
    },
    {
      // Named constants stay named.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => {\n  res.status(StatusCodes.OK).json({ errors: ['bad'] });\n});",
      at: 'status(«StatusCodes.OK»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/x', (req, res) => {\n  res.status(StatusCodes.BAD_REQUEST).json({ errors: ['bad'] });\n});",
    },
    {
      // The status set on its own line, sent on the next.
      code: "app.get('/x', (req, res) => {\n  res.statusCode = 200;\n  res.json({ success: false });\n});",
      at: '= «200»',
      output: "app.get('/x', (req, res) => {\n  res.statusCode = 400;\n  res.json({ success: false });\n});",
    },
    {
      // The team answers validation failures with 422.
      code: "app.post('/x', (req, res) => {\n  res.status(201).json({ ok: false, error: 'bad date' });\n});",
      at: 'status(«201»)',
      options: { validationStatus: 422 },
      output: "app.post('/x', (req, res) => {\n  res.status(422).json({ ok: false, error: 'bad date' });\n});",
    },
    {
      // A controller function registered by reference.
      code: "function login(req, res) {\n  return res.status(200).json({ success: false });\n}\nrouter.post('/login', login);",
      at: 'status(«200»)',
    },
  ],
});
