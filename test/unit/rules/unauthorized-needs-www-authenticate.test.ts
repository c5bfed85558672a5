import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTests } from '../ruleTester';
import { memoryModules } from '../memoryModules';
import { fixOutput, fixTitles } from './fixOutput';

/** The project's helper module, read through an in-memory module source. */
const apiResponse = (helper: string) => ({ file: 'controllers/auth', options: { modules: memoryModules({ 'helpers/apiResponse.js': helper }) } });
const FIXED_401 = 'exports.unauthorizedResponse = function (res, msg) {\n  var data = { status: 0, message: msg };\n  return res.status(401).json(data);\n};';
const GIVEN_STATUS = 'exports.fail = (res, code, msg) => res.status(code).json({ message: msg });';

const basicAuth =
  "app.use((req, res, next) => {\n  const header = req.headers.authorization || '';\n  if (!header.startsWith('Basic ')) {\n    return res.status(401).send('Password required');\n  }\n  next();\n});";

ruleTests('unauthorized-needs-www-authenticate', {
  valid: [
    // An imported helper that sets the header itself.
    { code: "const apiResponse = require('../helpers/apiResponse');\napp.post('/login', (req, res) => {\n  return apiResponse.deny(res, 'Wrong password');\n});", ...apiResponse("exports.deny = (res, msg) => res.set('WWW-Authenticate', 'Bearer').status(401).json({ msg });") },
    // A package's helper is not read.
    { code: "const apiResponse = require('api-response');\napp.post('/login', (req, res) => {\n  return apiResponse.unauthorizedResponse(res, 'Wrong password');\n});", ...apiResponse(FIXED_401) },
    // The helper sets the header itself.
    "function deny(res, status, message) {\n  res.set('WWW-Authenticate', 'Bearer');\n  return res.status(status).json({ message });\n}\napp.get('/me', (req, res) => {\n  if (!req.user) return deny(res, 401, 'Sign in first');\n});",
    // The handler sets the header before calling the helper.
    "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.get('/me', (req, res) => {\n  res.set('WWW-Authenticate', 'Bearer');\n  if (!req.user) return sendError(res, 401, 'Sign in first');\n});",
    // The error carries the header; http-errors sends it.
    "const createError = require('http-errors');\nrouter.get('/me', (req, res) => {\n  if (!req.user) throw createError(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Bearer' } });\n  res.json(req.user);\n});",
    "app.get('/me', (req, res) => {\n  res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n});",
    // Header names are case-insensitive.
    "app.get('/me', (req, res) => {\n  res.status(401).header('www-authenticate', 'Bearer').end();\n});",
    // Set by an earlier statement.
    "app.get('/me', (req, res) => {\n  res.setHeader('WWW-Authenticate', 'Bearer');\n  res.status(401).json({ error: 'Sign in first' });\n});",
    "function handle(req, res) {\n  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm=\"admin\"' });\n  res.end();\n}",
    // The response goes through a helper that may set the challenge.
    "app.get('/me', (req, res) => {\n  challenge(res);\n  res.status(401).json({ error: 'Sign in first' });\n});",
    // Headers whose names the file does not spell out.
    "app.get('/me', (req, res) => {\n  res.status(401).set(authHeaders).end();\n});",
    // A login page for a browser.
    "app.post('/login', async (req, res) => {\n  if (!(await check(req.body))) return res.status(401).render('login', { error: 'Wrong password' });\n  res.redirect('/');\n});",
    // 403 needs no challenge.
    "app.delete('/users/:id', (req, res) => {\n  res.status(403).json({ error: 'Admins only' });\n});",
    // The status is not pinned down.
    "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: 'Request failed' });\n});",
    // Traps: a bad one-time token (reset, verification, invite, activation, OTP) is not HTTP authentication.
    "router.post('/reset-password/:token', async (req, res) => {\n  const user = await User.findOne({ token: req.params.token });\n  if (!user) return res.status(401).json({ error: 'Invalid token' });\n  res.json({ ok: true });\n});",
    "exports.resetPassword = async (req, res) => {\n  const user = await User.findOne({ passwordResetToken: hash(req.body.token), passwordResetExpires: { $gt: Date.now() } });\n  if (!user) {\n    return res.status(401).json({ message: 'Token is invalid or has expired' });\n  }\n  res.json({ ok: true });\n};",
    "router.get('/verify-email', async (req, res) => {\n  const record = await Token.findOne({ token: req.query.token });\n  if (!record) return res.status(401).send('Invalid link');\n  res.redirect('/login');\n});",
    "router.post('/users/me/email', async (req, res) => {\n  if (!user || user.resetToken !== req.body.token) {\n    return res.status(401).json({ error: 'Invalid or expired reset token' });\n  }\n  res.sendStatus(204);\n});",
    "const httpStatus = require('http-status');\nconst verifyEmail = async (verifyEmailToken) => {\n  const tokenDoc = await Token.findOne({ token: verifyEmailToken, type: tokenTypes.VERIFY_EMAIL });\n  if (!tokenDoc) throw new ApiError(httpStatus.UNAUTHORIZED, 'Invalid verification token');\n  await User.updateOne({ _id: tokenDoc.user }, { isEmailVerified: true });\n};",
    "app.post('/invitations/accept', async (req, res) => {\n  const invite = await Invite.findOne({ code: req.body.code });\n  if (!invite || invite.expiresAt < new Date()) return res.status(401).json({ error: 'Invalid invitation code' });\n  res.status(201).json(await accept(invite));\n});",
    "app.post('/2fa', async (req, res) => {\n  if (!(await checkOtp(req.user, req.body.otp))) return res.status(401).json({ error: 'Wrong code' });\n  res.json({ ok: true });\n});",
  ],
  invalid: [
    {
      // The status is set inside an imported helper: reported at the callee, no fix here.
      code: "const apiResponse = require('../helpers/apiResponse');\napp.post('/login', (req, res) => {\n  return apiResponse.unauthorizedResponse(res, 'Email or Password wrong.');\n});",
      at: "apiResponse.«unauthorizedResponse»(res",
      message: /comes from `apiResponse\.unauthorizedResponse` in \.\.\/helpers\/apiResponse\.js/,
      ...apiResponse(FIXED_401),
    },
    {
      // An imported helper given the status: reported at the argument.
      code: "import { fail } from '../helpers/apiResponse';\napp.get('/me', (req, res) => {\n  if (!req.user) return fail(res, 401, 'Sign in first');\n  res.json(req.user);\n});",
      at: "fail(res, «401», 'Sign in first')",
      ...apiResponse(GIVEN_STATUS),
    },
    {
      // The status is set on the response before the throw: the header can be set there too.
      code: "const protect = asyncHandler(async (req, res, next) => {\n  if (!req.headers.authorization) {\n    res.status(401);\n    throw new Error('Not authorized, no token');\n  }\n  next();\n});",
      at: 'res.status(«401»)',
      message: /set WWW-Authenticate on the response before the throw/,
      output: "const protect = asyncHandler(async (req, res, next) => {\n  if (!req.headers.authorization) {\n    res.status(401).set('WWW-Authenticate', 'Bearer');\n    throw new Error('Not authorized, no token');\n  }\n  next();\n});",
    },
    {
      // A thrown 401: the error handler sends it, so the header must come from there.
      code: "const httpStatus = require('http-status');\nrouter.get('/me', (req, res) => {\n  if (!req.user) throw new ApiError(httpStatus.UNAUTHORIZED, 'Please authenticate');\n  res.json(req.user);\n});",
      at: 'ApiError(«httpStatus.UNAUTHORIZED»',
      message: /sent by the error handler: set WWW-Authenticate there/,
    },
    {
      code: "const createError = require('http-errors');\nrouter.get('/me', (req, res, next) => {\n  if (!req.headers.authorization) return next(createError(401, 'Token required'));\n  res.json(req.user);\n});",
      at: 'createError(«401»',
      // http-errors sends the headers its error carries.
      output: "const createError = require('http-errors');\nrouter.get('/me', (req, res, next) => {\n  if (!req.headers.authorization) return next(createError(401, 'Token required', { headers: { 'WWW-Authenticate': 'Bearer' } }));\n  res.json(req.user);\n});",
    },
    {
      code: "const createError = require('http-errors');\nrouter.get('/me', (req, res) => {\n  if (!req.user) throw createError(401, 'Sign in', { expose: true });\n  res.json(req.user);\n});",
      at: 'createError(«401»',
      output: "const createError = require('http-errors');\nrouter.get('/me', (req, res) => {\n  if (!req.user) throw createError(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Bearer' }, expose: true });\n  res.json(req.user);\n});",
    },
    {
      code: "app.get('/me', (req, res) => {\n  if (!req.user) {\n    return res.status(401).json({ error: 'Sign in first' });\n  }\n  res.json(req.user);\n});",
      at: 'status(«401»)',
      message: /401 Unauthorized without a WWW-Authenticate header/,
      output: "app.get('/me', (req, res) => {\n  if (!req.user) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  }\n  res.json(req.user);\n});",
    },
    {
      code: "app.get('/me', (req, res) => {\n  res.sendStatus(401);\n});",
      at: 'sendStatus(«401»)',
      output: "app.get('/me', (req, res) => {\n  res.set('WWW-Authenticate', 'Bearer').sendStatus(401);\n});",
    },
    {
      // One call per line keeps its layout.
      code: "app.get('/me', (req, res) => {\n  res\n    .status(401)\n    .json({ error: 'Token expired' });\n});",
      at: 'status(«401»)',
      output: "app.get('/me', (req, res) => {\n  res\n    .status(401)\n    .set('WWW-Authenticate', 'Bearer')\n    .json({ error: 'Token expired' });\n});",
    },
    {
      // The status set on one line, sent on the next.
      code: "app.get('/me', (req, res) => {\n  res.status(401);\n  res.json({ error: 'Token expired' });\n});",
      at: 'status(«401»)',
      output: "app.get('/me', (req, res) => {\n  res.status(401);\n  res.set('WWW-Authenticate', 'Bearer').json({ error: 'Token expired' });\n});",
    },
    {
      // node:http has no res.set: setHeader is used.
      code: "function handle(req, res) {\n  res.statusCode = 401;\n  res.end('Sign in first');\n}",
      at: '= «401»',
      output: "function handle(req, res) {\n  res.statusCode = 401;\n  res.setHeader('WWW-Authenticate', 'Bearer').end('Sign in first');\n}",
    },
    {
      // After writeHead the headers are gone: the header joins writeHead.
      code: "function handle(req, res) {\n  res.writeHead(401);\n  res.end();\n}",
      at: 'writeHead(«401»)',
      output: "function handle(req, res) {\n  res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n  res.end();\n}",
    },
    {
      // Double quotes stay double quotes; named constants are recognised.
      code: 'import { HttpStatus } from "@nestjs/common";\napp.get("/me", (req, res) => {\n  res.status(HttpStatus.UNAUTHORIZED).json({ error: "Sign in first" });\n});',
      at: 'status(«HttpStatus.UNAUTHORIZED»)',
      output: 'import { HttpStatus } from "@nestjs/common";\napp.get("/me", (req, res) => {\n  res.status(HttpStatus.UNAUTHORIZED).set("WWW-Authenticate", "Bearer").json({ error: "Sign in first" });\n});',
    },
    // A file that only speaks Basic gets a Basic challenge, not preferred: its realm is for a person to name.
    { code: basicAuth, at: 'status(«401»)' },
    {
      // A helper that sends without the header: no fix, the helper decides headers.
      code: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.get('/me', (req, res) => {\n  if (!req.user) return sendError(res, 401, 'Sign in first');\n  res.json(req.user);\n});",
      at: "sendError(res, \u00ab401\u00bb, 'Sign in first')",
    },
    {
      // Not a trap: a bearer token checked on an ordinary route stays reported, reset routes in the same file or not.
      code: "router.post('/reset-password', resetPassword);\nrouter.get('/me', async (req, res) => {\n  const token = req.headers.authorization?.split(' ')[1];\n  if (!token || !(await verifyToken(token))) return res.status(401).json({ error: 'Invalid token' });\n  res.json(req.user);\n});",
      at: 'status(«401»)',
      output: "router.post('/reset-password', resetPassword);\nrouter.get('/me', async (req, res) => {\n  const token = req.headers.authorization?.split(' ')[1];\n  if (!token || !(await verifyToken(token))) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Invalid token' });\n  res.json(req.user);\n});",
    },
    {
      // A session check: "Token verification failed" is about the session's token.
      code: "app.use(async (req, res, next) => {\n  const session = await Session.findById(req.cookies.sid);\n  if (!session) return res.status(401).json({ error: 'Token verification failed' });\n  next();\n});",
      at: 'status(«401»)',
      output: "app.use(async (req, res, next) => {\n  const session = await Session.findById(req.cookies.sid);\n  if (!session) return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Token verification failed' });\n  next();\n});",
    },
  ],
});

describe('unauthorized-needs-www-authenticate: the scheme', () => {
  it('offers a Basic challenge where the code checks Basic credentials', () => {
    assert.deepEqual(fixTitles('unauthorized-needs-www-authenticate', basicAuth), ['Add WWW-Authenticate: Basic realm="api" header']);
    assert.match(fixOutput('unauthorized-needs-www-authenticate', basicAuth, 'Basic'), /res\.status\(401\)\.set\('WWW-Authenticate', 'Basic realm="api"'\)\.send/);
  });
});
