import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/engine/documents/dockerfile';
import { isOpenAtEnd } from '../../../server/src/engine/knowledge/shell';
import { allCommands, jsonStrings, programOf, shellScopes } from '../../../server/src/engine/knowledge/shell-scopes';

function commands(dockerfile: string): string[] {
  const model = parseDockerfile(dockerfile);
  return model.shellSources.flatMap((source) =>
    [...allCommands(source, model.text)].map((c) => c.words.map((w) => model.text.slice(source.offset + w.start, source.offset + w.end)).join(' ')),
  );
}

describe('shellScopes', () => {
  it('lexes sh -c scripts and command substitutions, with offsets into the document', () => {
    assert.deepEqual(commands('FROM a\nRUN sh -c "curl -k x | tar x" && echo "$(wget -qO- y)"\n'), [
      'sh -c "curl -k x | tar x"',
      'echo "$(wget -qO- y)"',
      'curl -k x',
      'tar x',
      'wget -qO- y',
    ]);
  });

  it('reads the exec form as one command and its -c script as shell', () => {
    assert.deepEqual(commands('FROM a\nRUN ["/bin/sh", "-c", "curl -fsSL x | sh"]\n'), ['/bin/sh -c curl -fsSL x | sh', 'curl -fsSL x', 'sh']);
  });

  it('follows backquotes and nested substitutions', () => {
    assert.deepEqual(commands('FROM a\nRUN echo `curl a` "$(dirname "$(curl b)")"\n'), [
      'echo `curl a` "$(dirname "$(curl b)")"',
      'curl a',
      'dirname "$(curl b)"',
      'curl b',
    ]);
  });

  it('computes once per source', () => {
    const model = parseDockerfile('FROM a\nRUN sh -c "echo hi"\n');
    const source = model.shellSources[0];
    assert.equal(shellScopes(source, model.text), shellScopes(source, model.text));
  });

  it('is bounded on deeply nested input and tolerates unterminated quotes', () => {
    const deep = `FROM a\nRUN ${'sh -c "$('.repeat(200)}curl x\n`;
    assert.doesNotThrow(() => commands(deep));
    assert.doesNotThrow(() => commands('FROM a\nRUN sh -c "curl -k\nRUN ["sh", "-c", "x\n'));
  });
});

describe('programOf', () => {
  it('skips wrappers and busybox', () => {
    const model = parseDockerfile('FROM a\nRUN sudo -E /usr/bin/busybox wget -q x\n');
    const command = [...allCommands(model.shellSources[0], model.text)][0];
    assert.deepEqual(programOf(command), { name: 'wget', index: 3 });
  });
});

describe('jsonStrings', () => {
  it('decodes strings and keeps the offsets of their contents', () => {
    const text = '["a b", "c\\"d", "/e"]';
    assert.deepEqual(
      jsonStrings(text).map((w) => [w.value, text.slice(w.start, w.end)]),
      [
        ['a b', 'a b'],
        ['c"d', 'c\\"d'],
        ['/e', '/e'],
      ],
    );
  });
  it('tolerates an unterminated array', () => {
    assert.deepEqual(
      jsonStrings('["a", "b').map((w) => w.value),
      ['a', 'b'],
    );
  });
});

describe('isOpenAtEnd: where an appended command would land', () => {
  it('inside an unclosed quote, backquote, substitution or after a trailing backslash', () => {
    for (const text of ['echo "a', "echo 'a", 'echo `date', 'echo $(date', 'echo a\\', "echo 'it''s", 'echo "$(date)" "x']) assert.ok(isOpenAtEnd(text), text);
  });
  it('not after closed ones, escaped quotes, quotes in comments or apostrophes inside double quotes', () => {
    for (const text of [
      'echo "a"',
      "echo 'a'",
      'echo `date`',
      'echo $(date)',
      'echo \\"a',
      "echo a # it's",
      'echo "it\'s"',
      'echo "a\\"b"',
      'apt-get install -y curl',
    ])
      assert.ok(!isOpenAtEnd(text), text);
  });
});
