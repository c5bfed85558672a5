// Reports a 401 without a WWW-Authenticate header. HTTP requires the header on every 401: it tells
// the client which scheme to authenticate with (Bearer, Basic…) before it retries.
import ts from 'typescript';
import { fileIndexOf } from '../facts/fileIndex';
import { headerSource, lacksHeader } from '../evidence/responseHeaders';
import { addHeadersEdit } from '../edits/fixes';
import { isOneTimeTokenFailure } from '../evidence/oneTimeToken';
import type { Rule, RuleContext } from '../rule';
import { quoted } from '../facts/style';
import type { Fix, ResponseSite } from '../types';

const schemesByFile = new WeakMap<ts.SourceFile, { bearer: boolean; basic: boolean }>();

/** Which schemes the file's strings speak of: `'Bearer '`, `authorization.startsWith('Basic ')`. Read once per file. */
function schemesInFile(context: RuleContext): { bearer: boolean; basic: boolean } {
  const cached = schemesByFile.get(context.sourceFile);
  if (cached) return cached;
  const found = { bearer: false, basic: false };
  for (const literal of fileIndexOf(context.sourceFile).strings) {
    if (/^\s*bearer\b/i.test(literal.text)) found.bearer = true;
    if (/^\s*basic\b/i.test(literal.text)) found.basic = true;
  }
  schemesByFile.set(context.sourceFile, found);
  return found;
}

function fixesFor(site: ResponseSite, context: RuleContext): Fix[] {
  const schemes = schemesInFile(context);
  // Bearer unless the file only speaks Basic; a Basic challenge needs a realm, which a person names.
  const value = schemes.basic && !schemes.bearer ? 'Basic realm="api"' : 'Bearer';
  const edit = addHeadersEdit(site, [['WWW-Authenticate', quoted(value, context.style)]], context);
  return edit ? [{ title: `Add WWW-Authenticate: ${value} header`, edits: [edit], isPreferred: value === 'Bearer' }] : [];
}

export const unauthorizedNeedsWwwAuthenticate: Rule<'unauthorized-needs-www-authenticate'> = {
  meta: {
    id: 'unauthorized-needs-www-authenticate',
    defaultSeverity: 'information',
    description: 'A 401 response without a WWW-Authenticate header.',
    fixable: true,
    docs: {
      details:
        '401 means "not authenticated", and HTTP requires such a response to carry a `WWW-Authenticate` header that ' +
        'names the scheme the client should use (`Bearer` for tokens, `Basic realm="…"` for passwords). Without it ' +
        'a client cannot tell how to authenticate before retrying.\n\n' +
        'Not reported: login pages rendered for a browser (`res.status(401).render(…)`), responses handed to ' +
        'other code that may set headers (`passport.authenticate(…)(req, res, next)`), handlers a library calls ' +
        'from its options, headers set with a name held in a variable, headers set earlier in the same handler, ' +
        'and statuses the file does not pin down. A 403 needs no such header: see `unauthorized-vs-forbidden`.\n\n' +
        'Nor a 401 for a bad password-reset, e-mail-verification, invite or activation token, or a one-time code ' +
        '(read from the route, the function names, the message, the conditions and the calls before it): that is not HTTP ' +
        'authentication, no scheme could answer it, and `WWW-Authenticate: Bearer` would be wrong there.\n\n' +
        'The fix adds `WWW-Authenticate: Bearer`. In a file that only speaks of Basic authentication it offers ' +
        '`Basic realm="api"` instead, not as the preferred fix: the realm is a name your users see, so choose it.',
      incorrect: "app.get('/me', (req, res) => {\n  if (!req.headers.authorization) {\n    return res.status(401).json({ error: 'Sign in first' });\n  }\n  res.json(req.user);\n});",
      correct:
        "app.get('/me', (req, res) => {\n  if (!req.headers.authorization) {\n    return res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'Sign in first' });\n  }\n  res.json(req.user);\n});",
    },
  },
  check(site, context) {
    // A login page rendered for a browser has no scheme a browser could answer.
    if (site.status.code !== 401 || site.send?.kind === 'view' || !lacksHeader(site, 'www-authenticate')) return;
    // A reset or verification link's token is not a credential a scheme could ask for.
    if (isOneTimeTokenFailure(site)) return;
    context.report({
      range: site.status.range,
      message: '401 Unauthorized without a WWW-Authenticate header: name the scheme the client should authenticate with (e.g. Bearer).' + headerSource(site, 'WWW-Authenticate'),
      fixes: fixesFor(site, context),
    });
  },
};
