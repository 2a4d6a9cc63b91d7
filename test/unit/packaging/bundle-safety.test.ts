// What ships can read files and answer the editor, and nothing more: the analysis of a file from an unreviewed
// repository must never run a program, evaluate code or open a connection. Three checks:
// - the engine, bundled as the server and the CLI bundle it (esbuild's metafile gives every module it reaches),
//   imports no Node module that runs programs or talks to the network, and no module it reaches evaluates code
//   or makes a request;
// - our own host code (server core, Node host, CLI) imports none of those modules either;
// - dist/server.js and dist/cli.js (built by `npm test` before the unit tests) require them and hold code
//   evaluation or network calls only where the allow-list below says why: a new occurrence fails.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../../support/cli';

/** Node modules that run programs, open connections or load code. */
const DANGEROUS = new Set(['child_process', 'cluster', 'dgram', 'dns', 'http', 'http2', 'https', 'inspector', 'net', 'tls', 'vm', 'worker_threads']);

/** Code that evaluates strings or makes requests; `fetch` only as a call of the global, not a method `x.fetch(`. */
const DANGEROUS_CODE: [name: string, pattern: RegExp][] = [
  ['eval', /(?<![.\w$])eval\s*\(/g],
  ['new Function', /\bnew\s+Function\s*\(/g],
  ['Function constructor', /(?<![.\w$])Function\s*\(\s*["'`]/g],
  ['fetch', /(?<![.\w$])fetch\s*\(/g],
  ['WebSocket', /\bWebSocket\b/g],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/g],
  ['EventSource', /\bEventSource\b/g],
  ['importScripts', /\bimportScripts\b/g],
  ['sendBeacon', /\bsendBeacon\b/g],
];

/**
 * Known, benign occurrences in the bundles, each with the text just before it (so that a new one elsewhere is not
 * covered) and why it is harmless.
 */
const ALLOWED: Record<string, { what: string; before: RegExp; why: string }[]> = {
  'dist/server.js': [
    {
      what: 'require("child_process")',
      before: /var child_process_1 = $/,
      why: "vscode-languageserver's Files.resolveGlobalNodePath runs `npm config get prefix`; the server never calls it",
    },
    { what: 'require("net")', before: /var net_1 = $/, why: "vscode-jsonrpc's socket and pipe transports: the connection to the editor, not the analysis" },
    { what: 'fetch', before: /\n {2}$/, why: 'the method that reads a referenced file through the host (lsp/file-cache.ts FileCache.fetch), defined here' },
  ],
  'dist/cli.js': [],
};

function isBuiltin(path: string): boolean {
  const name = path.replace(/^node:/, '');
  return builtinModules.includes(name) || builtinModules.includes(path);
}

async function graph(entry: string): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    entryPoints: [join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { DOCKGUARD_VERSION: '"0.0.0"' },
  });
  return result.metafile;
}

/** Every built-in module an input of the graph imports, with the inputs that import it. */
function builtinImports(metafile: esbuild.Metafile): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || !isBuiltin(imported.path)) continue;
      const name = imported.path.replace(/^node:/, '');
      imports.set(name, [...(imports.get(name) ?? []), file]);
    }
  }
  return imports;
}

function dangerousCode(text: string): { name: string; index: number }[] {
  const found: { name: string; index: number }[] = [];
  for (const [name, pattern] of DANGEROUS_CODE) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) found.push({ name, index: match.index });
  }
  return found;
}

describe('what the bundles can do', () => {
  it('the engine reaches no module that runs programs, opens connections or evaluates code', async () => {
    const metafile = await graph('server/src/engine/index.ts');
    const inputs = Object.keys(metafile.inputs);
    assert.ok(inputs.some((file) => file.includes('node_modules/yaml/')) && inputs.some((file) => file.includes('node_modules/dockerfile-ast/')));
    for (const [name, importers] of builtinImports(metafile)) {
      assert.ok(!DANGEROUS.has(name), `the engine reaches ${name} through ${importers.join(', ')}`);
    }
    for (const file of inputs) {
      const found = dangerousCode(readFileSync(join(REPO_ROOT, file), 'utf8'));
      assert.deepEqual(
        found.map((f) => f.name),
        [],
        `${file}, reached by the engine`,
      );
    }
  });

  it("the server's and the CLI's own code import no such module either", async () => {
    for (const entry of ['server/src/server.ts', 'server/src/cli.ts']) {
      const metafile = await graph(entry);
      for (const [name, importers] of builtinImports(metafile)) {
        if (!DANGEROUS.has(name)) continue;
        const ours = importers.filter((file) => !file.includes('node_modules/'));
        assert.deepEqual(ours, [], `${entry}: our code imports ${name}`);
      }
      for (const file of Object.keys(metafile.inputs).filter((f) => f.startsWith('server/src/'))) {
        const found = dangerousCode(readFileSync(join(REPO_ROOT, file), 'utf8')).filter((f) => f.name !== 'fetch' || !file.endsWith('lsp/file-cache.ts'));
        assert.deepEqual(
          found.map((f) => f.name),
          [],
          file,
        );
      }
    }
  });

  for (const bundle of Object.keys(ALLOWED)) {
    it(`${bundle} requires such modules, evaluates code or calls the network only where allowed`, () => {
      const path = join(REPO_ROOT, bundle);
      assert.ok(existsSync(path), `${bundle} is missing: npm test builds it before the unit tests (or run node esbuild.mjs)`);
      const text = readFileSync(path, 'utf8');
      const occurrences = [
        ...[...text.matchAll(/require\("(?:node:)?([a-z_0-9]+)"\)/g)]
          .filter((m) => DANGEROUS.has(m[1]))
          .map((m) => ({ what: `require("${m[1]}")`, index: m.index })),
        ...dangerousCode(text).map((f) => ({ what: f.name, index: f.index })),
      ];
      const unexplained = occurrences.filter(
        ({ what, index }) => !ALLOWED[bundle].some((allowed) => allowed.what === what && allowed.before.test(text.slice(Math.max(0, index - 80), index))),
      );
      assert.deepEqual(
        unexplained.map(({ what, index }) => `${what} after ${JSON.stringify(text.slice(Math.max(0, index - 80), index))}`),
        [],
      );
    });
  }
});
