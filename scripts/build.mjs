// Bundles the client, the server and the command line (its own bundle, the npm package's `bin`,
// left out of the .vsix) into dist/ with esbuild.
// --production minifies and drops source maps (what the .vsix ships).
import * as esbuild from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

// A clean dist/, so a production build never ships a development build's source maps.
rmSync('dist', { recursive: true, force: true });

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
// Runnable as `dist/cli.js` from a checkout; npm sets the mode itself for an installed `bin`.
chmodSync('dist/cli.js', 0o755);
