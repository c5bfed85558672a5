// Temporarily swaps a rule's check (or its metadata) in the registry, restoring it however the
// test ends, so a test can make one rule fail without touching the rule's file.
import type { Rule } from '../../../server/src/analysis/rule';
import { RULES, type RuleId } from '../../../server/src/analysis/rules';

export async function withRuleCheck<T>(id: RuleId, check: Rule['check'], run: () => T | Promise<T>): Promise<T> {
  const rule: Rule = RULES[id];
  const original = rule.check;
  rule.check = check;
  try {
    return await run();
  } finally {
    rule.check = original;
  }
}

/** Makes reading the rule's metadata throw: a failure outside any rule's check. */
export async function withBrokenMeta<T>(id: RuleId, run: () => T | Promise<T>): Promise<T> {
  const rule: Rule = RULES[id];
  const original = Object.getOwnPropertyDescriptor(rule, 'meta');
  if (!original) throw new Error(`${id} has no meta property`);
  Object.defineProperty(rule, 'meta', {
    configurable: true,
    get() {
      throw new TypeError(`meta of ${id} is broken (test)`);
    },
  });
  try {
    return await run();
  } finally {
    Object.defineProperty(rule, 'meta', original);
  }
}
