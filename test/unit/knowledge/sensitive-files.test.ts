import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySensitivePath } from '../../../server/src/engine/knowledge/sensitive-files';

describe('classifySensitivePath', () => {
  const sensitive: [string, RegExp][] = [
    ['id_rsa', /SSH private key/],
    ['keys/id_ed25519', /SSH private key/],
    ['/root/.ssh/id_ecdsa', /SSH private key/],
    ['id_rsa*', /SSH private key/],
    ['.ssh', /SSH directory/],
    ['./.ssh/', /SSH directory/],
    ['.ssh/config', /SSH directory/],
    ['.ssh/*', /SSH directory/],
    ['$HOME/.ssh', /SSH directory/],
    ['.env', /environment file/],
    ['.env.local', /environment file/],
    ['config/.env.production', /environment file/],
    ['.env*', /environment file/],
    ['*.pem', /PEM/],
    ['privkey.pem', /PEM/],
    ['tls/server.key', /private key/],
    ['store.p12', /PKCS#12/],
    ['store.PFX', /PKCS#12/],
    ['.aws', /AWS/],
    ['.aws/credentials', /AWS/],
    ['.kube/config', /Kubernetes/],
    ['.gnupg/', /GnuPG/],
    ['.docker/config.json', /Docker client/],
    ['.npmrc', /npm/],
    ['.pypirc', /PyPI/],
    ['.netrc', /netrc/],
    ['.git-credentials', /Git credential/],
    ['C:\\Users\\me\\.ssh\\id_rsa', /SSH private key/],
  ];
  for (const [path, what] of sensitive) it(`${path} is sensitive`, () => assert.match(classifySensitivePath(path) ?? '', what));

  const harmless = [
    '.',
    '*',
    'src/',
    'package.json',
    'id_rsa.pub',
    '.ssh/known_hosts',
    '.ssh/id_ed25519.pub',
    '.env.example',
    '.env.sample',
    '.env.template',
    '.env.dist',
    'app.env',
    'environment.ts',
    'ca.pem',
    'cert.pem',
    'fullchain.pem',
    'certs/corp-root-ca.pem',
    'server.crt',
    'config.json',
    '.docker/nginx/default.conf',
    'keys/',
    'monkey.txt',
    '',
  ];
  for (const path of harmless) it(`${path || '(empty)'} is not sensitive`, () => assert.equal(classifySensitivePath(path), undefined));
});
