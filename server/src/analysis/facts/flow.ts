// The one reading of control flow that adapters, evidence and rules share: which statements never
// let control fall through, and whether control leaving one node can reach a later one.
//
// What exits: `return`, `throw`, `break`, `continue` and `process.exit(…)`; a block with one of
// those (or an exiting statement) at its top level; an `if` whose two branches exit; a `switch`
// with a `default` whose last clause exits and that no `break` leaves; a labelled statement that
// exits and that no `break label` leaves; a `try` whose `finally` exits, or whose block and
// `catch` both exit. Not exits: `next()` and `next(err)` (they return; code after them runs),
// any other call, and loops (whether a loop ends is not read).
//
// Reaching is read forward through the text, for one run of the code: a `continue` whose loop
// holds the target ends the path (a later iteration is not followed), a `break` or `continue`
// whose loop or `switch` ends before the target does not (control resumes after it), a `throw`
// ends it even inside a `try` (the `catch` is not followed), and two branches of one `if` or
// ternary never reach each other.
import ts from 'typescript';

/** Does control never fall through this statement to the statement after it? */
export function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isBreakStatement(statement) || ts.isContinueStatement(statement)) return true;
  if (ts.isExpressionStatement(statement)) return isProcessExit(statement.expression);
  if (ts.isBlock(statement)) return anyExits(statement.statements);
  if (ts.isIfStatement(statement)) return statement.elseStatement !== undefined && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  if (ts.isSwitchStatement(statement)) {
    // Cases fall into the next one, so control ends in the last clause unless a `break` leaves early.
    const clauses = statement.caseBlock.clauses;
    const last = clauses[clauses.length - 1];
    return clauses.some(ts.isDefaultClause) && last !== undefined && anyExits(last.statements) && !isLeftByBreak(statement);
  }
  if (ts.isLabeledStatement(statement)) return alwaysExits(statement.statement) && !isLeftByBreak(statement);
  if (ts.isTryStatement(statement)) {
    if (statement.finallyBlock && alwaysExits(statement.finallyBlock)) return true;
    return alwaysExits(statement.tryBlock) && (!statement.catchClause || alwaysExits(statement.catchClause.block));
  }
  return false;
}

/** Statements run one after another: once one exits, the rest never run. */
function anyExits(statements: readonly ts.Statement[]): boolean {
  return statements.some(alwaysExits);
}

/** `process.exit(1)`: the process ends, nothing after it runs. */
function isProcessExit(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return false;
  const callee = expression.expression;
  return callee.name.text === 'exit' && ts.isIdentifier(callee.expression) && callee.expression.text === 'process';
}

/**
 * Can control that leaves `from` reach `to` on one run (see the top of the file)? Leaving a
 * callback ends the path unless `acrossCallbacks` is set: then the callback is taken to run, as a
 * whole, where it is written (`items.forEach(…)`), whatever it does inside; that is what a question
 * like "is anything sent later" needs.
 */
export function reaches(from: ts.Node, to: ts.Node, options: { acrossCallbacks?: boolean } = {}): boolean {
  const start = options.acrossCallbacks ? outermostCallback(from, to) ?? from : from;
  if (to.getStart() < start.getEnd()) return false;
  for (let current: ts.Node = start; current.parent; current = current.parent) {
    const container = current.parent;
    const statements = statementsOf(container);
    if (contains(container, to)) {
      // The nearest common ancestor: a condition flows into its branches, but one branch never into another.
      if (ts.isIfStatement(container)) return current === container.expression;
      if (ts.isConditionalExpression(container)) return current === container.condition;
      return !statements || !statementsBetween(statements, current, to).some((statement) => endsPathTo(statement, to));
    }
    if (ts.isFunctionLike(container) && !options.acrossCallbacks) return false;
    if (statements && statementsBetween(statements, current, undefined).some((statement) => endsPathTo(statement, to))) return false;
  }
  return false;
}

/** The outermost function around `from` that does not hold `to`. */
function outermostCallback(from: ts.Node, to: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  for (let current = from.parent; current && !contains(current, to); current = current.parent) if (ts.isFunctionLike(current)) found = current;
  return found;
}

function statementsOf(node: ts.Node): readonly ts.Statement[] | undefined {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node) ? node.statements : undefined;
}

function contains(node: ts.Node, inner: ts.Node): boolean {
  return node.getStart() <= inner.getStart() && inner.getStart() < node.getEnd();
}

/** The statements after `after`, up to (not including) the one that holds `until`. */
function statementsBetween(statements: readonly ts.Statement[], after: ts.Node, until: ts.Node | undefined): ts.Statement[] {
  return statements.filter((statement) => statement.getStart() >= after.getEnd() && (!until || statement.getEnd() <= until.getStart()));
}

/** Does this statement stop control on its way to `to`: it exits, and none of its jumps resumes before `to`? */
function endsPathTo(statement: ts.Statement, to: ts.Node): boolean {
  if (!alwaysExits(statement)) return false;
  return jumpsLeaving(statement).every((jump) => {
    const jumpTarget = targetOf(jump);
    return jumpTarget !== undefined && contains(jumpTarget, to);
  });
}

/** The `break`s and `continue`s inside `statement` that jump to a statement around it. */
function jumpsLeaving(statement: ts.Statement): ts.BreakOrContinueStatement[] {
  const found: ts.BreakOrContinueStatement[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isBreakOrContinueStatement(node)) {
      const jumpTarget = targetOf(node);
      if (!jumpTarget || !contains(statement, jumpTarget)) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

/** Is `statement` (a `switch` or a labelled statement) left by a `break` aimed at it? */
function isLeftByBreak(statement: ts.SwitchStatement | ts.LabeledStatement): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isBreakStatement(node) && targetOf(node) === statement) found = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(statement, visit);
  return found;
}

/** The statement a jump leaves or continues: its label's statement, else the nearest loop (or `switch`, for a `break`). */
function targetOf(jump: ts.BreakOrContinueStatement): ts.Statement | undefined {
  for (let current = jump.parent; current && !ts.isFunctionLike(current); current = current.parent) {
    if (jump.label) {
      if (ts.isLabeledStatement(current) && current.label.text === jump.label.text) return current;
    } else if (ts.isIterationStatement(current, false) || (ts.isBreakStatement(jump) && ts.isSwitchStatement(current))) {
      return current;
    }
  }
  return undefined;
}
