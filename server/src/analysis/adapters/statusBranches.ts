// A status written as `cond ? 409 : 400` is a response per branch: each branch becomes a site of
// its own, under the condition that picks it, so rules read it like any other status and a fix
// that changes it edits that branch alone. Whatever produced the site (a response, a thrown
// error, a helper call), the split is the same.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { statusBranches } from '../facts/status';
import { skipTypeWrappers } from '../facts/syntax';
import type { ResponseSite } from '../types';
import type { ResponseAdapter } from './adapter';

/** The site, or one site per branch when its status is a conditional with a branch the file pins down. */
export function splitStatusBranches(site: ResponseSite, bindings: Bindings): ResponseSite[] {
  const expression = site.status.expression;
  if (!expression || !ts.isConditionalExpression(skipTypeWrappers(expression))) return [site];
  const branches = statusBranches(expression, bindings);
  if (branches.every((branch) => branch.status.code === undefined)) return [site];
  const adapter = branchAdapter(site.adapter);
  return branches.map(({ status, conditions }) => ({ ...site, adapter, status, conditions: [...conditions, ...site.conditions] }));
}

const branchAdapters = new WeakMap<ResponseAdapter, ResponseAdapter>();

/**
 * The site's own adapter, minus body edits: every branch sends the same body, so a body written
 * for this branch's status would change the other branch's response too. A status edit touches
 * the branch alone, and a header added for this status is ignored with the other.
 */
function branchAdapter(inner: ResponseAdapter): ResponseAdapter {
  const known = branchAdapters.get(inner);
  if (known) return known;
  const adapter: ResponseAdapter = { ...inner, sendBodyEdits: () => undefined, dropBodyFix: () => undefined };
  branchAdapters.set(inner, adapter);
  return adapter;
}
