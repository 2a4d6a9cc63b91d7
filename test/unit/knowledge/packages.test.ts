import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfile, stageChain } from '../../../server/src/engine/documents/dockerfile';
import { imageUsage, isCopiedPath, startCommand } from '../../../server/src/engine/knowledge/image-usage';
import { installedPackages, isInstall, namesPackage, packageCommand, packageName } from '../../../server/src/engine/knowledge/packages';
import { lexShell } from '../../../server/src/engine/knowledge/shell';

function call(text: string) {
  return packageCommand(lexShell(text)[0].commands[0]);
}

describe('packageCommand', () => {
  it('reads the manager, subcommand, options and packages', () => {
    const apt = call('DEBIAN_FRONTEND=noninteractive apt-get -o Dpkg::Options::=--force-confold -y install --no-install-recommends curl git=1:2.39')!;
    assert.equal(apt.manager, 'apt');
    assert.equal(apt.subcommand?.value, 'install');
    assert.deepEqual(
      apt.options.map((w) => w.value),
      ['-o', '-y', '--no-install-recommends'],
    );
    assert.deepEqual(
      apt.optionValues.map((w) => w.value),
      ['Dpkg::Options::=--force-confold'],
    );
    assert.deepEqual(
      installedPackages(apt).map((p) => p.name),
      ['curl', 'git'],
    );
  });

  it('skips the value of options that take one, so it is not a package', () => {
    const apk = call('apk add --virtual .build-deps --repository https://x/edge gcc musl-dev')!;
    assert.deepEqual(
      installedPackages(apk).map((p) => p.name),
      ['gcc', 'musl-dev'],
    );
  });

  it('stops at redirections, and leaves variables and paths out of the package list', () => {
    const dnf = call('dnf install -y $PKGS /tmp/local.rpm openssh-server 2>/dev/null')!;
    assert.deepEqual(
      installedPackages(dnf).map((p) => p.name),
      ['openssh-server'],
    );
  });

  it('sees through sudo and full paths, and knows installs per manager', () => {
    assert.equal(call('sudo /sbin/apk add curl')?.manager, 'apk');
    assert.ok(isInstall(call('microdnf install x')!));
    assert.ok(isInstall(call('zypper in x')!));
    assert.ok(!isInstall(call('apt-get update')!));
    assert.ok(!isInstall(call('apk del x')!));
    assert.equal(call('apt-cache policy x'), undefined);
    assert.equal(call('apt-get')?.subcommand, undefined);
  });

  it("knows the documented aliases of each manager's install commands (issue 12: dnf in and dnf rei were missed)", () => {
    for (const text of [
      'dnf in -y x',
      'dnf rei x',
      'dnf localinstall ./x.rpm',
      'dnf install-n x',
      'dnf install-na x.x86_64',
      'dnf install-nevra x-1.0-1.el9.x86_64',
      'dnf5 in x',
      'dnf5 rei x',
      'yum localinstall x.rpm',
      'dnf group install "Development Tools"',
      'dnf5 grp install development-tools',
      'apt reinstall x',
      'zypper inr',
      'zypper install-new-recommends',
    ])
      assert.ok(isInstall(call(text)!), text);
    for (const text of ['dnf info x', 'dnf group list', 'dnf5 rq x', 'zypper si x', 'apt-get indextargets']) assert.ok(!isInstall(call(text)!), text);
    assert.deepEqual(
      installedPackages(call('dnf -y group install openssh-server')!).map((p) => p.name),
      ['openssh-server'],
      'after `group install`, the groups',
    );
  });

  it('strips version pins and architectures from package names', () => {
    assert.equal(packageName('apt', 'openssh-server=1:9.6p1-3'), 'openssh-server');
    assert.equal(packageName('apt', 'libc6:amd64'), 'libc6');
    assert.equal(packageName('apt', 'curl/bookworm-backports'), 'curl');
    assert.equal(packageName('apk', 'openssh~9.7'), 'openssh');
    assert.equal(packageName('apk', 'py3-pip>=23'), 'py3-pip');
    assert.ok(namesPackage('openssh-server-9.6p1', 'openssh-server'));
    assert.ok(!namesPackage('openssh-server-pam', 'openssh-server'));
    assert.ok(!namesPackage('openssh-client', 'openssh'));
  });
});

describe('imageUsage and startCommand', () => {
  it('collects programs, managers, run forms and copies across stages', () => {
    const model = parseDockerfile(
      'FROM node:20 AS base\nRUN apt-get update && bash -c true\nFROM base\nSHELL ["powershell", "-Command"]\nRUN ["/app/migrate", "--up"]\nCOPY --from=build /out/ /app/\nHEALTHCHECK CMD curl -f http://x/\nCMD ["dotnet", "publish"]\n',
    );
    const usage = imageUsage(model, model.stages);
    assert.deepEqual([...usage.managers], ['apt']);
    for (const program of ['apt-get', 'bash', 'powershell', 'migrate', 'curl', 'dotnet', 'dotnet publish']) assert.ok(usage.programs.has(program), program);
    assert.equal(usage.shellRuns.length, 1);
    assert.deepEqual(usage.execRunPrograms, ['/app/migrate']);
    assert.equal(usage.healthchecks.length, 1);
    assert.ok(isCopiedPath(usage, '/app/migrate'));
    assert.ok(!isCopiedPath(usage, '/usr/bin/node'));
    assert.ok(!isCopiedPath(usage, 'app/migrate'));
  });

  it('takes only a copied file of the same name into /', () => {
    const model = parseDockerfile('FROM debian:12\nCOPY --from=build /out/app /\n');
    const usage = imageUsage(model, model.stages);
    assert.ok(isCopiedPath(usage, '/app'));
    assert.ok(!isCopiedPath(usage, '/bin/sh'));
  });

  it('an ENTRYPOINT clears the CMD inherited from the stage below, not its own', () => {
    const inherited = parseDockerfile('FROM node:20 AS base\nCMD ["node"]\nFROM base\nENTRYPOINT ["/app"]\n');
    assert.equal(startCommand(stageChain(inherited.finalStage!)).cmd, undefined);
    const own = parseDockerfile('FROM node:20\nCMD ["--help"]\nENTRYPOINT ["/app"]\n');
    const start = startCommand(stageChain(own.finalStage!));
    assert.ok(start.cmd && start.entrypoint);
  });
});
