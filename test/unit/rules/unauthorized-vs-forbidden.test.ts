import { ruleTests } from '../ruleTester';

ruleTests('unauthorized-vs-forbidden', {
  valid: [
    // A 403 after a role or ownership test on the signed-in user, however the test is written.
    "app.delete('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (!(post.author.toString() === req.user.id || req.user.role === 'admin')) return res.status(403).json({ error: 'Not yours' });\n  await post.deleteOne();\n  res.sendStatus(204);\n});",
    "app.put('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (post.author.toString() === req.user.id) {\n    await post.updateOne(req.body);\n    res.json(post);\n  } else {\n    res.status(403).json({ error: 'Доступ запрещён' });\n  }\n});",
    "app.post('/admin/users', async (req, res) => {\n  if (req.user.role !== 'admin' && !req.user.permissions.includes('users:write')) return res.status(403).json({ error: 'No' });\n  res.status(201).json(await User.create(req.body));\n});",
    // A log-in handler's 403 for a banned account after the password matched: a known user who may not.
    "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user || !(await bcrypt.compare(req.body.password, user.password))) return res.status(401).json({ error: 'Wrong credentials' });\n  if (user.banned) return res.status(403).json({ error: 'Account suspended' });\n  res.json({ token: sign(user) });\n});",
    // No user found where no password is checked: an invitation, not a log-in.
    "app.post('/invites/accept', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  if (!user) return res.status(403).json({ error: 'Not invited' });\n  res.json({ ok: true });\n});",

    // The outer branch of a nested conditional: no user at all is 401.
    "app.get('/admin', (req, res) => {\n  res.status(!req.user ? 401 : 200).json({ ok: true });\n});",
    // A wrong one-time code for a known user, or a bad reset token answered 403: neither status is the point.
    "app.post('/2fa', async (req, res) => {\n  if (!(await checkOtp(req.user, req.body.otp))) return res.status(401).json({ error: 'Wrong code' });\n  res.json({ ok: true });\n});",
    "router.post('/reset-password/:token', async (req, res) => {\n  const user = await User.findOne({ resetToken: req.params.token });\n  if (!user) return res.status(403).json({ error: 'Invalid token' });\n  res.json({ ok: true });\n});",
    // A token claim checked for a known user: log in again is the right advice, 401 stays.
    "router.get('/me', async (req, res, next) => {\n  const currentUser = await User.findById(decoded.id);\n  if (currentUser.changedPasswordAfter(decoded.iat)) return next(new AppError('Please log in again', 401));\n  res.json(currentUser);\n});",
    // A permission check that is handed the signed-in user, whatever its name: 403 is right.
    "router.get('/download/:path', (req, res) => {\n  if (!WIKI.auth.checkAccess(req.user, ['read:pages'])) {\n    return res.sendStatus(403);\n  }\n  res.send(file);\n});",
    "app.delete('/posts/:id', async (req, res) => {\n  if (!(await policy.allows(req.user, 'delete', post))) return res.sendStatus(403);\n  res.sendStatus(204);\n});",
    // A refresh token compared with the stored one authenticates: 401 is right.
    "app.post('/refresh', async (req, res) => {\n  const refreshToken = req.cookies.refreshToken;\n  const decoded = jwt.verify(refreshToken, secret);\n  const storedToken = await redis.get(`refresh:${decoded.userId}`);\n  if (storedToken !== refreshToken) return res.status(401).json({ message: 'Invalid refresh token' });\n  res.json({ ok: true });\n});",
    // A missing CSRF token is rightly 403.
    "app.post('/transfer', (req, res) => {\n  if (!req.headers['x-csrf-token']) return res.status(403).json({ error: 'CSRF token missing' });\n});",
    // Mixed: no user and no permission in one branch. Not guessed.
    "app.delete('/users/:id', (req, res) => {\n  if (!req.user || !req.user.isAdmin) return res.status(403).json({ error: 'Not allowed' });\n});",
    // A known user without the role: 403 is right.
    "app.delete('/users/:id', (req, res) => {\n  if (!req.user.roles.includes('admin')) return res.status(403).json({ error: 'Insufficient permissions' });\n});",
    // No user: 401 is right.
    "app.get('/me', (req, res) => {\n  if (!req.user) return res.status(401).json({ error: 'Authentication required' });\n});",
    // Optional chaining also covers "no user".
    "app.delete('/users/:id', (req, res) => {\n  if (req.user?.role !== 'admin') return res.status(401).json({ error: 'Log in as an admin' });\n});",
    // An account state of a known user is 403.
    "app.post('/posts', (req, res) => {\n  if (!req.user.emailVerified) return res.status(403).json({ error: 'Verify your email first' });\n});",
    // Session data that is not an identity.
    "app.post('/checkout', (req, res) => {\n  if (!req.session.cart) return res.status(403).json({ error: 'Cart is empty' });\n});",
    // The try also loads the user: a failure there is not a bad token.
    "app.use(async (req, res, next) => {\n  try {\n    const payload = jwt.verify(req.cookies.token, KEY);\n    req.user = await User.findById(payload.id);\n    next();\n  } catch (err) {\n    res.status(403).json({ error: 'Denied' });\n  }\n});",
    // A lookup of another user found nothing: not a credentials question.
    "app.get('/users/:id', async (req, res) => {\n  const user = await User.findById(req.params.id);\n  if (!user) return res.status(403).json({ error: 'Hidden' });\n});",
    // Dynamic status.
    "app.get('/me', (req, res) => {\n  if (!req.user) return res.status(denied).end();\n});",
  ],
  invalid: [
    {
      // A wrong password answered 403, the message in Russian.
      code: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  const isMatch = await bcrypt.compare(req.body.password, user.password);\n  if (!isMatch) {\n    return res.status(403).json({ message: 'Неверный пароль' });\n  }\n  res.json({ token: sign(user) });\n});",
      at: 'status(«403»)',
      message: /password check `bcrypt\.compare\(.*failed/,
      output: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ email: req.body.email });\n  const isMatch = await bcrypt.compare(req.body.password, user.password);\n  if (!isMatch) {\n    return res.status(401).json({ message: 'Неверный пароль' });\n  }\n  res.json({ token: sign(user) });\n});",
    },
    {
      // An unknown account in a log-in handler, answered with a page.
      code: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ username: req.body.username });\n  if (!user) return res.status(403).render('login', { error: 'Usuario no encontrado' });\n  if (!user.validPassword(req.body.password)) return res.status(401).render('login', { error: 'Contraseña incorrecta' });\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
      at: 'status(«403»)',
      message: /no account matched \(`!user`\)/,
      output: "app.post('/login', async (req, res) => {\n  const user = await User.findOne({ username: req.body.username });\n  if (!user) return res.status(401).render('login', { error: 'Usuario no encontrado' });\n  if (!user.validPassword(req.body.password)) return res.status(401).render('login', { error: 'Contraseña incorrecta' });\n  req.session.userId = user.id;\n  res.redirect('/');\n});",
    },
    {
      // Both failures in one test, the check written in the condition.
      code: "app.post('/sessions', async (req, res) => {\n  const account = await Account.findOne({ email: req.body.email });\n  if (!account || !(await account.comparePassword(req.body.password))) {\n    return res.status(403).send('認証に失敗しました');\n  }\n  res.json({ token: sign(account) });\n});",
      at: 'status(«403»)',
      output: "app.post('/sessions', async (req, res) => {\n  const account = await Account.findOne({ email: req.body.email });\n  if (!account || !(await account.comparePassword(req.body.password))) {\n    return res.status(401).send('認証に失敗しました');\n  }\n  res.json({ token: sign(account) });\n});",
    },
    {
      // A thrown 401 for a known user without the role.
      code: "router.delete('/users/:id', (req, res) => {\n  if (req.user.role !== 'admin') throw new AppError('Admins only', 401);\n  res.sendStatus(204);\n});",
      at: "'Admins only', «401»",
    },
    {
      code: "app.get('/admin', (req, res) => {\n  if (!req.headers.authorization) return res.status(403).json({ error: 'Log in first' });\n});",
      at: 'status(«403»)',
      message: /403 where no valid credentials were given.*401 Unauthorized/,
      output: "app.get('/admin', (req, res) => {\n  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Log in first' });\n});",
    },
    {
      code: "app.get('/admin', (req, res) => {\n  if (req.user.role !== 'admin') return res.status(401).json({ error: 'Admins only' });\n});",
      at: 'status(«401»)',
      message: /401 for a known user without permission.*403 Forbidden/,
      output: "app.get('/admin', (req, res) => {\n  if (req.user.role !== 'admin') return res.status(403).json({ error: 'Admins only' });\n});",
    },
    {
      // A token read from the header, missing; the chain keeps one call per line.
      code: "function auth(req, res, next) {\n  const token = req.get('Authorization')?.replace('Bearer ', '');\n  if (!token) {\n    return res\n      .status(403)\n      .json({ error: 'No token' });\n  }\n  next();\n}",
      at: 'status(«403»)',
      output: "function auth(req, res, next) {\n  const token = req.get('Authorization')?.replace('Bearer ', '');\n  if (!token) {\n    return res\n      .status(401)\n      .set('WWW-Authenticate', 'Bearer')\n      .json({ error: 'No token' });\n  }\n  next();\n}",
    },
    {
      // A failed token check.
      code: "app.use((req, res, next) => {\n  try {\n    req.user = jwt.verify(req.cookies.token, SECRET);\n    next();\n  } catch (err) {\n    res.status(403).json({ error: 'Session expired' });\n  }\n});",
      at: 'status(«403»)',
      message: /jwt\.verify/,
      output: "app.use((req, res, next) => {\n  try {\n    req.user = jwt.verify(req.cookies.token, SECRET);\n    next();\n  } catch (err) {\n    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Session expired' });\n  }\n});",
    },
    {
      // The token check's own error types.
      code: "app.use((req, res, next) => {\n  try {\n    req.user = jwt.verify(req.cookies.token, KEY);\n    next();\n  } catch (err) {\n    if (err.name === 'TokenExpiredError') return res.status(403).json({ error: 'Token expired' });\n    next(err);\n  }\n});",
      at: 'status(«403»)',
      message: /TokenExpiredError/,
      output: "app.use((req, res, next) => {\n  try {\n    req.user = jwt.verify(req.cookies.token, KEY);\n    next();\n  } catch (err) {\n    if (err.name === 'TokenExpiredError') return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Token expired' });\n    next(err);\n  }\n});",
    },
    {
      // An awaited token check, with the header read inside the try.
      code: "app.use(async (req, res, next) => {\n  try {\n    req.user = await jwtVerify(req.get('Authorization').slice(7), KEY);\n    next();\n  } catch (err) {\n    res.status(403).json({ error: 'Bad token' });\n  }\n});",
      at: 'status(«403»)',
      output: "app.use(async (req, res, next) => {\n  try {\n    req.user = await jwtVerify(req.get('Authorization').slice(7), KEY);\n    next();\n  } catch (err) {\n    res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Bad token' });\n  }\n});",
    },
    {
      // A session, not a token: no Bearer challenge, a plain status change.
      code: "app.get('/account', (req, res) => {\n  if (!req.session.userId) {\n    return res.sendStatus(403);\n  }\n});",
      at: 'sendStatus(«403»)',
      output: "app.get('/account', (req, res) => {\n  if (!req.session.userId) {\n    return res.sendStatus(401);\n  }\n});",
    },
    {
      code: "app.get('/posts/:id/edit', (req, res) => {\n  if (!can(req.user, 'edit', 'post')) return res.status(401).send('Forbidden');\n});",
      at: 'status(«401»)',
      output: "app.get('/posts/:id/edit', (req, res) => {\n  if (!can(req.user, 'edit', 'post')) return res.status(403).send('Forbidden');\n});",
    },
    {
      // Only the message says it, plainly.
      code: "app.get('/cart', (req, res) => {\n  res.status(403).json({ error: 'Please log in to see your cart' });\n});",
      at: 'status(«403»)',
      message: /please log in/,
      output: "app.get('/cart', (req, res) => {\n  res.status(401).json({ error: 'Please log in to see your cart' });\n});",
    },
    {
      // Ownership: the record belongs to someone else.
      code: "router.delete('/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (post.user.toString() !== req.user.id) {\n    return res.status(401).json({ msg: 'User not authorized' });\n  }\n});",
      at: 'status(«401»)',
      output: "router.delete('/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (post.user.toString() !== req.user.id) {\n    return res.status(403).json({ msg: 'User not authorized' });\n  }\n});",
    },
    {
      // Named constants stay named.
      code: "import { StatusCodes } from 'http-status-codes';\napp.delete('/users/:id', (req, res) => {\n  if (!req.user.isAdmin) return res.status(StatusCodes.UNAUTHORIZED).end();\n});",
      at: 'status(«StatusCodes.UNAUTHORIZED»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.delete('/users/:id', (req, res) => {\n  if (!req.user.isAdmin) return res.status(StatusCodes.FORBIDDEN).end();\n});",
    },
    {
      // The inner branch of a nested conditional, under both conditions.
      code: "app.get('/admin', (req, res) => {\n  res.status(!req.user ? 401 : !req.user.isAdmin ? 401 : 200).json({ ok: true });\n});",
      at: "!req.user.isAdmin ? \u00ab401\u00bb : 200",
      output: "app.get('/admin', (req, res) => {\n  res.status(!req.user ? 401 : !req.user.isAdmin ? 403 : 200).json({ ok: true });\n});",
    },
  ],
});
