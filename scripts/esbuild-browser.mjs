// What the browser bundles (VS Code for the web: dist/browser/extension.js and the web worker dist/browser/server.js)
// need beyond esbuild's defaults: the rule pages built in, and a build that fails when a Node built-in gets in.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails the build on any import of a Node built-in (`fs`, `node:path`, `path/posix`...), naming the importer:
 * the browser has none, and a silent polyfill or an empty stub would only fail at run time, in the user's browser.
 */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !NODE_BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `"${args.path}" is a Node built-in, imported by ${args.importer}: the browser bundles must not use Node.` }] };
    });
  },
};

/**
 * Globals the browser lacks, used by dependencies on a path the analysis takes, replaced at bundle time with what
 * browsers have. Each names the exact text it replaces and fails the build when it is no longer there (a new
 * version of the dependency), so the patch is looked at again rather than silently skipped.
 */
const BROWSER_PATCHES = [
  {
    // dockerfile-ast 0.7: Util.isUTF8BOM runs on every parse and encodes one character with Node's Buffer.
    file: /[\\/]dockerfile-ast[\\/]lib[\\/]util\.js$/,
    find: 'Uint8Array.from(Buffer.from(char, "UTF-8"))',
    replace: 'new TextEncoder().encode(char)',
  },
];

export const browserPatches = {
  name: 'browser-patches',
  setup(build) {
    for (const patch of BROWSER_PATCHES) {
      build.onLoad({ filter: patch.file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(patch.find)) {
          return {
            errors: [
              { text: `${args.path} no longer contains \`${patch.find}\`: check whether it still needs a browser patch (scripts/esbuild-browser.mjs).` },
            ],
          };
        }
        return { contents: source.replace(patch.find, patch.replace), loader: 'js' };
      });
    }
  },
};

/** The page sections the hover quotes (server/src/lsp/hover.ts): only these are built into the worker. */
const HOVER_SECTIONS = ['Why'];

/** A rule page cut down to the `## Why` section, in the page's own markdown. */
export function hoverSections(page) {
  return page
    .split(/\n(?=## )/)
    .slice(1)
    .filter((part) => HOVER_SECTIONS.some((title) => part.startsWith(`## ${title}\n`)))
    .map((part) => `\n${part.trimEnd()}\n`)
    .join('');
}

/** `import rulePages from 'dockguard:rule-pages'`: docs/rules/<id>.md by rule id, cut to what the hover quotes. */
export function rulePages(rulesDir) {
  return {
    name: 'rule-pages',
    setup(build) {
      build.onResolve({ filter: /^dockguard:rule-pages$/ }, (args) => ({ path: args.path, namespace: 'rule-pages' }));
      build.onLoad({ filter: /.*/, namespace: 'rule-pages' }, () => {
        const pages = {};
        for (const name of readdirSync(rulesDir).sort()) {
          if (!name.endsWith('.md') || name === 'README.md') continue;
          pages[name.slice(0, -3)] = hoverSections(readFileSync(path.join(rulesDir, name), 'utf8'));
        }
        return { contents: `export default ${JSON.stringify(pages)};`, loader: 'js', watchDirs: [rulesDir] };
      });
    },
  };
}
