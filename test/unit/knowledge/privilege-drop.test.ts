// Reading entrypoints for a drop of root: the tools' own syntax, scripts in the official images' style, and where
// a start command's script comes from in the image the Dockerfile builds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/engine/documents/dockerfile';
import { containerStart } from '../../../server/src/engine/knowledge/entrypoint-script';
import { dropAt, MAX_SCRIPT_CHARS, scriptDrop } from '../../../server/src/engine/knowledge/privilege-drop';
import { lexShell } from '../../../server/src/engine/knowledge/shell';

function drop(command: string): string | undefined {
  const words = lexShell(command)[0].commands[0].words;
  const found = dropAt(words, 0);
  return found && `${found.tool} → ${found.user}, runs ${words[found.commandIndex]?.value ?? '(nothing)'}`;
}

describe('dropAt: the tools that start a program as another user', () => {
  it('reads each tool’s user and the program after it', () => {
    assert.equal(drop('gosu postgres "$BASH_SOURCE" "$@"'), 'gosu → postgres, runs $BASH_SOURCE');
    assert.equal(drop('su-exec redis:redis "$0" "$@"'), 'su-exec → redis:redis, runs $0');
    assert.equal(drop('/usr/local/bin/gosu 999 postgres'), 'gosu → 999, runs postgres');
    assert.equal(drop('setpriv --reuid=redis --regid=redis --clear-groups -- "$0" "$@"'), 'setpriv → redis, runs $0');
    assert.equal(drop('setpriv --regid 1000 --reuid 1000 --init-groups node app.js'), 'setpriv → 1000, runs node');
    assert.equal(drop('runuser -u app -- node server.js'), 'runuser → app, runs node');
    assert.equal(drop('runuser -l app -c "node server.js"'), 'runuser → app, runs -c');
    assert.equal(drop('chroot --userspec=1000:1000 / /app/run'), 'chroot → 1000:1000, runs /app/run');
    assert.equal(drop('s6-setuidgid nobody /bin/server'), 's6-setuidgid → nobody, runs /bin/server');
    assert.equal(drop('chpst -u app:app -/ /srv /bin/server'), 'chpst → app:app, runs /bin/server');
    assert.equal(drop('chpst -uapp /bin/server'), 'chpst → app, runs /bin/server');
  });

  it('is no drop to root, without a user, or by tools that keep a root parent', () => {
    assert.equal(drop('gosu root "$@"'), undefined);
    assert.equal(drop('su-exec 0:0 "$@"'), undefined);
    assert.equal(drop('gosu --version'), undefined);
    assert.equal(drop('gosu'), undefined);
    assert.equal(drop('setpriv --no-new-privs node app.js'), undefined);
    assert.equal(drop('chroot /newroot /bin/sh'), undefined);
    assert.equal(drop('su app -c "node server.js"'), undefined);
    assert.equal(drop('sudo -u app node server.js'), undefined);
  });
});

describe('scriptDrop: what an entrypoint script does about root', () => {
  it('finds the exec into a drop, the root check guarding it, and the root-only steps before it', () => {
    const script = [
      '#!/bin/bash',
      'set -e',
      'if [[ "$1" == rabbitmq* ]] && [ "$(id -u)" = \'0\' ]; then',
      "\tfind /var/lib/rabbitmq \\! -user rabbitmq -exec chown rabbitmq '{}' +",
      '\texec gosu rabbitmq "$BASH_SOURCE" "$@"',
      'fi',
      'exec "$@"',
    ].join('\n');
    const found = scriptDrop(script);
    assert.deepEqual([found.drop?.tool, found.drop?.user, found.conditional, found.rootSteps], ['gosu', 'rabbitmq', true, ['chown']]);
  });

  it('takes the drop behind an init or env, and no drop that is not exec’d or is commented out', () => {
    assert.equal(scriptDrop('exec tini -- env HOME=/home/app gosu app "$@"\n').drop?.user, 'app');
    assert.equal(scriptDrop('# exec gosu app "$@"\nexec "$@"\n').drop, undefined);
    assert.equal(scriptDrop('gosu app true\nexec "$@"\n').drop, undefined);
    assert.equal(scriptDrop('exec su-exec "$PUID:$PGID" "$@"\n').drop?.user, '$PUID:$PGID');
  });

  it('does not look into what is too large or binary, and survives anything', () => {
    assert.equal(scriptDrop(`${'#'.repeat(MAX_SCRIPT_CHARS)}\nexec gosu app "$@"\n`).drop, undefined);
    assert.equal(scriptDrop('\u0000exec gosu app "$@"\n').drop, undefined);
    for (const text of ['', 'exec', 'exec gosu', '"unterminated exec gosu app', 'exec $(( gosu app', 'exec -a x gosu app cmd'])
      assert.doesNotThrow(() => scriptDrop(text));
    assert.equal(scriptDrop('exec -a name gosu app cmd').drop?.user, 'app');
  });
});

function start(dockerfile: string): string {
  const model = parseDockerfile(dockerfile);
  const found = containerStart(model, model.finalStage!);
  if (!found) return 'none';
  if (found.kind === 'drop') return `drop ${found.drop.tool} ${found.drop.user}`;
  return found.origins
    .map((o) =>
      o.kind === 'context' ? `${o.image} from ${o.path}${o.definitive ? '' : '?'}` : o.kind === 'inline' ? `${o.image} inline` : `${o.image} elsewhere`,
    )
    .join(', ');
}

describe('containerStart: the start command and where its script comes from', () => {
  it('finds a script on PATH, by absolute path, under WORKDIR, and as a shell’s operand', () => {
    assert.equal(
      start('FROM x\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n'),
      '/usr/local/bin/docker-entrypoint.sh from docker-entrypoint.sh',
    );
    assert.equal(start('FROM x\nCOPY ./scripts/start /start\nCMD /start --serve\n'), '/start from scripts/start');
    assert.equal(start('FROM x\nWORKDIR /srv\nCOPY run.sh ./\nWORKDIR app\nCMD ["../run.sh"]\n'), '/srv/run.sh from run.sh');
    assert.equal(start('FROM x\nWORKDIR /srv\nCOPY *.sh ./\nCMD ["sh", "-eu", "run.sh"]\n'), '/srv/run.sh from run.sh');
    assert.equal(start('FROM x\nCOPY bin/ /usr/local/bin\nENTRYPOINT ["tini", "-g", "--", "entry"]\n'), '/usr/local/bin/entry from bin/entry?');
  });

  it('follows ENV PATH, and tries a directory copied over the script before the next candidate', () => {
    assert.equal(
      start('FROM x\nENV PATH=/app/bin:$PATH\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY . /app\nENTRYPOINT ["docker-entrypoint.sh"]\n'),
      '/app/bin/docker-entrypoint.sh from bin/docker-entrypoint.sh?, /usr/local/bin/docker-entrypoint.sh from docker-entrypoint.sh',
    );
    assert.equal(start('FROM x\nCOPY package.json /app/\nCMD ["/app/bin/start"]\n'), 'none', 'package.json is a file, not a directory holding bin/');
  });

  it('says where the script is not in the context: another stage, a URL, outside the context', () => {
    assert.equal(start('FROM x\nCOPY --from=build /e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n'), '/e.sh elsewhere');
    assert.equal(start('FROM x\nADD https://example.com/e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n'), '/e.sh elsewhere');
    assert.equal(start('FROM x\nCOPY ../e.sh /e.sh\nENTRYPOINT ["/e.sh"]\n'), '/e.sh elsewhere');
    assert.equal(start('FROM x\nCOPY <<EOF /e.sh\nexec gosu app "$@"\nEOF\nENTRYPOINT ["/e.sh"]\n'), '/e.sh inline');
    assert.equal(
      start('FROM x\nCOPY <<e.sh <<f.sh /usr/local/bin/\nexec "$@"\ne.sh\nexec gosu app "$@"\nf.sh\nENTRYPOINT ["f.sh"]\n'),
      '/usr/local/bin/f.sh inline',
    );
  });

  it('is nothing for a program the Dockerfile does not copy, an empty ENTRYPOINT with no CMD, or a variable', () => {
    assert.equal(start('FROM x\nCMD ["python", "app.py"]\n'), 'none');
    assert.equal(start('FROM x\nCOPY e.sh /e.sh\nENTRYPOINT []\n'), 'none');
    assert.equal(start('FROM x\nCOPY e.sh /e.sh\nENTRYPOINT ["$SCRIPT"]\n'), 'none');
    assert.equal(start('FROM x\nCOPY e.sh /e.sh\nENTRYPOINT ["/e.sh"]\nENTRYPOINT []\nCMD ["/e.sh"]\n'), '/e.sh from e.sh');
  });

  it('reads a drop in the start command itself, in every form', () => {
    assert.equal(start('FROM x\nENTRYPOINT ["gosu", "app"]\nCMD ["node", "server.js"]\n'), 'drop gosu app');
    assert.equal(start('FROM x\nENTRYPOINT ["/bin/sh", "-c", "exec su-exec app node server.js"]\n'), 'drop su-exec app');
    assert.equal(start('FROM x\nENTRYPOINT chown app /data && exec runuser -u app -- node server.js\n'), 'drop runuser app');
    assert.equal(start('FROM x\nENTRYPOINT ["dumb-init", "--"]\nCMD ["setpriv", "--reuid=app", "--regid=app", "--init-groups", "node"]\n'), 'drop setpriv app');
  });
});
