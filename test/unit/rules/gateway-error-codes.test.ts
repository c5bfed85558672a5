import { ruleTests } from '../ruleTester';

ruleTests('gateway-error-codes', {
  valid: [
    // Already 504 for the timeout and 502 for the rest.
    "app.get('/rates', async (req, res) => {\n  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    res.json(await reply.json());\n  } catch (err) {\n    if (err.name === 'AbortError') return res.status(504).json({ error: 'Upstream timeout' });\n    res.status(502).json({ error: 'Upstream failed' });\n  }\n});",
    // The try also writes to the database: the 500 may be for that.
    "app.post('/orders', async (req, res) => {\n  try {\n    const quote = await axios.get(QUOTE_URL);\n    const order = await Order.create({ ...req.body, price: quote.data.price });\n    res.status(201).json(order);\n  } catch (err) {\n    res.status(500).json({ error: 'Could not place the order' });\n  }\n});",
    // A timeout of the database, with no upstream call in sight.
    "app.get('/report', async (req, res) => {\n  try {\n    res.json(await db.query('SELECT 1'));\n  } catch (err) {\n    if (err.code === 'ETIMEDOUT') return res.status(500).json({ error: 'Database is slow' });\n    throw err;\n  }\n});",
    // 503 for an unreachable dependency is a defensible choice.
    "app.get('/rates', async (req, res) => {\n  try {\n    res.json(await (await fetch(RATES_URL)).json());\n  } catch (err) {\n    if (err.code === 'ECONNREFUSED') return res.status(503).json({ error: 'Rates offline' });\n    throw err;\n  }\n});",
    // Another condition inside the catch: the 500 answers whatever it tests.
    "app.get('/profile', async (req, res) => {\n  try {\n    const { data } = await axios.get(PROFILE_URL);\n    res.json(data);\n  } catch (err) {\n    if (err.response) {\n      return res.status(500).json({ error: 'Profile service refused' });\n    }\n    res.status(502).json({ error: 'Profile service unreachable' });\n  }\n});",
    // The try also runs project code that may throw for its own reasons.
    "app.get('/weather', async (req, res) => {\n  try {\n    const reply = await fetch(WEATHER_URL);\n    res.json(toForecast(await reply.json()));\n  } catch (err) {\n    res.status(500).json({ error: 'Could not build the forecast' });\n  }\n});",
    // The else branch of a timeout test is not a timeout, and 502 is right for it.
    "app.get('/rates', async (req, res) => {\n  try {\n    res.json((await axios.get(RATES_URL)).data);\n  } catch (err) {\n    if (err.code === 'ECONNABORTED') {\n      res.status(504).end();\n    } else {\n      res.status(502).end();\n    }\n  }\n});",
    // The status comes from the upstream answer.
    "app.get('/rates', async (req, res) => {\n  try {\n    res.json((await axios.get(RATES_URL)).data);\n  } catch (err) {\n    res.status(err.response?.status ?? 500).end();\n  }\n});",
    // `res` of fetch outside a handler is not a response.
    "async function rates() {\n  try {\n    const res = await fetch(RATES_URL);\n    return res.json();\n  } catch (err) {\n    if (err.name === 'AbortError') return res.status(500);\n  }\n}",
  ],
  invalid: [
    {
      // The guide's timeout example, answered 500.
      code: "app.get('/rates', async (req, res) => {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 5000);\n  try {\n    const reply = await fetch(RATES_URL, { signal: controller.signal });\n    res.json(await reply.json());\n  } catch (err) {\n    if (err.name === 'AbortError') {\n      return res.status(500).json({ error: 'Rates service timed out' });\n    }\n    throw err;\n  } finally {\n    clearTimeout(timer);\n  }\n});",
      at: 'status(«500»)',
      message: /upstream timeout \(`err\.name === 'AbortError'`\) answered 500 Internal Server Error\. Send 504 Gateway Timeout/,
      output: "app.get('/rates', async (req, res) => {\n  const controller = new AbortController();\n  const timer = setTimeout(() => controller.abort(), 5000);\n  try {\n    const reply = await fetch(RATES_URL, { signal: controller.signal });\n    res.json(await reply.json());\n  } catch (err) {\n    if (err.name === 'AbortError') {\n      return res.status(504).json({ error: 'Rates service timed out' });\n    }\n    throw err;\n  } finally {\n    clearTimeout(timer);\n  }\n});",
    },
    {
      // An axios timeout answered 502.
      code: "app.get('/rates', async (req, res) => {\n  try {\n    const { data } = await axios.get(RATES_URL, { timeout: 2000 });\n    res.json(data);\n  } catch (err) {\n    if (err.code === 'ECONNABORTED') return res.status(502).send('Rates timed out');\n    throw err;\n  }\n});",
      at: 'status(«502»)',
      output: "app.get('/rates', async (req, res) => {\n  try {\n    const { data } = await axios.get(RATES_URL, { timeout: 2000 });\n    res.json(data);\n  } catch (err) {\n    if (err.code === 'ECONNABORTED') return res.status(504).send('Rates timed out');\n    throw err;\n  }\n});",
    },
    {
      // A guard that rethrows everything but the timeout.
      code: "app.get('/rates', async (req, res) => {\n  try {\n    res.json(await got(RATES_URL).json());\n  } catch (err) {\n    if (err.name !== 'TimeoutError') throw err;\n    res.sendStatus(500);\n  }\n});",
      at: 'sendStatus(«500»)',
      output: "app.get('/rates', async (req, res) => {\n  try {\n    res.json(await got(RATES_URL).json());\n  } catch (err) {\n    if (err.name !== 'TimeoutError') throw err;\n    res.sendStatus(504);\n  }\n});",
    },
    {
      // A refused connection answered 500.
      code: "app.post('/pay', async (req, res) => {\n  try {\n    await paymentApi.charge(req.body);\n    res.status(201).end();\n  } catch (err) {\n    if (err.code === 'ECONNREFUSED') return res.status(500).json({ error: 'Payments unreachable' });\n    throw err;\n  }\n});",
      at: 'status(«500»)',
      message: /unreachable upstream \(`err\.code === 'ECONNREFUSED'`\) answered 500.*502 Bad Gateway/,
      output: "app.post('/pay', async (req, res) => {\n  try {\n    await paymentApi.charge(req.body);\n    res.status(201).end();\n  } catch (err) {\n    if (err.code === 'ECONNREFUSED') return res.status(502).json({ error: 'Payments unreachable' });\n    throw err;\n  }\n});",
    },
    {
      // The guide's 502 example, answered 500.
      code: "app.post('/checkout', async (req, res) => {\n  try {\n    const receipt = await callPaymentService(req.body);\n    res.json(receipt);\n  } catch (err) {\n    res.status(500).json({ error: 'Payment service unavailable' });\n  }\n});",
      at: 'status(«500»)',
      message: /failed call to another service \(`callPaymentService`\) answered 500/,
      output: "app.post('/checkout', async (req, res) => {\n  try {\n    const receipt = await callPaymentService(req.body);\n    res.json(receipt);\n  } catch (err) {\n    res.status(502).json({ error: 'Payment service unavailable' });\n  }\n});",
    },
    {
      // Named constants stay named; the upstream result's methods belong to the call.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/repos', async (req, res) => {\n  try {\n    const reply = await fetch(`${GITHUB}/repos`);\n    const repos = await reply.json();\n    res.json(repos);\n  } catch (err) {\n    console.error(err);\n    res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ error: 'GitHub failed' });\n  }\n});",
      at: 'status(«StatusCodes.INTERNAL_SERVER_ERROR»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/repos', async (req, res) => {\n  try {\n    const reply = await fetch(`${GITHUB}/repos`);\n    const repos = await reply.json();\n    res.json(repos);\n  } catch (err) {\n    console.error(err);\n    res.status(StatusCodes.BAD_GATEWAY).json({ error: 'GitHub failed' });\n  }\n});",
    },
    {
      // A timeout branch and a fallthrough, both 500: two findings, 504 then 502.
      code: "app.get('/feed', async (req, res) => {\n  try {\n    res.json(await fetch(FEED_URL).then((reply) => reply.json()));\n  } catch (err) {\n    if (err.name === 'TimeoutError') return res.status(500).end();\n    res.status(500).end();\n  }\n});",
      at: ['n res.status(«500»)', '  res.status(«500»)'],
      errors: 2,
      output: "app.get('/feed', async (req, res) => {\n  try {\n    res.json(await fetch(FEED_URL).then((reply) => reply.json()));\n  } catch (err) {\n    if (err.name === 'TimeoutError') return res.status(504).end();\n    res.status(500).end();\n  }\n});",
    },
    {
      // node:https with a switch over the code.
      code: "app.get('/ping-upstream', async (req, res) => {\n  try {\n    await new Promise((resolve, reject) => https.get(UPSTREAM, resolve).on('error', reject));\n    res.sendStatus(204);\n  } catch (err) {\n    switch (err.code) {\n      case 'ETIMEDOUT':\n        res.status(500).end();\n        break;\n      default:\n        res.status(502).end();\n    }\n  }\n});",
      at: 'status(«500»)',
      output: "app.get('/ping-upstream', async (req, res) => {\n  try {\n    await new Promise((resolve, reject) => https.get(UPSTREAM, resolve).on('error', reject));\n    res.sendStatus(204);\n  } catch (err) {\n    switch (err.code) {\n      case 'ETIMEDOUT':\n        res.status(504).end();\n        break;\n      default:\n        res.status(502).end();\n    }\n  }\n});",
    },
  ],
});
