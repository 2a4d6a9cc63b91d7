import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../../server/src/engine/analyze';
import rule from '../../../../server/src/engine/rules/compose/plaintext-secret';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'variable references', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' },
    {
      name: 'references in the list form and passed-through names',
      code: 'services:\n  api:\n    environment:\n      - DB_PASSWORD=${DB_PASSWORD:?set it}\n      - API_TOKEN\n',
    },
    {
      name: 'secret files and settings about secrets',
      code: 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n      PASSWORD_MIN_LENGTH: 12\n      MYSQL_ALLOW_EMPTY_PASSWORD: "no"\n      TOKEN_URL: https://auth.example.com/token\n',
    },
    {
      name: 'ordinary variables and build args',
      code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        NODE_ENV: production\n    environment:\n      LOG_LEVEL: info\n',
    },
    { name: 'no environment', code: 'services:\n  web:\n    image: nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'a byte-order mark, then spaces and an anchor before the first key: the top-level secrets key goes at column 0 (fuzz)',
      code: '\uFEFF  &top x-base: 1\nservices:\n  api:\n    environment:\n      - DB_PASSWORD=hunter2hunter2\n    image: api:1\n',
      findings: [
        {
          line: 5,
          messageId: 'environmentName',
          suggestions: [
            {
              output:
                '\uFEFF  &top x-base: 1\nservices:\n  api:\n    image: api:1\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'percona: renamed to its documented _FILE variable',
      code: 'services:\n  db:\n    image: percona:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: s3cr3t-root\n',
      findings: [
        {
          line: 5,
          messageId: 'environmentName',
          suggestions: [
            {
              title: /MYSQL_ROOT_PASSWORD_FILE/,
              output:
                'services:\n  db:\n    image: percona:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/mysql_root_password\n    secrets:\n      - mysql_root_password\nsecrets:\n  mysql_root_password:\n    file: ./secrets/mysql_root_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a variable name too long for a secret key (YAML keys end at 1024 characters): reported, nothing moved',
      code: `services:\n  a:\n    image: a:1\n    environment:\n      - ${'X'.repeat(1100)}_TOKEN=tok3n-value-here\n`,
      findings: [{ line: 5, messageId: 'environmentName' }],
      output: null,
    },
    {
      name: 'map form: moved to a new top-level secret, the entry removed, comments and blank lines kept',
      code: '# the API\nservices:\n  api:\n    image: registry.example.com/api:1.4 # pinned\n    environment:\n      LOG_LEVEL: info\n      API_TOKEN: "abcdef123456" # rotate me\n    restart: always\n\nvolumes:\n  data: {}\n',
      findings: [
        {
          line: 7,
          column: 18,
          endColumn: 32,
          messageId: 'environmentName',
          data: { name: 'API_TOKEN', what: 'a token' },
          suggestions: [
            {
              title: /Move API_TOKEN to a secret read from \.\/secrets\/api_token\.txt \(the app reads \/run\/secrets\/api_token\)/,
              output:
                '# the API\nservices:\n  api:\n    image: registry.example.com/api:1.4 # pinned\n    environment:\n      LOG_LEVEL: info\n    restart: always\n    secrets:\n      - api_token\n\nvolumes:\n  data: {}\nsecrets:\n  api_token:\n    file: ./secrets/api_token.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'official image with _FILE support: renamed in place, quotes kept; existing lists merged, 4-space indentation',
      code: 'services:\n    db:\n        image: postgres:16-alpine\n        environment:\n            POSTGRES_USER: app\n            POSTGRES_PASSWORD: "s3cr3t-pw"\n        secrets:\n            - other\nsecrets:\n    other:\n        file: ./other.txt\n',
      findings: [
        {
          line: 6,
          column: 32,
          endColumn: 43,
          messageId: 'environmentName',
          suggestions: [
            {
              title: /POSTGRES_PASSWORD_FILE/,
              output:
                'services:\n    db:\n        image: postgres:16-alpine\n        environment:\n            POSTGRES_USER: app\n            POSTGRES_PASSWORD_FILE: "/run/secrets/postgres_password"\n        secrets:\n            - other\n            - postgres_password\nsecrets:\n    other:\n        file: ./other.txt\n    postgres_password:\n        file: ./secrets/postgres_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'list form, on the value after `=`; a secret already declared and listed is not added again',
      code: "services:\n  db:\n    image: mysql:8.4\n    environment:\n      - 'MYSQL_ROOT_PASSWORD=changeme123'\n      - MYSQL_DATABASE=app\n    secrets: [mysql_root_password]\nsecrets:\n  mysql_root_password:\n    file: ./secrets/root.txt\n",
      findings: [
        {
          line: 5,
          column: 30,
          endColumn: 41,
          messageId: 'environmentName',
          suggestions: [
            {
              output:
                "services:\n  db:\n    image: mysql:8.4\n    environment:\n      - 'MYSQL_ROOT_PASSWORD_FILE=/run/secrets/mysql_root_password'\n      - MYSQL_DATABASE=app\n    secrets: [mysql_root_password]\nsecrets:\n  mysql_root_password:\n    file: ./secrets/root.txt\n",
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the only entry of a list takes `environment:` along',
      code: 'services:\n  api:\n    environment:\n      - DB_PASSWORD=hunter2hunter2\n    image: api:1\n',
      findings: [
        {
          line: 4,
          column: 21,
          messageId: 'environmentName',
          suggestions: [
            {
              output: 'services:\n  api:\n    image: api:1\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a credential-shaped value whatever the name, and a literal default of a variable',
      code: 'services:\n  ci:\n    image: ci:1\n    environment:\n      GH: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n      DB_PASSWORD: ${DB_PASSWORD:-changeme123}\n',
      findings: [
        {
          line: 5,
          messageId: 'environmentValue',
          data: { name: 'GH', what: 'GitHub token' },
          suggestions: [
            {
              output:
                'services:\n  ci:\n    image: ci:1\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-changeme123}\n    secrets:\n      - gh\nsecrets:\n  gh:\n    file: ./secrets/gh.txt\n',
            },
          ],
        },
        {
          line: 6,
          messageId: 'environmentName',
          suggestions: [
            {
              output:
                'services:\n  ci:\n    image: ci:1\n    environment:\n      GH: ghp_abcdefghijklmnopqrstuvwxyz0123456789\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'build args become build secrets',
      code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        NODE_ENV: production\n        NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789\n    image: api:1\n',
      findings: [
        {
          line: 7,
          messageId: 'buildArgValue',
          suggestions: [
            {
              title: /RUN --mount=type=secret,id=npm_token/,
              output:
                'services:\n  api:\n    build:\n      context: .\n      args:\n        NODE_ENV: production\n      secrets:\n        - npm_token\n    image: api:1\nsecrets:\n  npm_token:\n    file: ./secrets/npm_token.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'service built from anchors and merge keys: the edits go into its own mapping',
      code: 'x-base: &base\n  restart: always\n  image: api:1\nservices:\n  api:\n    <<: *base\n    environment:\n      SECRET_KEY: "0a1b2c3d4e5f6a7b"\n',
      findings: [
        {
          line: 8,
          messageId: 'environmentName',
          suggestions: [
            {
              output:
                'x-base: &base\n  restart: always\n  image: api:1\nservices:\n  api:\n    <<: *base\n    secrets:\n      - secret_key\nsecrets:\n  secret_key:\n    file: ./secrets/secret_key.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a secret in a shared anchor: reported once where written, no suggestion',
      code: 'x-env: &env\n  DB_PASSWORD: hunter2hunter2\nservices:\n  a:\n    environment: *env\n  b:\n    environment: *env\n',
      findings: [{ line: 2, column: 16, messageId: 'environmentName' }],
      output: null,
    },
    {
      // Found by the fuzzer: the move removed `environment: &env`, and b's alias then named x-env's variables.
      name: "a secret in a service's own anchored environment, which another service aliases: no suggestion",
      code: 'x-env: &env\n  DB_PASSWORD: hunter2hunter2\nservices:\n  a:\n    environment: &env\n      PASSWORD: secret\n  b:\n    environment: *env\n',
      findings: [{ line: 6, column: 17, messageId: 'environmentName', suggestions: [] }],
      output: null,
    },
    {
      name: 'an anchored value: no suggestion, its aliases would lose it',
      code: 'services:\n  a:\n    environment:\n      DB_PASSWORD: &pw hunter2hunter2\n      OTHER: x\n  b:\n    environment:\n      PW: *pw\n',
      findings: [{ line: 4, messageId: 'environmentName', suggestions: [] }],
      output: null,
    },
    {
      name: 'flow style: reported, no suggestion',
      code: 'services:\n  api: {environment: {DB_PASSWORD: hunter2hunter2}}\n',
      findings: [{ line: 2, messageId: 'environmentName' }],
      output: null,
    },
    {
      name: 'a build argument named as a password: the suggestion moves it to a build secret',
      code: 'services:\n  api:\n    build:\n      context: .\n      args:\n        DB_PASSWORD: hunter2\n    image: api:1\n',
      findings: [
        {
          line: 6,
          column: 22,
          endColumn: 29,
          messageId: 'buildArgName',
          data: { name: 'DB_PASSWORD', what: 'a password' },
          suggestions: [
            {
              title: /Move DB_PASSWORD to a secret/,
              output:
                'services:\n  api:\n    build:\n      context: .\n      secrets:\n        - db_password\n    image: api:1\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n',
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

describe('plaintext-secret: a literal dollar is part of the password (compose-lint CL-0020 cases)', () => {
  const names = (environment: string) =>
    analyze(`services:\n  a:\n    image: a:1\n    environment:\n${environment}`, { kind: 'compose', rules: [rule] }).map((f) => f.data?.name);
  it('$$ is an escaped $, and a $ that starts no variable is literal', () => {
    assert.deepEqual(names('      DB_PASSWORD: "pa$$w0rd"\n      DB_PASS: "hunter2$"\n'), ['DB_PASSWORD', 'DB_PASS']);
  });
  it('a variable after an escaped $, or a value around a variable, still depends on the environment', () => {
    assert.deepEqual(names('      DB_PASSWORD: "$$${DB_PASSWORD}"\n      API_TOKEN: prefix-${TOKEN}\n'), []);
  });
});
