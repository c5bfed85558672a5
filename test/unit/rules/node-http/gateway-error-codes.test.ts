// The rule under the node:http adapter: upstream failures answered with `writeHead` or `statusCode`.
import { ruleTests } from '../../ruleTester';
import { server } from './server';

/** An async handler: a `try` running `attempt`, a `catch (err)` running `recover`. */
const proxy = (attempt: string, recover: string): string => server(`  try {\n${attempt}\n  } catch (err) {\n${recover}\n  }`, { async: true });
const FETCH_RATES = "    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(5000) });\n    res.writeHead(200, { 'Content-Type': 'application/json' });\n    res.end(JSON.stringify(await reply.json()));";

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      proxy(FETCH_RATES, "    if (err.name === 'TimeoutError') return res.writeHead(504).end();\n    res.writeHead(502).end();"),
      // A database timeout: no upstream call in sight.
      proxy("    const rows = await db.query('SELECT * FROM rates');\n    res.end(JSON.stringify(rows));", "    if (err.code === 'ETIMEDOUT') return res.writeHead(500).end();\n    res.writeHead(500).end();"),
      // 503 for an unreachable dependency is a defensible choice.
      proxy('    await paymentApi.charge(await readJson(req));\n    res.writeHead(201).end();', "    res.writeHead(503, { 'Retry-After': '30' });\n    res.end();"),
      // The try also runs code of its own that could throw.
      proxy('    const { data } = await axios.get(RATES_URL);\n    const table = buildRateTable(data);\n    await cache.save(table);\n    res.end(JSON.stringify(table));', "    res.statusCode = 500;\n    res.end('Could not load rates');"),
    ],
    invalid: [
      {
        code: proxy(FETCH_RATES, "    if (err.name === 'TimeoutError') {\n      res.writeHead(500, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Rates service timed out' }));\n    }\n    res.writeHead(502).end();"),
        at: 'res.writeHead(«500», {',
        message: /upstream timeout.*504 Gateway Timeout/,
        output: proxy(FETCH_RATES, "    if (err.name === 'TimeoutError') {\n      res.writeHead(504, { 'Content-Type': 'application/json' });\n      return res.end(JSON.stringify({ error: 'Rates service timed out' }));\n    }\n    res.writeHead(502).end();"),
      },
      {
        code: proxy('    const { data } = await axios.get(RATES_URL);\n    res.end(JSON.stringify(data));', "    res.statusCode = 500;\n    res.end('Could not load rates');"),
        at: 'res.statusCode = «500»',
        output: proxy('    const { data } = await axios.get(RATES_URL);\n    res.end(JSON.stringify(data));', "    res.statusCode = 502;\n    res.end('Could not load rates');"),
      },
      {
        code: proxy('    await paymentApi.charge(await readJson(req));\n    res.writeHead(201).end();', "    if (err.code === 'ECONNREFUSED') return res.writeHead(500).end(JSON.stringify({ error: 'Payments are unreachable' }));\n    throw err;"),
        at: 'res.writeHead(«500»)',
        output: proxy('    await paymentApi.charge(await readJson(req));\n    res.writeHead(201).end();', "    if (err.code === 'ECONNREFUSED') return res.writeHead(502).end(JSON.stringify({ error: 'Payments are unreachable' }));\n    throw err;"),
      },
    ],
  },
  { adapter: 'node:http' },
);
