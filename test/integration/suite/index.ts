// Entry point the extension host loads (extensionTestsPath): runs every bundled
// *.test.js of the run's suite beside it with mocha and prints a closing "N passed, N failed" line.
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  const grep = process.env.HSG_INTEGRATION_GREP;
  if (grep) mocha.grep(grep);
  // `*.routes.test.js` run in the routes-app fixture, the others in the workspace fixture.
  const routes = process.env.HSG_INTEGRATION_SUITE === 'routes';
  const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.test.js') && file.endsWith('.routes.test.js') === routes).sort();
  if (files.length === 0) throw new Error(`no ${routes ? '*.routes.test.js' : '*.test.js'} files in ${__dirname}`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  let runner: Mocha.Runner | undefined;
  const failures = await new Promise<number>((resolve) => {
    runner = mocha.run(resolve);
  });
  const passes = runner?.stats?.passes ?? 0;
  console.log(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  if (passes === 0) throw new Error('no integration test ran');
}
