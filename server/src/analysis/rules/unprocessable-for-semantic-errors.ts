// Reports a business-rule failure answered 400: the branch compares two values the client sent
// (`endDate <= startDate`) or one it sent with stored state (`balance < amount`), or the message
// says so ("insufficient balance"). The guide keeps 400 for malformed requests and 422 for
// well-formed ones that break a rule. Off by default: many teams use 400 for both.
import { conditionReferences } from '../evidence/causes';
import { failedFields } from '../evidence/failedFields';
import { changeStatusFix, codeLabel } from '../edits/fixes';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { semanticWording, validationCause } from '../evidence/validationCause';

export const unprocessableForSemanticErrors: Rule<'unprocessable-for-semantic-errors'> = {
  meta: {
    id: 'unprocessable-for-semantic-errors',
    defaultSeverity: 'off',
    description: 'A business-rule failure answered 400 where 422 says more.',
    fixable: true,
    docs: {
      details:
        'The guide draws the line this way: 400 when the request is malformed (a missing field, a wrong type, an ' +
        'invalid value), 422 when it is well formed but breaks a business rule (an end date before the start date, ' +
        'an amount above the balance). Clients can then tell "fix the form" from "this cannot be done".\n\n' +
        'Experts disagree: many APIs answer every validation failure with 400, and others with 422. That is why ' +
        'this rule is **off by default**; turn it on when your team follows the guide\'s split.\n\n' +
        'Reported: a 400 in a branch that compares two request values (`req.body.endDate <= req.body.startDate`, ' +
        '`password !== confirmPassword`, `isAfter(start, end)`) or a request value with a looked-up one ' +
        '(`account.balance < amount`), and a 400 whose message reads like a business rule ("insufficient", "not ' +
        'enough", "out of stock", "must be after"). Not reported: presence and type checks (`!req.body.email`), a ' +
        'comparison with a constant (`age < 18`, `items.length > MAX_ITEMS`: a value out of range is a format ' +
        'error), a condition that mixes a presence check with a comparison using `||`, and credential checks.',
      incorrect: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) {\n    return res.status(400).json({ error: 'endDate must be after startDate' });\n  }\n  res.status(201).json(book(req.body));\n});",
      correct: "app.post('/bookings', (req, res) => {\n  if (req.body.endDate <= req.body.startDate) {\n    return res.status(422).json({ error: 'endDate must be after startDate' });\n  }\n  res.status(201).json(book(req.body));\n});",
      options: 'Off by default. Enable it in `httpStatusGuide.rules` (e.g. `"unprocessable-for-semantic-errors": "information"`).',
    },
  },
  check(site, context) {
    if (site.status.code !== 400 || site.status.source === 'implicit') return;
    const branch = conditionReferences(site);
    if (branch?.references.some((reference) => reference.kind === 'credential')) return;
    const cause = validationCause(site, true);
    let evidence = cause?.semantic ? cause.evidence : undefined;
    // Wording counts unless the branch plainly checks presence or type, which is a format error whatever it says.
    const phrase = evidence || failedFields(site) ? undefined : semanticWording(site);
    evidence ??= phrase ? `the message says "${phrase}"` : undefined;
    if (!evidence) return;
    const fix = changeStatusFix(site, 422, context, true);
    context.report({
      range: site.status.range,
      message: `400 for a business-rule failure (${evidence}): the request is well formed but cannot be carried out. Answer ${codeLabel(422)}.`,
      fixes: [fix].filter((candidate): candidate is Fix => candidate !== undefined),
    });
  },
};
