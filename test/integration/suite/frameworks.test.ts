// Frameworks other than Express in the real editor: a Fastify file and a Next.js App Router route
// file each show the diagnostic on the status, explain it on hover, and take the quick-fix written
// in the framework's own idiom, after which the diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COLD_START_MS, closeAllEditors, openFixtureCopy, positionOf, waitForNoRule, waitForRule } from './helpers';

const RULE = 'unauthorized-needs-www-authenticate';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

interface FrameworkCase {
  framework: string;
  /** The fixture's path in the test workspace; the Next.js one keeps the route file convention. */
  fixture: string;
  /** Text just before the status, to hover it. */
  beforeStatus: string;
  /** The response after the fix, in the framework's idiom. */
  fixed: string;
}

const CASES: FrameworkCase[] = [
  {
    framework: 'Fastify',
    fixture: 'fastify.js',
    beforeStatus: 'reply.code(',
    fixed: "return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Sign in first' });",
  },
  {
    framework: 'Next.js',
    fixture: 'app/api/me/route.ts',
    beforeStatus: '{ status: ',
    fixed: "return NextResponse.json({ error: 'Sign in first' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });",
  },
];

describe('frameworks in the editor', () => {
  afterEach(closeAllEditors);

  for (const { framework, fixture, beforeStatus, fixed } of CASES) {
    it(`${framework}: a 401 shows its diagnostic, its hover and its fix in the framework's idiom`, async () => {
      const document = await openFixtureCopy(fixture);
      // Run alone (HSG_INTEGRATION_GREP), this may be the run's first analysis: the server starts cold.
      const [diagnostic] = await waitForRule(document.uri, RULE, COLD_START_MS);
      assert.equal(document.getText(diagnostic.range), '401');
      assert.deepEqual(diagnostic.range.start, positionOf(document, beforeStatus, beforeStatus.length));

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 1));
      const headline = hoverText(hovers);
      assert.match(headline, /\*\*401 Unauthorized\*\* · 4xx client error/, `hover text was:\n${headline}`);

      const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action): action is vscode.CodeAction => 'isPreferred' in action && action.isPreferred === true);
      assert.ok(fix?.edit, `no preferred quick-fix; offered: ${actions.map((action) => action.title).join(' | ') || 'none'}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick-fix edit was not applied');
      const text = document.getText();
      assert.ok(text.includes(fixed), `text after the fix:\n${text}`);
      await waitForNoRule(document.uri, RULE);
    });
  }
});
