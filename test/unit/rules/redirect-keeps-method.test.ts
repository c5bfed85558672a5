import { ruleTests } from '../ruleTester';

ruleTests('redirect-keeps-method', {
  valid: [
    // Post/Redirect/Get: process the form, then show a page. The GET is the point.
    "app.post('/contact', async (req, res) => {\n  await Message.create(req.body);\n  res.redirect('/thanks');\n});",
    // Back to the list at the same URL: 307 would post the form again.
    "app.post('/users', async (req, res) => {\n  await User.create(req.body);\n  res.redirect('/users');\n});",
    "app.post('/login', async (req, res) => {\n  req.session.userId = await check(req.body);\n  res.redirect('/dashboard');\n});",
    // Sent to the login page; the request URL is only a query parameter.
    "app.post('/orders', (req, res) => {\n  if (!req.user) return res.redirect('/login?next=' + encodeURIComponent(req.originalUrl));\n  res.status(201).json(place(req.body));\n});",
    // Back to the same page after a post.
    "app.post('/settings', async (req, res) => {\n  await save(req.body);\n  res.redirect(req.originalUrl);\n});",
    // 303 asks for a GET on purpose.
    "app.post('/api/v1/payments', (req, res) => {\n  res.redirect(303, '/api/v2/payments');\n});",
    // A GET keeps its method either way.
    "app.get('/api/v1/users', (req, res) => {\n  res.redirect('/api/v2/users');\n});",
    "app.post('/api/v1/payments', (req, res) => {\n  res.redirect(307, '/api/v2/payments');\n});",
    // A DELETE sent from a form (method override) going back to the list.
    "app.delete('/posts/:id', async (req, res) => {\n  await Post.deleteOne({ _id: req.params.id });\n  res.redirect('/posts');\n});",
    // A target the file does not spell out.
    "app.post('/api/v1/payments', (req, res) => {\n  res.redirect(nextUrl);\n});",
  ],
  invalid: [
    {
      code: "app.post('/api/v1/payments', (req, res) => {\n  res.redirect('/api/v2/payments');\n});",
      at: ' «res.redirect(\'/api/v2/payments\')»',
      message: /302 turns a forwarded POST into a GET.*307/,
      output: "app.post('/api/v1/payments', (req, res) => {\n  res.redirect(307, '/api/v2/payments');\n});",
    },
    {
      code: "app.post('/orders', (req, res) => {\n  res.redirect(302, '/v2/orders');\n});",
      at: 'redirect(«302»',
      output: "app.post('/orders', (req, res) => {\n  res.redirect(307, '/v2/orders');\n});",
    },
    {
      // An HTTPS upgrade in middleware forwards every method, POST included.
      code: "app.use((req, res, next) => {\n  if (!req.secure) return res.redirect('https://' + req.headers.host + req.url);\n  next();\n});",
      at: 'return «res.redirect(\'https://\' + req.headers.host + req.url)»',
      output: "app.use((req, res, next) => {\n  if (!req.secure) return res.redirect(307, 'https://' + req.headers.host + req.url);\n  next();\n});",
    },
    {
      // Route parameters carried over to the new version.
      code: "app.put('/api/v1/users/:id', (req, res) => res.redirect(`/api/v2/users/${req.params.id}`));",
      at: ' «res.redirect(`/api/v2/users/${req.params.id}`)»)',
      message: /forwarded PUT/,
      output: "app.put('/api/v1/users/:id', (req, res) => res.redirect(307, `/api/v2/users/${req.params.id}`));",
    },
    {
      // Same path on another host; logging first is still only forwarding.
      code: "app.post('/upload', (req, res) => {\n  console.log('upload moved');\n  res.redirect('https://files.example.com/upload');\n});",
      at: ' «res.redirect(\'https://files.example.com/upload\')»',
      output: "app.post('/upload', (req, res) => {\n  console.log('upload moved');\n  res.redirect(307, 'https://files.example.com/upload');\n});",
    },
    {
      // Named constants stay named (302 is MOVED_TEMPORARILY in http-status-codes).
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/api/v1/payments', (req, res) => {\n  res.redirect(StatusCodes.MOVED_TEMPORARILY, '/api/v2/payments');\n});",
      at: 'redirect(«StatusCodes.MOVED_TEMPORARILY»',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/api/v1/payments', (req, res) => {\n  res.redirect(StatusCodes.TEMPORARY_REDIRECT, '/api/v2/payments');\n});",
    },
    {
      // A middleware written elsewhere: the request URL on another origin.
      code: "function forceHttps(req, res, next) {\n  if (req.protocol !== 'https') {\n    return res.redirect(`https://${req.hostname}${req.originalUrl}`);\n  }\n  next();\n}",
      at: 'return «res.redirect(`https://${req.hostname}${req.originalUrl}`)»',
      output: "function forceHttps(req, res, next) {\n  if (req.protocol !== 'https') {\n    return res.redirect(307, `https://${req.hostname}${req.originalUrl}`);\n  }\n  next();\n}",
    },
    {
      code: "app.delete('/api/v1/items/:id', (req, res) => {\n  res.redirect(`/api/v2/items/${req.params.id}`);\n});",
      at: ' «res.redirect(`/api/v2/items/${req.params.id}`)»',
      output: "app.delete('/api/v1/items/:id', (req, res) => {\n  res.redirect(307, `/api/v2/items/${req.params.id}`);\n});",
    },
  ],
});
