// Reports a status that is set while nothing sends the response: Express waits for a send or an
// end that never comes, and the client hangs until it times out.
import { codeLabel } from '../edits/fixes';
import { reaches } from '../facts/flow';
import type { Rule, RuleContext } from '../rule';
import type { ResponseSite } from '../types';

/** Was the response already sent on the way here (`res.json(x); res.status(200);`)? Then nothing hangs. */
function isSentBefore(site: ResponseSite, context: RuleContext): boolean {
  return context.sites.some((other) => {
    if (!other.send || other.handler !== site.handler || other.chain.getEnd() > site.chain.getStart()) return false;
    const block = other.statement.parent;
    return block !== undefined && site.chain.getStart() >= block.getStart() && site.chain.getEnd() <= block.getEnd();
  });
}

/**
 * Does a later send run on the same path (`if (a) res.status(401); res.status(200).json(x);`)?
 * Then the status is overwritten and sent, not left hanging. A status set in a callback
 * (`items.forEach(…)`) counts too: whenever the callback runs, the later send answers.
 */
function isSentAfter(site: ResponseSite, context: RuleContext): boolean {
  return context.sites.some((other) => {
    if (!other.send || other.handler !== site.handler || other.chain.getStart() < site.chain.getEnd()) return false;
    const block = other.statement.parent;
    return block !== undefined && site.chain.getStart() >= block.getStart() && site.chain.getEnd() <= block.getEnd() && reaches(site.chain, other.chain, { acrossCallbacks: true });
  });
}

export const statusWithoutResponse: Rule<'status-without-response'> = {
  meta: {
    id: 'status-without-response',
    defaultSeverity: 'error',
    description: 'A status that is set but never sent: the request hangs.',
    fixable: true,
    docs: {
      details:
        '`res.status(404)` only sets a number on the response; nothing goes to the client until something ' +
        'sends (`json`, `send`, `end`, `sendStatus`, `render`, `redirect`…). Without it, the request hangs ' +
        'until the client or a proxy gives up.\n\n' +
        'Not reported: a status followed later in the handler by a send (`res.status(404); res.render("404")`), ' +
        'by `next()` or `next(err)` (the next middleware or the error handler answers), by a `throw`, by a call ' +
        'that receives the response object (`sendError(res, …)`, `stream.pipe(res)`), or by a call of any other ' +
        'response method (`res.write()` starts a stream; `res.success(data)` may be a project\'s own sender); ' +
        'a chain returned or passed to a caller (`return res.status(404)`, `return res`); ' +
        'a status overwritten by a later response on the same path; and a status set after the response was already sent.\n\n' +
        'The fix turns `res.status(N)` into `res.sendStatus(N)`, which sends the reason phrase as the body, or ' +
        'adds `.end()` to send an empty body.\n\n' +
        'A `throw` in an `async` handler hangs the request the same way in Express 4, which ignores the promise a handler ' +
        'returns: the rejection never reaches the error middleware. Reported at the `throw` keyword, for a handler registered ' +
        'in the file itself (`router.get(\'/x\', async (req, res) => …)`, or by name) when nothing in the handler catches ' +
        'the throw. The fix passes the error on: `return next(err)` (preferred where the handler has `next`; otherwise, ' +
        'not preferred, it adds the parameter). Not reported: Express 5 (it forwards rejections), handlers wrapped before ' +
        'they are registered (`asyncHandler(async (req, res) => …)`), projects or files that load express-async-errors, ' +
        '@awaitjs/express or express-promise-router, synchronous handlers (Express catches their throws), throws inside ' +
        'callbacks of the handler or inside a `try` with a `catch`, test files, and files of other frameworks.\n\n' +
        'The version comes from `express` in the nearest `package.json` (dependencies or devDependencies). When it is unknown ' +
        '(no `express` entry, `*`, `latest`, a range across majors) nothing is reported: a false alarm on Express 5 code is ' +
        'worse than a miss. A file without any readable `package.json` (an untitled document) is reported only when it ' +
        'loads express itself: most Express code is Express 4.',
      incorrect: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.status(204);\n});",
      correct: "app.delete('/sessions/current', (req, res) => {\n  req.session.destroy();\n  res.sendStatus(204);\n});",
    },
  },
  check(site, context) {
    if (site.lostError) {
      // At the `throw` keyword: the throwing is the mistake (the same error passed on is fine), and other rules mark the error's status.
      const keyword = site.statement.getFirstToken(context.sourceFile) ?? site.statement;
      context.report({
        range: { start: keyword.getStart(context.sourceFile), end: keyword.getEnd() },
        message: `${site.lostError.why}: this error never reaches the error handler, and the request hangs until the client gives up. ${site.lostError.remedy}`,
        fixes: site.adapter.completeResponseFixes(site, context),
      });
      return;
    }
    if (site.send || !site.statusNode || !site.handler) return;
    if (site.adapter.completesLater(site) || isSentBefore(site, context) || isSentAfter(site, context)) return;
    const what = site.status.code === undefined ? 'The status' : codeLabel(site.status.code);
    context.report({
      range: site.status.range,
      message: `${what} is set but nothing sends the response: the request hangs until the client gives up. End it or send a body.`,
      fixes: site.adapter.completeResponseFixes(site, context),
    });
  },
};
