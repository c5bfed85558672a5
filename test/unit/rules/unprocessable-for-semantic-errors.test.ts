import { ruleTests } from '../ruleTester';

// The rule is off by default; the tester turns on the rule under test.
ruleTests('unprocessable-for-semantic-errors', {
  valid: [
    // A missing field is a format error, whatever the message says.
    "app.post('/orders', (req, res) => {\n  if (!req.body.email) return res.status(400).json({ error: 'insufficient data' });\n});",
    // A value out of a fixed range is a format error.
    "app.post('/people', (req, res) => {\n  if (req.body.age < 18) return res.status(400).json({ error: 'age must be 18 or more' });\n});",
    "app.post('/carts', (req, res) => {\n  if (req.body.items.length > MAX_ITEMS) return res.status(400).json({ error: 'too many items' });\n});",
    // A presence check mixed in with `||`: part of it is a format error.
    "app.post('/bookings', (req, res) => {\n  if (!req.body.end || req.body.end < req.body.start) return res.status(400).json({ error: 'bad end' });\n});",
    // Ownership is a permission question, not a business rule.
    "app.delete('/posts/:id', async (req, res) => {\n  const post = await Post.findById(req.params.id);\n  if (post.authorId !== req.params.id) return res.status(400).json({ error: 'not yours' });\n});",
    // Credentials decide.
    "app.post('/x', (req, res) => {\n  if (!req.user) return res.status(400).json({ error: 'not enough permissions' });\n});",
    // Already 422.
    "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) return res.status(422).json({ error: 'endDate must be after startDate' });\n});",
    // Dynamic status.
    "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) return res.status(badRequest).end();\n});",
  ],
  invalid: [
    {
      code: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) {\n    return res.status(400).json({ error: 'endDate must be after startDate' });\n  }\n});",
      at: 'status(«400»)',
      message: /400 for a business-rule failure.*endDate <= req\.body\.startDate.*422 Unprocessable Content/,
      output: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) {\n    return res.status(422).json({ error: 'endDate must be after startDate' });\n  }\n});",
    },
    {
      // Input against stored state.
      code: "app.post('/accounts/:id/withdraw', async (req, res) => {\n  const { amount } = req.body;\n  const account = await Account.findById(req.params.id);\n  if (account.balance < amount) return res.status(400).json({ error: 'no' });\n});",
      at: 'status(«400»)',
      output: "app.post('/accounts/:id/withdraw', async (req, res) => {\n  const { amount } = req.body;\n  const account = await Account.findById(req.params.id);\n  if (account.balance < amount) return res.status(422).json({ error: 'no' });\n});",
    },
    {
      code: "app.post('/signup', (req, res) => {\n  const { password, confirmPassword } = req.body;\n  if (password !== confirmPassword) return res.status(400).json({ error: 'Passwords differ' });\n});",
      at: 'status(«400»)',
      output: "app.post('/signup', (req, res) => {\n  const { password, confirmPassword } = req.body;\n  if (password !== confirmPassword) return res.status(422).json({ error: 'Passwords differ' });\n});",
    },
    {
      // Presence guards joined by && before the comparison leave it a business rule.
      code: "app.post('/orders', async (req, res) => {\n  const product = await Product.findById(req.body.productId);\n  if (product && product.stock < req.body.quantity) return res.status(400).json({ error: 'Out of stock' });\n});",
      at: 'status(«400»)',
      output: "app.post('/orders', async (req, res) => {\n  const product = await Product.findById(req.body.productId);\n  if (product && product.stock < req.body.quantity) return res.status(422).json({ error: 'Out of stock' });\n});",
    },
    {
      // The message says so.
      code: "app.post('/transfers', (req, res) => {\n  if (!canAfford) res.status(400).json({ error: 'Insufficient balance' });\n});",
      at: 'status(«400»)',
      message: /insufficient/,
      output: "app.post('/transfers', (req, res) => {\n  if (!canAfford) res.status(422).json({ error: 'Insufficient balance' });\n});",
    },
    {
      // date-fns style comparison, with a named constant.
      code: "import { StatusCodes } from 'http-status-codes';\napp.post('/trips', (req, res) => {\n  const { start, end } = req.body;\n  if (!isAfter(end, start)) return res.status(StatusCodes.BAD_REQUEST).json({ error: 'end before start' });\n});",
      at: 'status(«StatusCodes.BAD_REQUEST»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.post('/trips', (req, res) => {\n  const { start, end } = req.body;\n  if (!isAfter(end, start)) return res.status(StatusCodes.UNPROCESSABLE_ENTITY).json({ error: 'end before start' });\n});",
    },
  ],
});
