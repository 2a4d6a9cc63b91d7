// A Dockerfile's entrypoint script is a file the server reads like a compose service's Dockerfile: through the host
// once, from the cache while typing, and again after a file-change notification. The client watches Dockerfiles,
// compose files and .env on its own; the script it is asked to watch, so editing it re-analyses the Dockerfile.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryHost } from '../support/in-process-server';
import { LspClient } from '../support/lsp-client';

const WORKSPACE = 'file:///ws';
const SCRIPT = `${WORKSPACE}/app/docker-entrypoint.sh`;
const DOCKERFILE = `${WORKSPACE}/app/Dockerfile`;
const DROPS = '#!/bin/sh\nif [ "$(id -u)" = 0 ]; then\n  exec gosu app "$0" "$@"\nfi\nexec "$@"\n';
const STAYS_ROOT = '#!/bin/sh\nexec "$@"\n';
const TEXT = 'FROM debian:12\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n';

describe('entrypoint scripts, read across files by the server', () => {
  const host = new MemoryHost({ files: new Map([[SCRIPT, DROPS]]) });
  const registrations: { method: string; registerOptions?: unknown }[] = [];
  let client: LspClient;
  before(
    async () =>
      (client = await LspClient.inProcess(host, {
        rootUri: WORKSPACE,
        // As the VS Code client: it watches Dockerfiles, compose files, .env and the configuration on its own.
        initializationOptions: { clientCommands: ['dockguard.showRuleDocumentation'] },
        watchFiles: true,
        onRegisterCapability: (params) => registrations.push(...(params as { registrations: typeof registrations }).registrations),
      })),
  );
  after(() => client.stop());

  it('lowers root-user to information when the script drops to a user, reading the script once while typing', async () => {
    const opened = await client.open(DOCKERFILE, 'dockerfile', TEXT);
    const root = opened.diagnostics.find((d) => d.code === 'DG101');
    assert.equal(root?.severity, 3, 'Information');
    assert.match(String(root?.message), /entrypoint script docker-entrypoint\.sh drops to app with gosu/);
    for (let i = 0; i < 5; i++) {
      const typed = await client.change(DOCKERFILE, [
        { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: i === 0 ? '#' : 'x' },
      ]);
      assert.equal(typed.diagnostics.find((d) => d.code === 'DG101')?.severity, 3);
    }
    assert.equal(host.reads.filter((read) => read === SCRIPT).length, 1, 'keystrokes are answered from the cache');
  });

  it('asks the client to watch the script, which its own watchers do not cover', () => {
    const watchers = registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern));
    assert.deepEqual(watchers, [{ baseUri: `${WORKSPACE}/app`, pattern: 'docker-entrypoint.sh' }]);
  });

  it('reads the script again after a file-change notification, and re-analyses the Dockerfile', async () => {
    host.files.set(SCRIPT, STAYS_ROOT);
    const next = client.nextDiagnostics(DOCKERFILE, (p) => p.diagnostics.some((d) => d.code === 'DG101' && d.severity === 2));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: SCRIPT, type: 2 }] });
    const published = await next;
    assert.match(String(published.diagnostics.find((d) => d.code === 'DG101')?.message), /has no USER/);
  });
});
