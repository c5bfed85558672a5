import { ruleTests } from '../ruleTester';

ruleTests('no-not-found-for-validation', {
  valid: [
    // A helper imported from another module is not read: its calls are not sites.
    "import { sendError } from './errors';\napp.post('/users', (req, res) => {\n  if (!req.body.email) return sendError(res, 404, 'Email is required');\n});",
    // A helper whose number is not the status it sends.
    "function reply(res, retries, message) {\n  log(retries);\n  return res.status(400).json({ message });\n}\napp.post('/users', (req, res) => {\n  if (!req.body.email) return reply(res, 404, 'Email is required');\n});",
    // A helper called with a status the file does not pin down; its own body stays quiet too.
    "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', (req, res) => {\n  if (!req.body.email) return sendError(res, code, 'Email is required');\n});",
    // A branch the file does not pin down stays dynamic.
    "app.get('/search', (req, res) => {\n  res.status(!req.query.q ? code : 200).json({ error: 'q is required' });\n});",
    // A lookup found nothing: exactly what 404 is for.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(404).json({ error: 'User not found' });\n  res.json(user);\n});",
    // Even when the message says "invalid", the lookup decides.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) {\n    return res.status(404).json({ error: 'Invalid user' });\n  }\n});",
    // A lookup inside the condition.
    "app.get('/profile', async (req, res) => {\n  if (!(await User.exists({ email: req.query.email }))) return res.status(404).json({ error: 'No such user' });\n});",
    // An id that cannot exist, answered as not found: a fair choice for a route parameter.
    "app.get('/users/:id', (req, res) => {\n  if (!mongoose.isValidObjectId(req.params.id)) return res.status(404).json({ error: 'User not found' });\n});",
    // Mongoose CastError for a malformed id, same reasoning.
    "app.get('/users/:id', async (req, res) => {\n  try {\n    res.json(await User.findById(req.params.id));\n  } catch (err) {\n    if (err.name === 'CastError') return res.status(404).json({ error: 'User not found' });\n    throw err;\n  }\n});",
    // A mode switch: the archive is a different collection.
    "app.get('/posts', (req, res) => {\n  if (req.query.archived === 'true') return res.status(404).json({ error: 'Archive not found' });\n});",
    // A catch-all 404 speaking of the path.
    "app.use((req, res) => {\n  res.status(404).json({ error: 'Invalid URL' });\n});",
    // Already 400.
    "app.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(400).json({ error: 'q is required' });\n});",
    // Dynamic status.
    "app.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(code).json({ error: 'q is required' });\n});",
    // A `let` assigned again (in a branch, by destructuring, by ++) is not pinned down.
    "let status = 404;\nif (strict) status = 400;\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n});",
    "let status = 404;\n[status] = codes;\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n});",
    "var status = 403;\nstatus++;\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n});",
    // One name declared with two values in the file: which one a use means is not read, so neither.
    "app.get('/a', (req, res) => {\n  const status = 400;\n  res.status(status).json({ error: 'bad' });\n});\napp.get('/search', (req, res) => {\n  const status = 404;\n  if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n});",
    // A parameter of the same name is not the file's constant.
    "const status = 404;\napp.get('/search', (req, res) => {\n  statusFor(req, (status) => {\n    if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n  });\n});",
  ],
  invalid: [
    {
      // express-async-handler style: the status is set, the throw's message is the body the error handler sends.
      code: "router.post('/users', asyncHandler(async (req, res) => {\n  if (!req.body.email) {\n    res.status(404);\n    throw new Error('Email is required');\n  }\n  res.status(201).json(await User.create(req.body));\n}));",
      at: 'res.status(«404»)',
      output: "router.post('/users', asyncHandler(async (req, res) => {\n  if (!req.body.email) {\n    res.status(400);\n    throw new Error('Email is required');\n  }\n  res.status(201).json(await User.create(req.body));\n}));",
    },
    {
      code: "app.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(404).json({ error: 'q is required' });\n});",
      at: 'status(«404»)',
      message: /404 for a validation failure.*!req\.query\.q.*400 Bad Request/,
      output: "app.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(400).json({ error: 'q is required' });\n});",
    },
    {
      // The else of a check for good input.
      code: "app.post('/login', (req, res) => {\n  if (req.body.email && req.body.password) {\n    login(req, res);\n  } else {\n    res.status(404).send('Missing fields');\n  }\n});",
      at: 'status(«404»)',
      output: "app.post('/login', (req, res) => {\n  if (req.body.email && req.body.password) {\n    login(req, res);\n  } else {\n    res.status(400).send('Missing fields');\n  }\n});",
    },
    {
      // A route parameter with a message that calls it a validation failure.
      code: "app.get('/pages/:n', (req, res) => {\n  const { n } = req.params;\n  if (isNaN(n)) return res.status(404).json({ error: 'n must be a number' });\n});",
      at: 'status(«404»)',
      message: /must be/,
      output: "app.get('/pages/:n', (req, res) => {\n  const { n } = req.params;\n  if (isNaN(n)) return res.status(400).json({ error: 'n must be a number' });\n});",
    },
    {
      code: "app.post('/invite', (req, res) => {\n  res.status(404).json({ error: 'Invalid email' });\n});",
      at: 'status(«404»)',
      output: "app.post('/invite', (req, res) => {\n  res.status(400).json({ error: 'Invalid email' });\n});",
    },
    {
      code: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(schema.parse(req.body));\n  } catch (err) {\n    if (err instanceof ZodError) return res.status(404).json({ issues: err.issues });\n    throw err;\n  }\n});",
      at: 'status(«404»)',
      output: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(schema.parse(req.body));\n  } catch (err) {\n    if (err instanceof ZodError) return res.status(400).json({ issues: err.issues });\n    throw err;\n  }\n});",
    },
    {
      // The team's validation status, with a NestJS constant kept named.
      code: "import { HttpStatus } from '@nestjs/common';\napp.get('/reports', (req, res) => {\n  if (typeof req.query.year !== 'string') {\n    return res.status(HttpStatus.NOT_FOUND).json({ error: 'year is required' });\n  }\n});",
      at: 'status(«HttpStatus.NOT_FOUND»)',
      options: { validationStatus: 422 },
      output: "import { HttpStatus } from '@nestjs/common';\napp.get('/reports', (req, res) => {\n  if (typeof req.query.year !== 'string') {\n    return res.status(HttpStatus.UNPROCESSABLE_ENTITY).json({ error: 'year is required' });\n  }\n});",
    },
    {
      // A failed validation verdict, status on its own line.
      code: "app.post('/x', (req, res) => {\n  const result = schema.safeParse(req.body);\n  if (!result.success) {\n    res.statusCode = 404;\n    return res.json(result.error);\n  }\n});",
      at: '= «404»',
      output: "app.post('/x', (req, res) => {\n  const result = schema.safeParse(req.body);\n  if (!result.success) {\n    res.statusCode = 400;\n    return res.json(result.error);\n  }\n});",
    },
    {
      // A `let` assigned once is as pinned down as a `const`.
      code: "let status = 404;\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(status).json({ error: 'q is required' });\n});",
      at: 'res.status(«status»)',
      output: "let status = 404;\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(400).json({ error: 'q is required' });\n});",
    },
    {
      // An enum member: the fix names the member for 400.
      code: "enum Status { BadRequest = 400, NotFound = 404 }\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(Status.NotFound).json({ error: 'q is required' });\n});",
      only: 'ts',
      at: 'status(«Status.NotFound»)',
      output: "enum Status { BadRequest = 400, NotFound = 404 }\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(Status.BadRequest).json({ error: 'q is required' });\n});",
    },
    {
      // A frozen table of codes, nested one level.
      code: "const codes = Object.freeze({ client: { badRequest: 400, notFound: 404 } });\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(codes.client.notFound).json({ error: 'q is required' });\n});",
      at: 'status(«codes.client.notFound»)',
      output: "const codes = Object.freeze({ client: { badRequest: 400, notFound: 404 } });\napp.get('/search', (req, res) => {\n  if (!req.query.q) return res.status(codes.client.badRequest).json({ error: 'q is required' });\n});",
    },
    {
      // The branch chosen by a failed check, in a conditional status.
      code: "app.post('/register', async (req, res) => {\n  return res.status(!req.body.email ? 404 : 409).json({ error: 'Cannot register' });\n});",
      at: "!req.body.email ? \u00ab404\u00bb : 409",
      output: "app.post('/register', async (req, res) => {\n  return res.status(!req.body.email ? 400 : 409).json({ error: 'Cannot register' });\n});",
    },
    {
      // The same in a thrown error.
      code: "const createError = require('http-errors');\napp.post('/register', async (req, res) => {\n  throw createError(!req.body.email ? 404 : 409, 'Cannot register');\n});",
      at: "!req.body.email ? \u00ab404\u00bb : 409",
      output: "const createError = require('http-errors');\napp.post('/register', async (req, res) => {\n  throw createError(!req.body.email ? 400 : 409, 'Cannot register');\n});",
    },
    {
      // A local helper called with a status: reported and fixed at the argument.
      code: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  if (!req.body.email) return sendError(res, 404, 'Email is required');\n  res.status(201).json(await User.create(req.body));\n});",
      at: "sendError(res, \u00ab404\u00bb, 'Email is required')",
      output: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  if (!req.body.email) return sendError(res, 400, 'Email is required');\n  res.status(201).json(await User.create(req.body));\n});",
    },
  ],
});
