import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySecret, findCredentials } from '../../../server/src/engine/knowledge/secrets';

const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}F6g7H8`;

describe('classifySecret', () => {
  const secret: [string, string, string][] = [
    ['DB_PASSWORD', 'hunter2', 'password'],
    ['MYSQL_ROOT_PASSWORD', 'root', 'password'],
    ['SMTP_PASS', 'pa55', 'password'],
    ['MYSQL_PWD', 'pa55', 'password'],
    ['dbPassword', 'pa55', 'password'],
    ['db.password', 'pa55', 'password'],
    ['GPG_PASSPHRASE', 'correct horse', 'passphrase'],
    ['CLIENT_SECRET', 'abc', 'secret'],
    ['JWT_SECRET', 'abc', 'secret'],
    ['API_TOKEN', 'abc', 'token'],
    ['SLACK_BOT_TOKEN', 'abc', 'token'],
    ['API_KEY', 'abc', 'API key'],
    ['OPENAI_APIKEY', 'abc', 'API key'],
    ['MYAPIKEY', 'abc', 'API key'],
    ['STRIPESECRETKEY', 'abc', 'secret key'],
    ['PRIVATE_KEY', 'abc', 'private key'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'access key'],
    ['SECRET_KEY_BASE', 'abc', 'secret key'],
    ['APP_KEY', 'base64:abc', 'application key'],
    ['GOOGLE_APPLICATION_CREDENTIALS_JSON', '{"type":"service_account"}', 'credentials'],
    ['DB_PASSWORD', '12345678', 'password'],
    ['DB_PASSWORD', '${DB_PASSWORD:-changeme}', 'password'],
    // The default of a default is as literal.
    ['DB_PASSWORD', '${DB_PASSWORD:-${PW:-changeme}}', 'password'],
  ];
  for (const [name, value, what] of secret) {
    it(`${name}=${value} is a ${what}`, () => assert.deepEqual(classifySecret(name, value), { reason: 'name', what }));
  }

  const values: [string, string, string][] = [
    ['X', 'AKIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['X', 'ASIAIOSFODNN7EXAMPLE', 'AWS access key id'],
    ['NODE_VERSION', GITHUB, 'GitHub token'],
    ['X', `github_pat_${'A'.repeat(22)}_${'b'.repeat(59)}`, 'GitHub token'],
    ['X', 'glpat-abcdefghij0123456789', 'GitLab token'],
    ['X', 'xoxb-1234567890-abcdefghij', 'Slack token'],
    ['WEBHOOK_URL', 'https://hooks.slack.com/services/T0000000A/B0000000B/abcdefghijklmnop1234', 'Slack webhook'],
    ['X', `sk_live_${'a'.repeat(24)}`, 'Stripe secret key'],
    ['X', `AIza${'B'.repeat(35)}`, 'Google API key'],
    ['X', `npm_${'c'.repeat(36)}`, 'npm token'],
    ['X', '-----BEGIN RSA PRIVATE KEY-----\\nMIIE', 'private key'],
    ['X', '-----BEGIN PRIVATE KEY-----', 'private key'],
    ['DATABASE_URL', 'postgres://app:s3cret@db:5432/app', 'password in a URL'],
    ['MAILCHIMP', `${'0123456789abcdef'.repeat(2)}-us21`, 'Mailchimp API key'],
    ['X', `SG.${'a'.repeat(22)}.${'B'.repeat(43)}`, 'SendGrid API key'],
    ['token', `sq0atp-${'a1'.repeat(11)}`, 'Square token'],
    ['X', `sq0csp-${'B2'.repeat(21)}c`, 'Square token'],
    ['X', 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaf5e5f2c', 'Amazon MWS token'],
    ['X', `access_token$production$${'a1'.repeat(8)}$${'f0'.repeat(16)}`, 'Braintree token'],
    ['X', `dapi${'ab12'.repeat(8)}`, 'Databricks token'],
    ['X', `PMAK-${'a1'.repeat(12)}-${'b2'.repeat(17)}`, 'Postman API key'],
    ['X', `sntryu_${'e5'.repeat(32)}`, 'Sentry token'],
    ['X', `NRAK-${'A1B'.repeat(9)}`, 'New Relic key'],
    ['X', `glsa_${'Ab1'.repeat(10)}Ab_0a1b2c3d`, 'Grafana token'],
    ['X', `dop_v1_${'ab'.repeat(32)}`, 'DigitalOcean token'],
    ['X', `HRKU-AA${'x1'.repeat(29)}`, 'Heroku API key'],
    ['X', `glrt-${'a1B2'.repeat(5)}`, 'GitLab token'],
    ['X', `glptt-${'0a'.repeat(20)}`, 'GitLab token'],
    ['X', `dckr_oat_${'Ab1'.repeat(9)}`, 'Docker Hub token'],
    ['X', `EAAC${'Ab1'.repeat(40)}`, 'Facebook access token'],
    ['X', `GOCSPX-${'Ab1_'.repeat(7)}`, 'Google OAuth secret'],
    ['X', `LTAI${'Ab1'.repeat(6)}Ab`, 'Alibaba Cloud access key id'],
    ['X', `pul-${'ab'.repeat(20)}`, 'Pulumi token'],
    ['X', `rubygems_${'ab'.repeat(24)}`, 'RubyGems API key'],
    ['X', `lin_api_${'Ab'.repeat(20)}`, 'Linear API key'],
    ['X', `xkeysib-${'ab'.repeat(32)}-${'Ab'.repeat(8)}`, 'Brevo API key'],
    ['X', `AGE-SECRET-KEY-1${'Q'.repeat(58)}`, 'age secret key'],
    ['X', 'PuTTY-User-Key-File-3: ssh-ed25519', 'PuTTY private key'],
    ['X', `xoxe-1-${'A1'.repeat(10)}`, 'Slack token'],
    ['REPO', `https://${GITHUB}:x-oauth-basic@github.com/a/b`, 'GitHub token'],
  ];
  for (const [name, value, what] of values) {
    it(`${name}=${value.slice(0, 24)}… looks like a ${what}`, () => assert.deepEqual(classifySecret(name, value), { reason: 'value', what }));
  }

  const silent: [string, string | undefined][] = [
    ['DB_PASSWORD', undefined],
    ['DB_PASSWORD', ''],
    ['DB_PASSWORD', '   '],
    ['DB_PASSWORD', '${DB_PASSWORD}'],
    ['DB_PASSWORD', '$DB_PASSWORD'],
    ['DB_PASSWORD', '${DB_PASSWORD:?required}'],
    ['DB_PASSWORD', '${DB_PASSWORD:-$PW}'],
    ['DB_PASSWORD', '${DB_PASSWORD:-${PW}}'],
    ['AUTH_HEADER', 'Bearer ${TOKEN}'],
    ['DB_PASSWORD_FILE', '/run/secrets/db'],
    ['TOKEN_PATH', '/var/run/token'],
    ['NODE_VERSION', '22.3.0'],
    ['TOKEN_URL', 'https://auth.example.com/token'],
    ['SECRET_NAME', 'prod/db'],
    ['AWS_ACCESS_KEY_ID', 'foo'],
    ['KEY_ID', 'abc'],
    ['KEY_NAME', 'deploy'],
    ['PUBLIC_KEY', 'ssh-ed25519 AAAA'],
    ['NEXT_PUBLIC_API_KEY', 'abc'],
    ['STRIPE_PUBLISHABLE_KEY', 'pk_live_abc'],
    ['GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D'],
    ['GPG_KEYS', 'A035C8C19219BA821ECEA86B64E628F8D684696D'],
    ['CACHE_KEY', 'v1'],
    ['PWD', '/app'],
    ['OLDPWD', '/'],
    ['PASS_THROUGH', 'on'],
    ['ALLOW_EMPTY_PASSWORD', 'yes'],
    ['MYSQL_RANDOM_ROOT_PASSWORD', 'true'],
    ['PASSWORD_MIN_LENGTH', '8'],
    ['PASSWORD_ROUNDS', '10'],
    ['REQUIRE_PASSWORD', '1'],
    ['TOKENIZERS_PARALLELISM', 'false'],
    ['OPENAI_MAX_TOKENS', '4096'],
    ['maxTokens', '30'],
    ['MONKEY', 'banana'],
    ['API_TOKEN', '<your token>'],
    ['API_TOKEN', '***'],
    ['API_TOKEN', 'xxxx'],
    ['JWT_SECRET', '/run/secrets/jwt'],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/secrets/gcp.json'],
    ['SSL_PRIVATE_KEY', './certs/server.key'],
    ['DATABASE_URL', 'postgres://app:${DB_PASSWORD}@db/app'],
    ['DATABASE_URL', 'postgres://db:5432/app'],
    ['HOME', '/root'],
  ];
  for (const [name, value] of silent) {
    it(`${name}=${value} is not a hard-coded secret`, () => assert.equal(classifySecret(name, value), undefined));
  }
});

describe('findCredentials', () => {
  it('finds each credential once, with its offsets', () => {
    const text = `git clone https://me:pa55@example.com/r && curl -H "token ${GITHUB}" x`;
    const hits = findCredentials(text);
    assert.deepEqual(
      hits.map((h) => [text.slice(h.start, h.end), h.what]),
      [
        ['pa55', 'password in a URL'],
        [GITHUB, 'GitHub token'],
      ],
    );
  });

  // No timing assertion (speed lives in bench/): the test timeout only catches a hang, e.g. a backtracking regex.
  it('finishes on long lines without credentials', { timeout: 60_000 }, () => {
    const long = `${'a'.repeat(300_000)}sk-${'b'.repeat(300_000)}://${'c:'.repeat(100_000)}`;
    assert.deepEqual(findCredentials(long), []);
  });
});

describe('classifySecret on a value of unclosed references', () => {
  it('reads `${A:-` repeated 20,000 times (the hostile-inputs benchmark times it)', () => {
    assert.equal(classifySecret('DB_PASSWORD', '${A:-'.repeat(20_000)), undefined);
  });
});
