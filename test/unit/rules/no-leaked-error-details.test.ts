import { ruleTests } from '../ruleTester';

ruleTests('no-leaked-error-details', {
  valid: [
    // The guide's shape: log the error, send a generic message.
    "app.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).json({ error: 'An unexpected error occurred' });\n});",
    // `{ error: null }` carries nothing.
    "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    res.status(500).json({ error: null, requestId: req.id });\n  }\n});",
    // A 4xx may explain itself.
    "app.post('/x', async (req, res) => {\n  try {\n    await schema.validateAsync(req.body);\n  } catch (err) {\n    res.status(400).json({ error: err.message });\n  }\n});",
    // Error codes and names are not internals.
    "app.use((err, req, res, next) => {\n  res.status(500).json({ error: 'Internal server error', code: err.code, type: err.name });\n});",
    // Details only in development.
    "app.use((err, req, res, next) => {\n  res.status(500).json({ error: 'Internal server error', stack: process.env.NODE_ENV === 'development' ? err.stack : undefined });\n});",
    "app.use((err, req, res, next) => {\n  if (req.app.get('env') === 'development') {\n    return res.status(500).json({ error: err.message, stack: err.stack });\n  }\n  res.status(500).json({ error: 'Internal server error' });\n});",
    // http-errors marks the messages meant for clients.
    "app.use((err, req, res, next) => {\n  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal server error' });\n});",
    // A dynamic status without a 5xx fallback: the file cannot tell.
    "app.use((err, req, res, next) => {\n  res.status(err.status).json({ error: err.message });\n});",
    // `e` in an array callback is an item, not an error.
    "app.get('/x', async (req, res) => {\n  const items = await load();\n  items.forEach((e) => {\n    if (!e.ok) res.status(500).json({ error: e.message });\n  });\n});",
    // Not the caught error: a message of the project's own.
    "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    const problem = { message: 'Try again later' };\n    res.status(503).json({ error: problem.message });\n  }\n});",
  ],
  invalid: [
    {
      // The caught error's message goes out in a thrown 500.
      code: "router.get('/report', async (req, res) => {\n  try {\n    res.json(await build());\n  } catch (err) {\n    throw new ApiError(500, err.message);\n  }\n});",
      at: 'ApiError(«500»',
    },
    {
      // The message in the body; the error is not logged, so the fix logs it.
      code: "app.get('/users', async (req, res) => {\n  try {\n    res.json(await User.find());\n  } catch (err) {\n    res.status(500).json({ error: err.message });\n  }\n});",
      at: 'status(«500»)',
      message: /^A 500 Internal Server Error response sends `err\.message` to the client/,
      output: "app.get('/users', async (req, res) => {\n  try {\n    res.json(await User.find());\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal server error' });\n  }\n});",
    },
    {
      // Already logged: only the body changes; the stack key goes.
      code: "app.use((err, req, res, next) => {\n  logger.error({ err }, 'request failed');\n  res.status(500).json({ message: err.message, stack: err.stack });\n});",
      at: 'status(«500»)',
      output: "app.use((err, req, res, next) => {\n  logger.error({ err }, 'request failed');\n  res.status(500).json({ message: 'Internal server error' });\n});",
    },
    {
      // The error object itself, sent with send(): an object in its place.
      code: "app.post('/orders', async (req, res) => {\n  try {\n    await Order.create(req.body);\n    res.sendStatus(201);\n  } catch (e) {\n    res.status(500).send(e);\n  }\n});",
      at: 'status(«500»)',
      output: "app.post('/orders', async (req, res) => {\n  try {\n    await Order.create(req.body);\n    res.sendStatus(201);\n  } catch (e) {\n    console.error(e);\n    res.status(500).send({ error: 'Internal server error' });\n  }\n});",
    },
    {
      // Text made from the error, in the file's style (double quotes, no semicolons).
      code: 'app.get("/x", async (req, res) => {\n  try {\n    await work()\n  } catch (error) {\n    res.status(503).send(`Failed: ${error}`)\n  }\n})',
      at: 'status(«503»)',
      message: /503 Service Unavailable/,
      output: 'app.get("/x", async (req, res) => {\n  try {\n    await work()\n  } catch (error) {\n    console.error(error)\n    res.status(503).send("Service unavailable")\n  }\n})',
    },
    {
      // The status on one line and the body on the next is one response; the shorthand key is rewritten.
      code: "app.use((error, req, res, next) => {\n  res.status(500);\n  res.json({ ok: false, error });\n});",
      at: 'status(«500»)',
      output: "app.use((error, req, res, next) => {\n  console.error(error);\n  res.status(500);\n  res.json({ ok: false, error: 'Internal server error' });\n});",
    },
    {
      // No message key left: the leaking property becomes the generic error.
      code: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({\n      ok: false,\n      trace: err.stack,\n    });\n  }\n});",
      at: 'status(«500»)',
      output: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({\n      ok: false,\n      error: 'Internal server error',\n    });\n  }\n});",
    },
    {
      // String(err) and a spread of the error: both go, one message stays.
      code: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    res.status(500).json({ error: String(err), ...err, at: Date.now() });\n  }\n});",
      at: 'status(«500»)',
      output: "app.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    console.error(err);\n    res.status(500).json({ error: 'Internal server error', at: Date.now() });\n  }\n});",
    },
    {
      // Its own words are already there: the leaking key just goes. `instanceof Error` only narrows a type.
      code: "app.get('/queue', async (req, res) => {\n  try {\n    res.json(await queue.stats());\n  } catch (error) {\n    logger.error('stats failed', { error });\n    res.status(500).json({\n      error: 'Failed to get queue status',\n      message: error instanceof Error ? error.message : 'Unknown error',\n    });\n  }\n});",
      at: 'status(«500»)',
      output: "app.get('/queue', async (req, res) => {\n  try {\n    res.json(await queue.stats());\n  } catch (error) {\n    logger.error('stats failed', { error });\n    res.status(500).json({\n      error: 'Failed to get queue status',\n    });\n  }\n});",
    },
    {
      // A promise's rejection handler.
      code: "app.get('/users', (req, res) => {\n  User.find()\n    .then((users) => res.json(users))\n    .catch((reason) => res.status(500).json({ error: reason.message }));\n});",
      at: 'status(«500»)',
      output: "app.get('/users', (req, res) => {\n  User.find()\n    .then((users) => res.json(users))\n    .catch((reason) => res.status(500).json({ error: 'Internal server error' }));\n});",
    },
    {
      // A Node-style callback's error, sent whole.
      code: "app.get('/users/:id', (req, res) => {\n  User.findById(req.params.id, (err, user) => {\n    if (err) {\n      return res.status(500).send(err);\n    }\n    res.json(user);\n  });\n});",
      at: 'status(«500»)',
      output: "app.get('/users/:id', (req, res) => {\n  User.findById(req.params.id, (err, user) => {\n    if (err) {\n      console.error(err);\n      return res.status(500).send({ error: 'Internal server error' });\n    }\n    res.json(user);\n  });\n});",
    },
    {
      // A dynamic status falling back to 500: reported, but the fix is not preferred (it would also
      // hide messages written for 4xx errors), so there is no output.
      code: "app.use((err, req, res, next) => {\n  res.status(err.statusCode || 500).json({ message: err.message });\n});",
      at: 'status(«err.statusCode || 500»)',
      message: /^An error response \(`err\.statusCode \|\| 500`\) sends `err\.message`/,
    },
    {
      // A named constant, err.toString(), and a braceless if: no log line can go before it.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    if (!res.headersSent) res.status(StatusCodes.INTERNAL_SERVER_ERROR).end(err.toString());\n  }\n});",
      at: 'status(«StatusCodes.INTERNAL_SERVER_ERROR»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/x', async (req, res) => {\n  try {\n    await work();\n  } catch (err) {\n    if (!res.headersSent) res.status(StatusCodes.INTERNAL_SERVER_ERROR).end('Internal server error');\n  }\n});",
    },
    {
      // A helper that wraps its message: the message argument becomes a generic one.
      code: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    sendError(res, 500, err.message);\n  }\n});",
      at: "sendError(res, \u00ab500\u00bb, err.message)",
      output: "function sendError(res, status, message) {\n  return res.status(status).json({ message });\n}\napp.post('/users', async (req, res) => {\n  try {\n    res.status(201).json(await User.create(req.body));\n  } catch (err) {\n    console.error(err);\n    sendError(res, 500, 'Internal server error');\n  }\n});",
    },
  ],
});
