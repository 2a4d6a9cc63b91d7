// .dockerignore matching as Docker documents it (https://docs.docker.com/build/concepts/context/#dockerignore-files)
// and as moby/patternmatcher and buildkit's dockerignore.ReadAll implement it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, parseDockerIgnore, readPatterns } from '../../../server/src/engine/documents/dockerignore';

const excluded = (ignore: string, ...paths: string[]) => paths.filter((p) => parseDockerIgnore(ignore).excludes(p));

describe('.dockerignore', () => {
  it("Docker's example: comments, */temp*, */*/temp*, temp?", () => {
    const ignore = '# comment\n*/temp*\n*/*/temp*\ntemp?\n';
    assert.deepEqual(
      excluded(ignore, 'somedir/temporary.txt', 'somedir/temp', 'somedir/subdir/temporary.txt', 'tempa', 'tempb', 'temp', 'temporary.txt', 'a/b/c/temp1'),
      ['somedir/temporary.txt', 'somedir/temp', 'somedir/subdir/temporary.txt', 'tempa', 'tempb'],
    );
    assert.deepEqual(excluded(ignore, '# comment'), []);
  });

  it('** matches any number of directories, none included', () => {
    assert.deepEqual(excluded('**/*.go', 'main.go', 'a/b/c.go', 'a/go', 'x.go.txt'), ['main.go', 'a/b/c.go']);
    assert.deepEqual(excluded('a/**/b', 'a/b', 'a/x/b', 'a/x/y/b', 'ab'), ['a/b', 'a/x/b', 'a/x/y/b']);
    assert.deepEqual(excluded('a/**', 'a/b', 'a/x/y', 'a'), ['a/b', 'a/x/y']);
    assert.deepEqual(excluded('**/.env', '.env', 'app/.env', 'app/.envrc'), ['.env', 'app/.env']);
  });

  it('! exceptions, and the last matching line wins', () => {
    assert.deepEqual(excluded('*.md\n!README.md\n', 'README.md', 'CHANGES.md'), ['CHANGES.md']);
    assert.deepEqual(excluded('*.md\n!README*.md\nREADME-secret.md\n', 'README.md', 'README-public.md', 'README-secret.md', 'a.md'), [
      'README-secret.md',
      'a.md',
    ]);
    assert.deepEqual(excluded('!.env\n.env\n', '.env'), ['.env']);
    assert.deepEqual(excluded('.env\n!.env\n', '.env'), []);
  });

  it('a directory excludes what it holds', () => {
    assert.deepEqual(excluded('.git\nsecrets/\n', '.git', '.git/config', 'secrets/prod/key.pem', 'secretsx'), ['.git', '.git/config', 'secrets/prod/key.pem']);
    assert.deepEqual(excluded('*\n!src\n', 'src/main.go', '.env', 'Dockerfile'), ['.env', 'Dockerfile']);
  });

  it('patterns are relative to the context root: a leading / and ./ are dropped, paths cleaned', () => {
    assert.deepEqual(readPatterns('\uFEFF/foo/\n./bar\n  baz/../qux  \n!/keep\n\n#x\n'), ['foo', 'bar', 'qux', '!keep']);
    assert.deepEqual(excluded('/.env\n./id_rsa\n', '.env', 'id_rsa', 'a/.env'), ['.env', 'id_rsa']);
    assert.equal(cleanPath('a//b/./c/'), 'a/b/c');
    assert.equal(cleanPath('/'), '/');
    assert.equal(cleanPath(''), '.');
  });

  it('? and * never cross a /; classes and escapes', () => {
    assert.deepEqual(excluded('a*c', 'abc', 'a/c', 'ac'), ['abc', 'ac']);
    assert.deepEqual(excluded('id_[dr]sa', 'id_rsa', 'id_dsa', 'id_esa'), ['id_rsa', 'id_dsa']);
    assert.deepEqual(excluded('[^a]x', 'bx', 'ax'), ['bx']);
    assert.deepEqual(excluded('\\*.txt', '*.txt', 'a.txt'), ['*.txt']);
    assert.deepEqual(excluded('a.b', 'a.b', 'axb'), ['a.b']);
  });

  it('malformed patterns match nothing and never throw', () => {
    for (const bad of ['[', 'a[b', '\\', '!', '(', '[]', '***', '**/**/']) assert.doesNotThrow(() => excluded(bad, 'a', 'a/b', '['));
    assert.deepEqual(excluded('a[b\n.env', '.env', 'a[b'), ['.env']);
  });
});
