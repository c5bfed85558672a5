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
    // A page that only says the action was already done reports no failure.
    "app.get('/verify/:token', async (req, res) => {\n  const user = await User.findOne({ token: req.params.token });\n  if (user.verified) return res.render('verify', { message: 'Email already verified' });\n  res.render('verify', { message: 'Thanks!' });\n});",
    // A page saying the record is missing after a look-up: no-success-for-missing reports it, once.
    "app.get('/links/:id/confirm', async (req, res) => {\n  const link = await Link.findById(req.params.id);\n  if (!link) return res.render('dialog/message', { message: 'Could not find the link.' });\n  res.render('dialog/delete', { link });\n});",
    // A form rendered with no errors yet.
    "app.get('/signup', (req, res) => {\n  res.render('signup', { errors: [] });\n});",
    // Flash messages on a form's page are whatever the last request left, not this request's failure.
    "app.get('/login', (req, res) => {\n  res.render('login', { error: req.flash('error') });\n});",
    // A message that is not a failure, after a test.
    "app.post('/newsletter', async (req, res) => {\n  if (req.body.email) await subscribe(req.body.email);\n  res.render('done', { message: 'Welcome aboard' });\n});",
    // An empty error code one level down says "no error".
    "app.get('/x', (req, res) => {\n  res.json({ data: { error_code: null, items: [] } });\n});",
    // A dynamic status: the file does not say it is 2xx.
    "app.post('/x', (req, res) => {\n  res.status(code).json({ error: 'nope' });\n});",
    // Not a response object: a fetch result named res.
    "async function load() {\n  const res = await fetch('/api');\n  return res.json({ error: 'x' });\n}",
    // A status check in a test is not a response.
    "it('fails', async () => {\n  const res = await request(app).get('/x');\n  expect(res.body).toEqual({ success: false });\n});",
  ],
  invalid: [
    {
      // Content negotiation with no status: the branch that sends the error sends it at 200.
      code: "app.post('/import', async (req, res) => {\n  const failed = await importRows(req.body);\n  res.format({\n    json() { res.json({ status: 'failed', failed }); },\n    html() { res.redirect('/import'); },\n  });\n});",
      at: "«res.json({ status: 'failed', failed })»",
      output: "app.post('/import', async (req, res) => {\n  const failed = await importRows(req.body);\n  res.format({\n    json() { res.status(400).json({ status: 'failed', failed }); },\n    html() { res.redirect('/import'); },\n  });\n});",
    },
    {
      // A sign-up form re-rendered with an error at the default 200.
      code: "app.post('/signup', async (req, res) => {\n  if (await User.exists({ email: req.body.email })) {\n    return res.render('signup', { error: 'Email taken' });\n  }\n  res.redirect('/welcome');\n});",
      at: "return «res.render('signup', { error: 'Email taken' })»",
      message: /200 OK with a failure body \(`error: …`\)/,
      output: "app.post('/signup', async (req, res) => {\n  if (await User.exists({ email: req.body.email })) {\n    return res.status(400).render('signup', { error: 'Email taken' });\n  }\n  res.redirect('/welcome');\n});",
    },
    {
      // Errors built in a catch after a failed save, rendered at 200.
      code: "app.post('/users', async (req, res) => {\n  const user = new User(req.body);\n  try {\n    await user.save();\n    res.redirect('/');\n  } catch (err) {\n    const errors = Object.keys(err.errors).map((field) => err.errors[field].message);\n    res.render('users/signup', { title: 'Sign up', errors, user });\n  }\n});",
      at: "«res.render('users/signup', { title: 'Sign up', errors, user })»",
      output: "app.post('/users', async (req, res) => {\n  const user = new User(req.body);\n  try {\n    await user.save();\n    res.redirect('/');\n  } catch (err) {\n    const errors = Object.keys(err.errors).map((field) => err.errors[field].message);\n    res.status(500).render('users/signup', { title: 'Sign up', errors, user });\n  }\n});",
    },
    {
      // A message that says what failed, on a page rendered after the failure test.
      code: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !(await user.checkPassword(req.body.password))) {\n    return res.render('login', { message: 'Invalid email or password' });\n  }\n  res.redirect('/');\n});",
      at: "return «res.render('login', { message: 'Invalid email or password' })»",
      message: /message: 'invalid email or password'/,
      output: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !(await user.checkPassword(req.body.password))) {\n    return res.status(400).render('login', { message: 'Invalid email or password' });\n  }\n  res.redirect('/');\n});",
    },
    {
      // An error code in the body.
      code: "app.post('/pay', async (req, res) => {\n  if (!req.body.card) return res.json({ error_code: 'CARD_MISSING' });\n  res.sendStatus(204);\n});",
      at: "return «res.json({ error_code: 'CARD_MISSING' })»",
      output: "app.post('/pay', async (req, res) => {\n  if (!req.body.card) return res.status(400).json({ error_code: 'CARD_MISSING' });\n  res.sendStatus(204);\n});",
    },
    {
      // The same one level down.
      code: "app.post('/pay', async (req, res) => {\n  res.status(200).json({ data: { errorCode: 'E_LIMIT' } });\n});",
      at: 'status(«200»)',
      message: /`data: \{ errorCode: … \}`/,
      output: "app.post('/pay', async (req, res) => {\n  res.status(400).json({ data: { errorCode: 'E_LIMIT' } });\n});",
    },
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
