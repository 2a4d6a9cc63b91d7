// Bundles the client, the server and the CLI into dist/, and the web extension (VS Code for the web) into
// dist/browser/: the extension ships no node_modules.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { browserPatches, noNodeBuiltins, rulePages } from './scripts/esbuild-browser.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // server/src/version.ts: the version is written once, in package.json.
  define: { DOCKGUARD_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// VS Code for the web: the extension runs in the web worker extension host (CommonJS, `vscode` provided), the
// server in a web worker of its own (a classic script). Nothing from Node and no polyfill: importing a built-in
// fails the build; the one Node global a dependency uses on our path is patched out, by name.
const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [noNodeBuiltins, browserPatches] };
builds.push(
  { ...browser, entryPoints: ['client/src/browser-extension.ts'], outfile: 'dist/browser/extension.js', format: 'cjs', external: ['vscode'] },
  {
    ...browser,
    entryPoints: ['server/src/browser-server.ts'],
    outfile: 'dist/browser/server.js',
    format: 'iife',
    plugins: [...browser.plugins, rulePages('docs/rules')],
  },
);

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
