// The rule under the node:http adapter: credentials read from `req.headers`, answered with
// `writeHead` (the 403 → 401 fix adds WWW-Authenticate to its headers) or `statusCode`.
import { ruleTests } from '../../ruleTester';
import { route, server } from './server';

const admin = (check: string): string => server(`${check}\n  res.end(JSON.stringify(stats()));`);

ruleTests(
  'unauthorized-vs-forbidden',
  {
    valid: [
      admin("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n    return res.end();\n  }\n  const user = verifyToken(req.headers.authorization);\n  if (user.role !== 'admin') {\n    res.writeHead(403);\n    return res.end('Admins only');\n  }"),
      // A missing CSRF token is 403.
      admin("  if (!req.headers['x-csrf-token']) {\n    res.statusCode = 403;\n    return res.end('CSRF token missing');\n  }"),
      // A condition that mixes both failures.
      admin("  const user = sessions.get(req.headers.cookie);\n  if (!user || !user.isAdmin) {\n    res.writeHead(403).end();\n    return;\n  }"),
      // A route check is not a credential.
      admin("  if (req.url === '/admin') {\n    res.writeHead(403).end();\n    return;\n  }"),
    ],
    invalid: [
      {
        // A wrong password answered 403, the message in German.
        code: route('POST', '/login', "    const { email, password } = await readJson(req);\n    const user = await users.findOne({ email });\n    if (!user || !(await argon2Check.verifyPassword(user.hash, password))) {\n      res.writeHead(403, { 'Content-Type': 'text/plain' });\n      return res.end('Falsches Passwort');\n    }\n    res.end(JSON.stringify({ token: sign(user) }));"),
        at: 'res.writeHead(«403»',
        output: route('POST', '/login', "    const { email, password } = await readJson(req);\n    const user = await users.findOne({ email });\n    if (!user || !(await argon2Check.verifyPassword(user.hash, password))) {\n      res.writeHead(401, { 'Content-Type': 'text/plain' });\n      return res.end('Falsches Passwort');\n    }\n    res.end(JSON.stringify({ token: sign(user) }));"),
      },
      {
        code: admin("  if (!req.headers.authorization) {\n    res.writeHead(403, { 'Content-Type': 'application/json' });\n    return res.end(JSON.stringify({ error: 'Log in first' }));\n  }"),
        at: 'res.writeHead(«403»',
        output: admin("  if (!req.headers.authorization) {\n    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });\n    return res.end(JSON.stringify({ error: 'Log in first' }));\n  }"),
      },
      {
        code: admin("  const user = verifyToken(req.headers.authorization);\n  if (user.role !== 'admin') {\n    res.statusCode = 401;\n    return res.end('Admins only');\n  }"),
        at: 'res.statusCode = «401»',
        output: admin("  const user = verifyToken(req.headers.authorization);\n  if (user.role !== 'admin') {\n    res.statusCode = 403;\n    return res.end('Admins only');\n  }"),
      },
      {
        // The catch of a token check that does nothing else.
        code: admin("  try {\n    jwt.verify(req.headers.authorization, SECRET);\n  } catch (err) {\n    res.writeHead(403);\n    return res.end('Invalid token');\n  }"),
        at: 'res.writeHead(«403»)',
        output: admin("  try {\n    jwt.verify(req.headers.authorization, SECRET);\n  } catch (err) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' });\n    return res.end('Invalid token');\n  }"),
      },
    ],
  },
  { adapter: 'node:http' },
);
