import { ruleTests } from '../ruleTester';

ruleTests('conflict-for-duplicate', {
  valid: [
    // A look-up that finds the account already verified: not a conflict, whatever the status.
    "app.post('/verify', async (req, res) => {\n  if (await User.findOne({ email: req.body.email, verified: true })) return res.status(400).json({ message: 'Already verified' });\n  res.json({ ok: true });\n});",
    // The look-up is one cause of several: the 400 may answer the other.
    "app.post('/users', async (req, res) => {\n  const existing = await User.findOne({ email: req.body.email });\n  if (existing || !req.body.password) return res.status(400).json({ error: 'Email already in use or password missing' });\n  res.status(201).json(await User.create(req.body));\n});",
    // Nothing found: that is a missing record, not a duplicate.
    "app.post('/users/:id/invite', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(400).json({ error: 'User does not exist' });\n  res.json(user);\n});",
    // 422 for a taken value is a defensible convention.
    "app.post('/users', async (req, res) => {\n  if (await User.exists({ email: req.body.email })) return res.status(422).json({ errors: { email: 'is already taken' } });\n  res.status(201).json(await User.create(req.body));\n});",
    // A catch that searches the error's text for something else.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.message.includes('validation')) return res.status(400).json({ error: err.message });\n    throw err;\n  }\n});",

    // Already 409.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) return res.status(409).json({ error: 'Email already registered' });\n    res.status(500).json({ error: 'Internal server error' });\n  }\n});",
    // The 500 runs for every other error: it is not the duplicate's answer.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      return res.status(409).json({ error: 'Email already registered' });\n    }\n    return res.status(500).json({ error: 'Internal server error' });\n  }\n});",
    // The else branch of a duplicate test is everything but the duplicate.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) res.status(409).end();\n    else res.status(500).end();\n  }\n});",
    // A test mixed with another cause: the 400 may be for the validation error.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000 || err.name === 'ValidationError') return res.status(400).json({ error: err.name });\n  }\n});",
    // A response shared by every error of the catch: the file cannot tell which error it answers.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    const message = err.code === 11000 ? 'Email taken' : 'Failed';\n    res.status(400).json({ error: message });\n  }\n});",
    // 11000 compared with something that is not an error code.
    "app.get('/stats', (req, res) => {\n  if (total === 11000) return res.status(400).json({ error: 'Limit reached' });\n  res.json({ total });\n});",
    // 422 for a uniqueness failure is a defensible convention, not reported.
    "app.post('/users', async (req, res) => {\n  try {\n    await prisma.user.create({ data: req.body });\n  } catch (e) {\n    if (e.code === 'P2002') return res.status(422).json({ error: 'email must be unique' });\n    throw e;\n  }\n});",
    // A dynamic status: nothing to compare.
    "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) return res.status(err.status).json({ error: 'Taken' });\n  }\n});",
  ],
  invalid: [
    {
      // A look-up on a unique field before the insert, answered 400.
      code: "app.post('/register', async (req, res) => {\n  const { email } = req.body;\n  if (await User.findOne({ email })) return res.status(400).json({ message: 'Email already in use' });\n  res.status(201).json(await User.create(req.body));\n});",
      at: 'status(«400»)',
      message: /look-up \(`await User\.findOne\(\{ email \}\)` found one\) shows the email is already taken, answered 400 Bad Request.*409 Conflict/,
      output: "app.post('/register', async (req, res) => {\n  const { email } = req.body;\n  if (await User.findOne({ email })) return res.status(409).json({ message: 'Email already in use' });\n  res.status(201).json(await User.create(req.body));\n});",
    },
    {
      // The result kept in a variable, a Prisma query nested in `where`, answered 500.
      code: "app.post('/signup', async (req, res) => {\n  const existing = await prisma.user.findUnique({ where: { username: req.body.username } });\n  if (existing) {\n    return res.status(500).send('Username is taken');\n  }\n  res.status(201).json(await prisma.user.create({ data: req.body }));\n});",
      at: 'status(«500»)',
      message: /shows the username is already taken/,
      output: "app.post('/signup', async (req, res) => {\n  const existing = await prisma.user.findUnique({ where: { username: req.body.username } });\n  if (existing) {\n    return res.status(409).send('Username is taken');\n  }\n  res.status(201).json(await prisma.user.create({ data: req.body }));\n});",
    },
    {
      // The driver's words searched for in the error's text.
      code: "app.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    if (err.message.includes('duplicate key')) return res.status(400).json({ error: 'Email already registered' });\n    res.status(500).json({ error: 'Could not register' });\n  }\n});",
      at: 'return res.status(«400»)',
      message: /`err\.message\.includes\('duplicate key'\)`/,
      output: "app.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    if (err.message.includes('duplicate key')) return res.status(409).json({ error: 'Email already registered' });\n    res.status(500).json({ error: 'Could not register' });\n  }\n});",
    },
    {
      // MongoDB's E11000 found with a regular expression, in an error middleware.
      code: "app.use((err, req, res, next) => {\n  if (/E11000/.test(err.message)) return res.status(500).json({ error: 'Duplicate value' });\n  next(err);\n});",
      at: 'status(«500»)',
      output: "app.use((err, req, res, next) => {\n  if (/E11000/.test(err.message)) return res.status(409).json({ error: 'Duplicate value' });\n  next(err);\n});",
    },
    {
      // The guide's shape, answered 400.
      code: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      return res.status(400).json({ error: 'Email already registered' });\n    }\n    throw err;\n  }\n});",
      at: 'status(«400»)',
      message: /duplicate-key error \(`err\.code === 11000`\) answered 400 Bad Request.*409 Conflict/,
      output: "app.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.code === 11000) {\n      return res.status(409).json({ error: 'Email already registered' });\n    }\n    throw err;\n  }\n});",
    },
    {
      // A guard that rethrows every other error: what follows answers the duplicate.
      code: "app.post('/users', async (req, res) => {\n  try {\n    await pool.query('INSERT INTO users (email) VALUES ($1)', [req.body.email]);\n  } catch (err) {\n    if (err.code !== '23505') throw err;\n    res.status(500).json({ error: 'Email already registered' });\n  }\n});",
      at: 'status(«500»)',
      output: "app.post('/users', async (req, res) => {\n  try {\n    await pool.query('INSERT INTO users (email) VALUES ($1)', [req.body.email]);\n  } catch (err) {\n    if (err.code !== '23505') throw err;\n    res.status(409).json({ error: 'Email already registered' });\n  }\n});",
    },
    {
      // MongoServerError with code 11000, named constants kept.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.name === 'MongoServerError' && err.code === 11000) {\n      return res.status(StatusCodes.BAD_REQUEST).json({ error: 'Email already registered' });\n    }\n    throw err;\n  }\n});",
      at: 'status(«StatusCodes.BAD_REQUEST»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/users', async (req, res) => {\n  try {\n    await User.create(req.body);\n  } catch (err) {\n    if (err.name === 'MongoServerError' && err.code === 11000) {\n      return res.status(StatusCodes.CONFLICT).json({ error: 'Email already registered' });\n    }\n    throw err;\n  }\n});",
    },
    {
      // A switch over the MySQL code.
      code: "app.post('/users', async (req, res) => {\n  try {\n    await db.insert(req.body);\n  } catch (err) {\n    switch (err.code) {\n      case 'ER_DUP_ENTRY':\n        return res.status(400).send('Username taken');\n      default:\n        throw err;\n    }\n  }\n});",
      at: 'status(«400»)',
      output: "app.post('/users', async (req, res) => {\n  try {\n    await db.insert(req.body);\n  } catch (err) {\n    switch (err.code) {\n      case 'ER_DUP_ENTRY':\n        return res.status(409).send('Username taken');\n      default:\n        throw err;\n    }\n  }\n});",
    },
    {
      // Sequelize's error name.
      code: "app.post('/tags', async (req, res) => {\n  try {\n    await Tag.create(req.body);\n  } catch (err) {\n    if (err.name === 'SequelizeUniqueConstraintError') res.sendStatus(400);\n    else res.sendStatus(500);\n  }\n});",
      at: 'sendStatus(«400»)',
      output: "app.post('/tags', async (req, res) => {\n  try {\n    await Tag.create(req.body);\n  } catch (err) {\n    if (err.name === 'SequelizeUniqueConstraintError') res.sendStatus(409);\n    else res.sendStatus(500);\n  }\n});",
    },
    {
      // Prisma's code in a list, in an error middleware.
      code: "app.use((err, req, res, next) => {\n  if (['P2002'].includes(err.code)) {\n    return res.status(500).json({ error: 'Already exists' });\n  }\n  next(err);\n});",
      at: 'status(«500»)',
      output: "app.use((err, req, res, next) => {\n  if (['P2002'].includes(err.code)) {\n    return res.status(409).json({ error: 'Already exists' });\n  }\n  next(err);\n});",
    },
    {
      // A helper the project named for the purpose, negated in an else.
      code: "app.put('/slugs/:slug', async (req, res) => {\n  try {\n    await Slug.insert(req.params.slug);\n    res.sendStatus(201);\n  } catch (e) {\n    if (!isDuplicateKeyError(e)) {\n      res.sendStatus(500);\n    } else {\n      res.status(400).json({ error: 'Slug exists' });\n    }\n  }\n});",
      at: 'status(«400»)',
      output: "app.put('/slugs/:slug', async (req, res) => {\n  try {\n    await Slug.insert(req.params.slug);\n    res.sendStatus(201);\n  } catch (e) {\n    if (!isDuplicateKeyError(e)) {\n      res.sendStatus(500);\n    } else {\n      res.status(409).json({ error: 'Slug exists' });\n    }\n  }\n});",
    },
    {
      // Each branch of a conditional status is a response of its own; the fix edits that branch alone.
      code: "app.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    res.status(err.code === 11000 ? 400 : 500).json({ error: 'Could not register' });\n  }\n});",
      at: "err.code === 11000 ? \u00ab400\u00bb : 500",
      output: "app.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    res.status(err.code === 11000 ? 409 : 500).json({ error: 'Could not register' });\n  }\n});",
    },
  ],
});
