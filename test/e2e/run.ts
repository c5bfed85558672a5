// `npm run test:e2e`: packages the extension, installs the .vsix into code-server
// and checks what a person sees, in a trusted folder and in Restricted Mode, and the
// HTTP Routes view with OpenAPI drift on a multi-file app of its own.
// A failing scenario leaves a screenshot in .test-results/e2e/.
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../harness/browser';
import { startCpuPressure } from '../harness/pressure';
import { provisionEditorTools, type EditorTools } from '../harness/provision';
import * as routesScenarios from './routesScenarios';
import * as scenarios from './scenarios';
import { openSession, packageExtension, type Session } from './session';

const SCENARIO_MS = 120_000;

describe('HTTP Status Guide in code-server', () => {
  let tools: EditorTools;
  let browser: Browser;
  let vsix: string;

  let stopPressure: (() => Promise<void>) | undefined;

  before(async () => {
    tools = await provisionEditorTools();
    vsix = packageExtension();
    browser = await launchBrowser(tools);
    stopPressure = startCpuPressure('e2e');
  });
  after(async () => {
    await stopPressure?.();
    await browser?.close();
  });

  /** Runs one scenario in the window `session()` gives; a failure keeps a screenshot and the logs, named by `mode`. */
  const scenarioIn = (session: () => Session, mode: string) => (name: string, run: (session: Session) => Promise<void>): void => {
    it(name, { timeout: SCENARIO_MS }, async () => {
      try {
        await run(session());
      } catch (error) {
        const shot = await session().screenshot(`${mode}-${name}`).catch(() => 'none');
        const logs = session().keepLogs(`${mode}-${name}`);
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n(screenshot: ${shot}; logs: ${logs})`, { cause: error });
      }
    });
  };

  for (const trusted of [true, false]) {
    const mode = trusted ? 'trusted' : 'restricted';
    describe(trusted ? 'in a trusted folder' : 'in Restricted Mode', () => {
      let session: Session;
      before(async () => {
        session = await openSession({ tools, browser, vsix, trusted });
      });
      after(async () => session?.close());
      const scenario = scenarioIn(() => session, mode);

      if (!trusted) {
        scenario('the window is in Restricted Mode', scenarios.windowIsRestricted);
      }
      scenario('hover over res.status(404) explains 404 Not Found', scenarios.hoverExplainsStatus);
      scenario('a 200 with a failure body is squiggled and listed in Problems', scenarios.seededMistakeIsReported);
      scenario('the Ctrl+. quick-fix changes 200 to a 4xx and the squiggle goes', scenarios.quickFixChangesStatus);
      scenario('typing http-404 offers the snippet and accepting inserts it', scenarios.snippetIsInserted);
      scenario('httpStatusGuide.rules "off" removes the diagnostic without reload', scenarios.ruleSettingTurnsDiagnosticOff);
    });
  }

  describe('on a multi-file Express app with an OpenAPI document', () => {
    let session: Session;
    before(async () => {
      session = await openSession({ tools, browser, vsix, trusted: true, fixture: 'routes-app' });
    });
    after(async () => session?.close());
    const scenario = scenarioIn(() => session, 'routes-app');

    scenario('the HTTP Routes view lists each route with its full path and statuses', routesScenarios.routesViewListsRoutes);
    scenario('clicking a route opens its handler, and a status the line that sends it', routesScenarios.routeOpensItsHandler);
    scenario('a status openapi.yaml does not declare is squiggled and listed in Problems', routesScenarios.undeclaredStatusIsReported);
  });
});
