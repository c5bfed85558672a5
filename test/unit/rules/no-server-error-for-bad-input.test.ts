import { ruleTests } from '../ruleTester';

ruleTests('no-server-error-for-bad-input', {
  valid: [
    // The try also writes to the database: the 500 may well be the server's.
    "app.post('/users', async (req, res) => {\n  try {\n    const data = schema.parse(req.body);\n    res.status(201).json(await User.create(data));\n  } catch (err) {\n    res.status(500).json({ error: 'Could not save' });\n  }\n});",
    // An error handler that logs and answers generically is the right place for 500.
    "app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).json({ error: 'An unexpected error occurred' });\n});",
    // A mode switch on input, not a check that failed.
    "app.get('/export', async (req, res) => {\n  if (req.query.format === 'csv') {\n    return res.status(500).json({ error: 'CSV export failed' });\n  }\n});",
    // The else of a failed check is the good-input path.
    "app.post('/users', async (req, res) => {\n  if (!req.body.email) {\n    return res.status(400).json({ error: 'email is required' });\n  } else {\n    res.status(500).json({ error: 'Mailer down' });\n  }\n});",
    // The input test encloses the try; the catch decides.
    "app.post('/orders', async (req, res) => {\n  if (req.body.notify) {\n    try {\n      await mailer.send(req.body);\n    } catch (err) {\n      res.status(500).json({ error: 'Mail failed' });\n    }\n  }\n});",
    // Not a validation error type.
    "app.post('/x', async (req, res) => {\n  try {\n    schema.parse(req.body);\n    await save();\n  } catch (err) {\n    if (!(err instanceof ZodError)) return res.status(500).json({ error: 'Internal' });\n    res.status(400).json({ issues: err.issues });\n  }\n});",
    // A lookup result decides.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(500).json({ error: 'Lookup failed' });\n});",
    // "invalid" about the server's own upstream is not a validation message.
    "app.post('/pay', async (req, res) => {\n  res.status(500).json({ error: 'Payment provider sent an invalid response' });\n});",
    // Validation wording about the server's own configuration, in a branch that tests it.
    "app.post('/ai', (req, res) => {\n  if (!process.env.API_KEY) return res.status(500).json({ error: 'API_KEY is required' });\n});",
    // Dynamic status.
    "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal' });\n});",
  ],
  invalid: [
    {
      code: "app.post('/users', async (req, res) => {\n  if (!req.body.email) return res.status(500).json({ error: 'email is required' });\n});",
      at: 'status(«500»)',
      message: /500 for bad input.*!req\.body\.email.*400 Bad Request/,
      output: "app.post('/users', async (req, res) => {\n  if (!req.body.email) return res.status(400).json({ error: 'email is required' });\n});",
    },
    {
      // Destructured input, and the status set on one line and sent on the next.
      code: "app.post('/users', async (req, res) => {\n  const { email } = req.body;\n  if (!email) {\n    res.status(500);\n    return res.json({ error: 'missing' });\n  }\n});",
      at: 'status(«500»)',
      output: "app.post('/users', async (req, res) => {\n  const { email } = req.body;\n  if (!email) {\n    res.status(400);\n    return res.json({ error: 'missing' });\n  }\n});",
    },
    {
      // Nothing but validation can throw in this try.
      code: "app.post('/users', (req, res) => {\n  try {\n    const data = schema.parse(req.body);\n    res.json(data);\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});",
      at: 'status(«500»)',
      message: /schema\.parse\(req\.body\)/,
      output: "app.post('/users', (req, res) => {\n  try {\n    const data = schema.parse(req.body);\n    res.json(data);\n  } catch (err) {\n    res.status(400).json({ error: err.message });\n  }\n});",
    },
    {
      code: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(schema.parse(req.body));\n  } catch (err) {\n    if (err instanceof ZodError) return res.status(500).json({ issues: err.issues });\n    throw err;\n  }\n});",
      at: 'status(«500»)',
      message: /ZodError/,
      output: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(schema.parse(req.body));\n  } catch (err) {\n    if (err instanceof ZodError) return res.status(400).json({ issues: err.issues });\n    throw err;\n  }\n});",
    },
    {
      // Error middleware, named constants stay named.
      code: "import { StatusCodes } from 'http-status-codes';\napp.use((err, req, res, next) => {\n  if (err.name === 'ValidationError') {\n    return res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ error: err.message });\n  }\n  next(err);\n});",
      at: 'status(«StatusCodes.INTERNAL_SERVER_ERROR»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.use((err, req, res, next) => {\n  if (err.name === 'ValidationError') {\n    return res.status(StatusCodes.BAD_REQUEST).json({ error: err.message });\n  }\n  next(err);\n});",
    },
    {
      // Joi's verdict; the team answers validation failures with 422.
      code: "app.post('/x', (req, res) => {\n  const { error } = schema.validate(req.body);\n  if (error) return res.status(500).send(error.details);\n});",
      at: 'status(«500»)',
      options: { validationStatus: 422 },
      output: "app.post('/x', (req, res) => {\n  const { error } = schema.validate(req.body);\n  if (error) return res.status(422).send(error.details);\n});",
    },
    {
      // A business rule: the guide prefers 422 whatever the setting.
      code: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) return res.status(500).json({ error: 'bad dates' });\n});",
      at: 'status(«500»)',
      message: /422 Unprocessable Content/,
      output: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) return res.status(422).json({ error: 'bad dates' });\n});",
    },
    {
      code: "app.post('/x', (req, res) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) return res.status(500).json({ errors: errors.array() });\n});",
      at: 'status(«500»)',
      output: "app.post('/x', (req, res) => {\n  const errors = validationResult(req);\n  if (!errors.isEmpty()) return res.status(400).json({ errors: errors.array() });\n});",
    },
    {
      code: "app.use((err, req, res, next) => {\n  if (err.isJoi) res.status(500).json({ error: err.details });\n});",
      at: 'status(«500»)',
      output: "app.use((err, req, res, next) => {\n  if (err.isJoi) res.status(400).json({ error: err.details });\n});",
    },
    {
      // Only the wording says so, and it says it plainly.
      code: "app.post('/x', (req, res) => {\n  res.status(500).json({ error: 'Password must be at least 8 characters' });\n});",
      at: 'status(«500»)',
      message: /must be/,
      output: "app.post('/x', (req, res) => {\n  res.status(400).json({ error: 'Password must be at least 8 characters' });\n});",
    },
  ],
});
