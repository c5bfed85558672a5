import { memoryModules } from '../memoryModules';
import { ruleTests } from '../ruleTester';

const HELPERS = [
  'exports.validationError = function (res, msg) {\n  return res.status(400).json({ status: 0, message: msg });\n};',
  'exports.validationErrorWithData = function (res, msg, data) {\n  return res.status(400).json({ status: 0, message: msg, data: data });\n};',
  'exports.fail = (res, code, msg) => res.status(code).json({ message: msg });',
].join('\n');
/** A controller beside the project's helper module, read through an in-memory module source. */
const helpers = { file: 'controllers/users', options: { modules: memoryModules({ 'helpers/apiResponse.js': HELPERS }) } };

ruleTests('error-needs-detail', {
  valid: [
    // The helper sends the caller's data beside the message: the detail may be there.
    { code: "const apiResponse = require('../helpers/apiResponse');\napp.post('/users', (req, res) => {\n  return apiResponse.validationErrorWithData(res, 'Validation Error.', errors.array());\n});", ...helpers },
    // A thrown error whose body names the field.
    "router.post('/users', (req, res) => {\n  if (!req.body.email) throw new HttpException(422, { errors: { email: ['is required'] } });\n  res.status(201).json(create(req.body));\n});",
    // A bare 404 or 401 says what happened by itself.
    "app.get('/users/:id', (req, res) => {\n  res.sendStatus(404);\n});",
    "app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).end();\n});",
    // Detail built at run time.
    "app.post('/users', (req, res) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });\n});",
    "app.post('/users', (req, res) => {\n  res.status(400).json({ error: 'Bad Request', details: error.details });\n});",
    // A specific message.
    "app.post('/users', (req, res) => {\n  if (!req.body.email) return res.status(400).json({ error: 'email is required' });\n});",
    // A rendered page carries its own detail.
    "app.post('/signup', (req, res) => {\n  res.status(422).render('signup', { errors });\n});",
    // A message in a non-Latin script is the user's detail, not a reason phrase.
    "app.post('/users', (req, res) => {\n  if (!req.body.email) return res.status(400).json({ message: 'Неверный адрес почты' });\n});",
    "app.post('/users', (req, res) => {\n  if (!req.body.phone) return res.status(422).send('手机号不能为空');\n});",
    "app.post('/users', (req, res) => {\n  if (!req.body.name) return res.status(400).json({ success: false, error: 'الاسم مطلوب' });\n});",
    // Dynamic status.
    "app.post('/users', (req, res) => {\n  res.status(code).end();\n});",
    // Nothing is sent here: another rule's business.
    "app.post('/users', (req, res, next) => {\n  res.status(400);\n  next();\n});",
  ],
  invalid: [
    {
      // A throw with no message after the status: the error handler has nothing to say.
      code: "app.post('/orders', asyncHandler(async (req, res) => {\n  if (!req.body.items) {\n    res.status(400);\n    throw new Error();\n  }\n  res.status(201).json(await Order.create(req.body));\n}));",
      at: 'res.status(«400»)',
    },
    {
      // A thrown error without a message: the error handler sends the reason phrase alone.
      code: "const createError = require('http-errors');\nrouter.post('/users', (req, res) => {\n  if (!req.body.email) throw createError(400);\n  res.status(201).json(create(req.body));\n});",
      at: 'createError(«400»',
    },
    {
      code: "app.post('/users', (req, res) => {\n  if (!req.body.email) return res.sendStatus(400);\n});",
      at: 'sendStatus(«400»)',
      message: /400 Bad Request has no body/,
      output: "app.post('/users', (req, res) => {\n  if (!req.body.email) return res.status(400).json({ error: 'email is required', fields: { email: 'required' } });\n});",
    },
    {
      // Only the generic string is replaced; the rest of the body stays.
      code: "app.post('/users', (req, res) => {\n  const { email, password } = req.body;\n  if (!email || !password) {\n    return res.status(400).json({ success: false, error: 'Bad Request' });\n  }\n});",
      at: 'status(«400»)',
      message: /only says "Bad Request"/,
      output: "app.post('/users', (req, res) => {\n  const { email, password } = req.body;\n  if (!email || !password) {\n    return res.status(400).json({ success: false, error: 'email and password are required' });\n  }\n});",
    },
    {
      // end() cannot carry an object: it becomes json(…).
      code: "app.post('/people', (req, res) => {\n  if (typeof req.body.age !== 'number') res.status(400).end();\n});",
      at: 'status(«400»)',
      output: "app.post('/people', (req, res) => {\n  if (typeof req.body.age !== 'number') res.status(400).json({ error: 'age must be a number', fields: { age: 'must be a number' } });\n});",
    },
    {
      // The code does not say what is wrong: only a skeleton to fill in, and the finding stays.
      code: "app.post('/users', (req, res) => {\n  if (!isValid(req.body)) res.status(400).send();\n});",
      at: 'status(«400»)',
      keeps: ['Send an { error, fields } body to fill in'],
    },
    {
      // A body of generic words and flags; no fix rewrites a body the code chose.
      code: "app.post('/users', (req, res) => {\n  res.status(422).json({ success: false, message: 'Validation failed' });\n});",
      at: 'status(«422»)',
      message: /422 Unprocessable Content only says "Validation failed"/,
    },
    {
      // Status on one line, generic body on the next.
      code: "app.post('/users', (req, res) => {\n  if (!req.body.email) {\n    res.status(400);\n    res.json({ error: 'Invalid request' });\n  }\n});",
      at: 'status(«400»)',
      output: "app.post('/users', (req, res) => {\n  if (!req.body.email) {\n    res.status(400);\n    res.json({ error: 'email is required' });\n  }\n});",
    },
    {
      // The file's style: double quotes, no semicolons, CRLF.
      code: 'app.post("/users", (req, res) => {\r\n  if (!req.body.name) {\r\n    res.status(400).send()\r\n  }\r\n})',
      at: 'status(«400»)',
      output: 'app.post("/users", (req, res) => {\r\n  if (!req.body.name) {\r\n    res.status(400).send({ error: "name is required", fields: { name: "required" } })\r\n  }\r\n})',
    },
    {
      code: "app.post('/accounts', (req, res) => {\n  res.status(409).json({ error: 'Conflict' });\n});",
      at: 'status(«409»)',
      message: /409 Conflict/,
    },
    {
      // A body of flags only gains the message and keeps its flags.
      code: "app.post('/users', (req, res) => {\n  if (req.body.age == null) return res.status(400).json({ success: false, code: 400 });\n});",
      at: 'status(«400»)',
      message: /says nothing specific/,
      output: "app.post('/users', (req, res) => {\n  if (req.body.age == null) return res.status(400).json({ error: 'age is required', success: false, code: 400 });\n});",
    },
    {
      // Named constants stay named when sendStatus becomes status().json().
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/users', (req, res) => {\n  if (req.body.email) {\n    save(req.body);\n  } else {\n    res.sendStatus(StatusCodes.BAD_REQUEST);\n  }\n});",
      at: 'sendStatus(«StatusCodes.BAD_REQUEST»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/users', (req, res) => {\n  if (req.body.email) {\n    save(req.body);\n  } else {\n    res.status(StatusCodes.BAD_REQUEST).json({ error: 'email is required', fields: { email: 'required' } });\n  }\n});",
    },
    {
      // An empty object is no detail; a nested field keeps its path as a quoted key.
      code: "app.post('/users', (req, res) => {\n  if (!req.body.user.email) return res.status(400).json({});\n});",
      at: 'status(«400»)',
      output: "app.post('/users', (req, res) => {\n  if (!req.body.user.email) return res.status(400).json({ error: 'user.email is required', fields: { 'user.email': 'required' } });\n});",
    },
    {
      // A helper's message argument that only repeats the reason phrase; the fix edits that argument.
      code: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  if (!req.body.email) return sendError(res, 400, 'Bad Request');\n  res.status(201).json(await User.create(req.body));\n});",
      at: "sendError(res, \u00ab400\u00bb, 'Bad Request')",
      output: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  if (!req.body.email) return sendError(res, 400, 'email is required');\n  res.status(201).json(await User.create(req.body));\n});",
    },
    {
      // An imported helper that fixes 400: the message argument is edited, never the helper's file.
      code: "const apiResponse = require('../helpers/apiResponse');\napp.post('/users', (req, res) => {\n  if (!req.body.email) return apiResponse.validationError(res, 'Bad Request');\n  res.status(201).json(create(req.body));\n});",
      at: "apiResponse.«validationError»(res, 'Bad Request')",
      output: "const apiResponse = require('../helpers/apiResponse');\napp.post('/users', (req, res) => {\n  if (!req.body.email) return apiResponse.validationError(res, 'email is required');\n  res.status(201).json(create(req.body));\n});",
      ...helpers,
    },
    {
      // An imported helper given the status: reported and fixed as a local one.
      code: "const { fail } = require('../helpers/apiResponse');\napp.post('/users', (req, res) => {\n  if (!req.body.email) return fail(res, 400, 'Bad Request');\n  res.status(201).json(create(req.body));\n});",
      at: "fail(res, «400», 'Bad Request')",
      output: "const { fail } = require('../helpers/apiResponse');\napp.post('/users', (req, res) => {\n  if (!req.body.email) return fail(res, 400, 'email is required');\n  res.status(201).json(create(req.body));\n});",
      ...helpers,
    },
  ],
});
