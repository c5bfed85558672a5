// The rule under the Koa adapter: an upstream failure answered 500.
import { ruleTests } from '../../ruleTester';
import { koaRoute } from './koaCode';

ruleTests(
  'gateway-error-codes',
  {
    valid: [
      koaRoute('get', '/rates', "  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    ctx.body = await reply.json();\n  } catch (err) {\n    if (err.name === 'AbortError') ctx.throw(504, 'Upstream timeout');\n    ctx.throw(502, 'Upstream failed');\n  }"),
      // The try also writes to the database: the 500 may be for that.
      koaRoute('post', '/orders', "  try {\n    const quote = await axios.get(QUOTE_URL);\n    ctx.body = await Order.create({ ...ctx.request.body, price: quote.data.price });\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { error: 'Could not place the order' };\n  }"),
      // The status comes from the upstream answer.
      koaRoute('get', '/rates', "  try {\n    ctx.body = (await axios.get(RATES_URL)).data;\n  } catch (err) {\n    ctx.status = err.response?.status ?? 500;\n  }"),
    ],
    invalid: [
      {
        code: koaRoute('get', '/rates', "  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    ctx.body = await reply.json();\n  } catch (err) {\n    if (err.name === 'AbortError') {\n      ctx.status = 500;\n      ctx.body = { error: 'Rates service timed out' };\n      return;\n    }\n    throw err;\n  }"),
        at: 'ctx.status = «500»',
        output: koaRoute('get', '/rates', "  try {\n    const reply = await fetch(RATES_URL, { signal: AbortSignal.timeout(3000) });\n    ctx.body = await reply.json();\n  } catch (err) {\n    if (err.name === 'AbortError') {\n      ctx.status = 504;\n      ctx.body = { error: 'Rates service timed out' };\n      return;\n    }\n    throw err;\n  }"),
      },
      {
        code: koaRoute('get', '/weather', "  try {\n    const { data } = await axios.get(WEATHER_URL);\n    ctx.body = data;\n  } catch (err) {\n    ctx.throw(500, 'Weather service failed');\n  }"),
        at: 'ctx.throw(«500»',
        output: koaRoute('get', '/weather', "  try {\n    const { data } = await axios.get(WEATHER_URL);\n    ctx.body = data;\n  } catch (err) {\n    ctx.throw(502, 'Weather service failed');\n  }"),
      },
      {
        code: koaRoute('get', '/profile', "  try {\n    ctx.body = (await axios.get(PROFILE_URL)).data;\n  } catch (err) {\n    ctx.status = 500;\n    ctx.body = { error: 'Profile service unreachable' };\n  }"),
        at: 'ctx.status = «500»',
        output: koaRoute('get', '/profile', "  try {\n    ctx.body = (await axios.get(PROFILE_URL)).data;\n  } catch (err) {\n    ctx.status = 502;\n    ctx.body = { error: 'Profile service unreachable' };\n  }"),
      },
    ],
  },
  { adapter: 'koa' },
);
