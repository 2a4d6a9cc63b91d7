import rule from '../../../../server/src/engine/rules/dockerfile/secret-on-command-line';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'secrets read from a secret mount, a variable or a prompt',
      code: 'FROM docker:27-cli\nRUN --mount=type=secret,id=pw docker login -u ci -p "$(cat /run/secrets/pw)" r.example.com && cat /run/secrets/pw | docker login --password-stdin -u ci r.example.com\nRUN docker login -u ci -p $REGISTRY_PASSWORD r && curl -u deploy https://x && curl -u "ci:${TOKEN}" https://x && mysql -p db && curl -H "Authorization: Bearer $TOKEN" https://x\n',
    },
    {
      name: 'look-alikes: useradd -u, set -eu, grep pass, settings, a variable passed through',
      code: 'FROM alpine:3.20\nRUN useradd -u 1000 app && set -eu && echo password | grep pass && PASSWORD_MIN_LENGTH=8 run && export API_KEY=${API_KEY}\n',
    },
    {
      name: "a token shape is hardcoded-secret's; an empty password, a placeholder",
      code: 'FROM alpine:3.20\nRUN docker login -p ghp_0123456789abcdefghijABCDEFGHIJ012345 r && curl -u user: https://x && curl -u "u:<password>" https://x\n',
    },
    {
      name: 'aws configure of the key id and region',
      code: 'FROM amazon/aws-cli:2.17.0\nRUN aws configure set aws_access_key_id test-id && aws configure set region eu-west-1\n',
    },
    { name: 'half-typed', code: 'FROM alpine:3.20\nRUN docker login -p' },
  ],
  invalid: [
    {
      name: 'docker login -p and --password=, the literal piped to --password-stdin',
      code: 'FROM docker:27-cli\nRUN docker login -u ci -p S3cretPw registry.example.com && docker login --password=S3cretPw -u ci ghcr.io\nRUN echo S3cretPw | docker login -u ci --password-stdin registry.example.com\n',
      findings: [
        { line: 2, column: 27, endColumn: 35, messageId: 'argument', data: { tool: 'docker', what: 'a password' } },
        { line: 2, column: 84, endColumn: 92, messageId: 'argument' },
        { line: 3, column: 10, endColumn: 18, messageId: 'piped', data: { tool: 'docker' } },
      ],
      output: null,
    },
    {
      name: 'curl -u user:password, an Authorization header, --user=',
      code: 'FROM alpine:3.20\nRUN curl -fsSL -u deploy:S3cretPw https://files.example.com/a -o a && curl -H "Authorization: Bearer abcdef123456" https://api.example.com && curl --user=ci:pw12345 https://x.example.com\n',
      findings: [
        { line: 2, column: 26, endColumn: 34, messageId: 'argument', data: { tool: 'curl', what: 'a password' } },
        { line: 2, column: 102, endColumn: 114, messageId: 'argument', data: { what: 'a token' } },
        { line: 2, column: 158, endColumn: 165, messageId: 'argument' },
      ],
      output: null,
    },
    {
      name: 'mysql -p<password>, mysqldump --password=; aws configure set aws_secret_access_key (Trivy DS031)',
      code: 'FROM mysql:8.4\nRUN mysql -uroot -pS3cretPw -e "select 1" && mysqldump --password=S3cretPw db > /dev/null\nRUN aws configure set aws_access_key_id test-id && aws configure set aws_secret_access_key test-key\n',
      findings: [
        { line: 2, column: 20, endColumn: 28, messageId: 'argument', data: { tool: 'mysql' } },
        { line: 2, column: 67, endColumn: 75, messageId: 'argument', data: { tool: 'mysqldump' } },
        { line: 3, column: 92, endColumn: 100, messageId: 'argument', data: { tool: 'aws', what: 'an AWS secret key' } },
      ],
      output: null,
    },
    {
      name: 'registry tokens, htpasswd batch mode, sshpass, redis-cli',
      code: 'FROM node:22\nRUN npm config set //registry.npmjs.org/:_authToken abc123def456 && yarn config set npmAuthToken abc123def456\nRUN htpasswd -bc /etc/nginx/.htpasswd admin S3cretPw && sshpass -pS3cretPw ssh host true && redis-cli -a S3cretPw ping\n',
      findings: [
        { line: 2, column: 53, endColumn: 65, messageId: 'argument', data: { tool: 'npm', what: 'a registry token' } },
        { line: 2, column: 98, endColumn: 110, messageId: 'argument', data: { tool: 'yarn' } },
        { line: 3, column: 45, endColumn: 53, messageId: 'argument', data: { tool: 'htpasswd' } },
        { line: 3, column: 67, endColumn: 75, messageId: 'argument', data: { tool: 'sshpass' } },
        { line: 3, column: 106, endColumn: 114, messageId: 'argument', data: { tool: 'redis-cli' } },
      ],
      output: null,
    },
    {
      name: 'secret-named variables set to literals: a command prefix and export',
      code: "FROM postgres:16\nRUN PGPASSWORD=S3cretPw psql -h db -U app -c 'select 1' && export DB_PASSWORD=S3cretPw\n",
      findings: [
        { line: 2, column: 16, endColumn: 24, messageId: 'assignment', data: { name: 'PGPASSWORD', what: 'a literal password' } },
        { line: 2, column: 79, endColumn: 87, messageId: 'assignment', data: { name: 'DB_PASSWORD' } },
      ],
      output: null,
    },
    {
      name: 'exec form, sh -c inside a heredoc, ONBUILD, lower-case run, a continuation with a comment',
      code: 'FROM alpine:3.20\nRUN ["docker", "login", "-p", "S3cretPw", "registry.example.com"]\nRUN <<EOF\nset -e\nsh -c "skopeo copy --src-creds ci:S3cretPw docker://a docker://b"\nEOF\nONBUILD RUN wget --http-password=S3cretPw https://example.com/f\nrun curl \\\n  # the artifact server\n  -u ci:S3cretPw https://x\n',
      findings: [
        { line: 2, column: 32, endColumn: 40, messageId: 'argument', data: { tool: 'docker' } },
        { line: 5, column: 35, endColumn: 43, messageId: 'argument', data: { tool: 'skopeo' } },
        { line: 7, column: 34, endColumn: 42, messageId: 'argument', data: { tool: 'wget' } },
        { line: 10, column: 9, endColumn: 17, messageId: 'argument', data: { tool: 'curl' } },
      ],
      output: null,
    },
  ],
});
