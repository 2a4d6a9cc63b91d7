// Lint rules that hold the architecture in place: the engine imports nothing from Node or the editor,
// nothing is left unused. Formatting is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.e2e/', 'test-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      // `let node = this` as the start of a walk up a chain is not an alias.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['service', 'node', 'current'] }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'test/e2e/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // The engine runs in the CLI, the Node server and a web worker: no Node built-ins, no editor packages.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The engine runs in a web worker too: no Node built-ins (take what you need from the host).' },
            { group: ['vscode', 'vscode-*'], message: 'The engine knows nothing of editors: return engine types, the server converts them.' },
          ],
          paths: ['fs', 'path', 'os', 'url', 'child_process', 'crypto', 'util', 'events', 'stream', 'buffer', 'net', 'http', 'https'].map((name) => ({
            name,
            message: 'The engine runs in a web worker too: no Node built-ins.',
          })),
        },
      ],
    },
  },
  {
    // The server core runs in Node and in a web worker: everything comes through its host (lsp/host.ts). The web
    // worker's entry and host are held to the same.
    files: ['server/src/lsp/**/*.ts', 'server/src/docs-location.ts', 'server/src/version.ts', 'server/src/browser/**/*.ts', 'server/src/browser-server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The server core runs in a web worker too: no Node built-ins (ask the host, lsp/host.ts).' },
            {
              group: ['vscode-languageserver/node', 'vscode-languageserver-protocol/node', 'vscode-jsonrpc/node'],
              message: "Import the common API (vscode-languageserver): the Node transport is the entry point's business.",
            },
            {
              group: ['**/node/*', '**/rule-pages', '**/project-config', '**/cli', '**/cli/*'],
              message: "Node modules are the Node entry's; the core gets them through its host.",
            },
            { regex: '(^|/)engine/(?!index$).+', message: 'Import the engine through its index (server/src/engine), not its internals.' },
          ],
          paths: ['fs', 'path', 'os', 'url', 'child_process', 'crypto', 'util', 'events', 'stream', 'buffer', 'net', 'http', 'https', 'minimatch/node'].map(
            (name) => ({
              name,
              message: 'The server core runs in a web worker too: no Node built-ins.',
            }),
          ),
        },
      ],
    },
  },
  {
    // One import surface: everything outside the engine (server, CLI, client, benchmarks, scripts) goes through
    // engine/index.ts. Unit tests may reach internals.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: [
      'server/src/engine/**',
      'server/src/lsp/**',
      'server/src/docs-location.ts',
      'server/src/version.ts',
      'server/src/browser/**',
      'server/src/browser-server.ts',
      'bench/test/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)engine/(?!index$).+', message: 'Import the engine through its index (server/src/engine), not its internals.' }] },
      ],
    },
  },
);
