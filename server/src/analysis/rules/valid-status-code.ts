// Reports a status no client understands: a number outside 100–599 (Express and Node throw for
// some of them at run time, clients treat the rest as a server error), a code the IANA registry
// does not list (418, nginx's 499), or a status written as a string (Express 5 throws).
import ts from 'typescript';
import { lookupStatus } from '../../knowledge';
import { skipTypeWrappers } from '../facts/syntax';
import { codeText } from '../evidence/branchTests';
import type { Rule } from '../rule';
import type { ResponseSite, Severity } from '../types';

/** How the site names its status in a message: `2000`, or `418 (StatusCodes.IM_A_TEAPOT)`. */
function named(site: ResponseSite, code: number): string {
  return site.status.source === 'constant' && site.status.expression ? `${code} (\`${codeText(site.status.expression)}\`)` : String(code);
}

/** The finding for a resolved number, or undefined when it is a registered code. */
function numberFinding(site: ResponseSite, code: number): { message: string; severity: Severity } | undefined {
  const lookup = lookupStatus(code);
  if (lookup.kind === 'registered') return undefined;
  if (lookup.kind === 'out-of-range') {
    // Express 5 and Node's writeHead accept whole numbers 100–999 only; 600–999 go out but mean nothing.
    const throws = !Number.isInteger(code) || code < 100 || code > 999;
    const consequence = throws
      ? 'Express and Node throw when it is set, so the client gets a 500 instead.'
      : 'HTTP defines 100–599 only, and clients treat anything else as a server error.';
    return { message: `Status ${named(site, code)} is not a valid HTTP status: ${consequence} Use a code from 100 to 599.`, severity: 'error' };
  }
  const known = lookup.commonName ? `: ${lookup.commonName}` : '';
  return {
    message: `Status ${named(site, code)} is not in the IANA registry${known}. Clients that do not know it treat it as ${String(code)[0]}00; use a registered code.`,
    severity: 'warning',
  };
}

/** `res.status('404')`: the string a status was written as, when it holds a registered code. */
function stringStatus(site: ResponseSite): ts.StringLiteralLike | undefined {
  if (site.status.source !== 'dynamic' || !site.status.expression) return undefined;
  if (!site.adapter.stringStatusProblem(site)) return undefined;
  const value = skipTypeWrappers(site.status.expression);
  if (!ts.isStringLiteralLike(value) || !/^[1-5]\d\d$/.test(value.text)) return undefined;
  return lookupStatus(Number(value.text)).kind === 'registered' ? value : undefined;
}

export const validStatusCode: Rule<'valid-status-code'> = {
  meta: {
    id: 'valid-status-code',
    defaultSeverity: 'error',
    description: 'A status outside 100–599, one the IANA registry does not list, or one written as a string.',
    fixable: true,
    docs: {
      details:
        'A status from 100 to 599 that the IANA registry lists is one every client, proxy and library understands.\n\n' +
        '- Outside 100–599 (an error): Express 5 and Node throw for numbers below 100, above 999 or with a ' +
        'fraction, so the client gets a 500 instead; 600–999 are sent, but HTTP does not define them and ' +
        'clients treat them as a server error. There is no fix: the intended code cannot be guessed (`2000` may ' +
        'have meant 200 or 201).\n' +
        '- Not registered (a warning): 418, 509, or codes other servers made up (nginx 499, Cloudflare 520–524, ' +
        'Laravel 419). A client that does not know one treats it as the first code of its class (499 as 400).\n' +
        '- Written as a string (an error): `res.status("404")` throws in Express 5 and is deprecated in ' +
        'Express 4. The fix writes the number.\n\n' +
        'Statuses the file does not pin down (`res.status(code)`) are not reported, nor are numbers in tests.',
      incorrect:
        "app.get('/orders/:id', (req, res) => {\n  res.status('404').json({ error: 'No such order' });\n});\n" +
        "app.get('/coffee', (req, res) => {\n  res.status(418).json({ error: 'No coffee here' });\n});",
      correct:
        "app.get('/orders/:id', (req, res) => {\n  res.status(404).json({ error: 'No such order' });\n});\n" +
        "app.get('/coffee', (req, res) => {\n  res.status(404).json({ error: 'No coffee here' });\n});",
      options:
        'One severity in `httpStatusGuide.rules` applies to every finding of this rule. When it is not set, ' +
        'invalid numbers and strings are errors and unregistered codes are warnings.',
    },
  },
  check(site, context) {
    const code = site.status.code;
    if (code !== undefined && site.status.source !== 'implicit') {
      const finding = numberFinding(site, code);
      if (finding) context.report({ range: site.status.range, ...finding });
      return;
    }
    const text = stringStatus(site);
    if (!text) return;
    context.report({
      range: site.status.range,
      message: `Status written as the string '${text.text}': ${site.adapter.stringStatusProblem(site)}. Write the number ${text.text}.`,
      severity: 'error',
      fixes: [{ title: `Write the status as the number ${text.text}`, edits: [{ start: text.getStart(), end: text.getEnd(), newText: text.text }], isPreferred: true }],
    });
  },
};
