import type { DocumentKind } from '../../../server/src/engine/types';

/**
 * Inputs the fuzzer (or issue 12, which it was built for) found failing, kept as seeds and checked by
 * test/unit/engine/fuzz.test.ts on every run: each must now pass the fuzzer's checks (no exception, every fix
 * and suggestion takes and breaks nothing, fix-all converges and is idempotent).
 */
export const FUZZ_REGRESSIONS: { kind: DocumentKind; note: string; text: string }[] = [
  // Issue 12: fixes that broke the file they fixed, or never took.
  { kind: 'dockerfile', note: 'last line ends with a continuation: USER appended into the RUN', text: 'FROM node:20\nRUN npm ci \\' },
  { kind: 'dockerfile', note: 'a final FROM x\\', text: 'FROM alpine:3.20\\' },
  { kind: 'dockerfile', note: 'an open heredoc swallowed the USER lines', text: 'FROM node:20\nRUN <<EOF\nnpm ci\n' },
  {
    kind: 'dockerfile',
    note: 'unclosed quote: the apt cleanup appended ten times',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo "done\n',
  },
  { kind: 'compose', note: 'compose file ending in a lone CR', text: 'services:\n  web:\n    image: nginx:1.27\r' },
  { kind: 'compose', note: 'byte-order mark before the first key', text: '\uFEFFservices:\n  web:\n    image: nginx:1.27\n' },
  {
    kind: 'compose',
    note: 'unused suppression in a compose file with a syntax error',
    text: 'services:\n  web:\n    # dockguard-ignore privileged\n    image: "nginx\n',
  },
  // Issue 12: inputs that threw, overflowed the stack or hung.
  { kind: 'compose', note: '2,000 `    k: 1` without a line break', text: '    k: 1'.repeat(2_000) },
  { kind: 'compose', note: 'block sequences nested on one line', text: '- '.repeat(8_000) + 'x\n' },
  { kind: 'compose', note: 'flow sequences 50,000 deep', text: 'services:\n  a: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n' },
  { kind: 'dockerfile', note: 'a Dockerfile of # only', text: '#'.repeat(50_000) },
  { kind: 'dockerfile', note: 'parser directives on one line', text: '#a=b '.repeat(5_000) + '\nFROM alpine:3.20\n' },
  // Found by the fuzzer.
  { kind: 'dockerfile', note: 'heredocs declared on a continued last line', text: 'FROM node:20\nRUN curlat > /x <<E1 && sh <<E2\\\n' },
  { kind: 'dockerfile', note: 'two escape characters end the last line', text: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\\\\\r\n' },
  { kind: 'dockerfile', note: 'heredocs and lone CR line ends', text: 'FROM node:22-alpine\rCOPY . .\rRUN <<A <<B\rA\r\r' },
  {
    kind: 'dockerfile',
    note: 'a heredoc whose delimiter line is misspelt',
    text: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y curl\nEOF`',
  },
  {
    kind: 'compose',
    note: 'a suppression comment with a lone CR inside',
    text: 'services:\n  web:\n    ports:\n      # dockguard-ignore p\rrt-on-all-interfaces -- reason\n      - "8080:80"\n',
  },
  {
    kind: 'compose',
    note: 'a line of 20,000 quotes (40,000 YAML errors)',
    text: 'services:\n  web:\n   ' + '"'.repeat(20_000) + ' volumes:\n      - .:/app:z\n',
  },
  {
    kind: 'dockerfile',
    note: 'a heredoc script ending inside a parenthesis',
    text: '\uFEFFFROM debian:12\nRUN <<EOF\nset -e\nRUN <<EOF\nunterminated\napt-get update\napt-get install -y curl(rm -rf /var/lib/apt/lists/*\nEOF\n',
  },
  { kind: 'compose', note: 'implicit keys nested in a flow mapping', text: 'services:\n  web: {image: "a:1", user: ro' + 'k: '.repeat(6_000) + '}\n' },
  { kind: 'compose', note: 'an anchor before the first key of a service', text: 'services:\n  hardened:\n   &x  image: a:1\n' },
  {
    kind: 'compose',
    note: 'a byte-order mark and spaces before the first key: the top-level secrets went at column 4',
    text: '\uFEFF    <<: *base\nservices:\n  api:\n    environment:\n      - DB_PASSWORD=hunter2hunter2\n    image: api:1\n',
  },
  {
    kind: 'compose',
    note: 'read_only: true before a lone CR, read as a string',
    text: 'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./certs\n        target: /certs\n        read_only: true\r',
  },
  {
    kind: 'dockerfile',
    note: 'hardcoded-secret: removing TOKEN=… left ARG TOKEN A, which dockerfile-ast reads as TOKEN set to A',
    text: 'FROM alpine:3.20\nARG TOKEN=${X:-s3cr3tv4l} \\\n\n    TOKEN \\\n    A\n',
  },
  {
    kind: 'dockerfile',
    note: 'hardcoded-secret: removing the first pair of ENV A=… B C=… left the old form ENV B C=…',
    text: 'FROM alpine:3.20\nENV DB_PASSWORD=\'q1w2e3r4\' \\\n    TOKEN A="abc 123"',
  },
  { kind: 'dockerfile', note: 'a base image nested 2,000 deep in defaults', text: 'FROM ' + '${A:-'.repeat(2_000) + '}'.repeat(2_000) + '\n' },
  {
    kind: 'dockerfile',
    note: 'a heredoc left open after a closed one whose script has a pipe',
    text: 'RUN <<A <<B\nRUN rm -rf /x \\\n  && curl -fsSL https://x | sh \\\n  && echo "a b"\nA\n',
  },
  {
    kind: 'dockerfile',
    note: 'a path of 20,000 slashes (trailing-slash regex retried from each)',
    text: 'FROM alpine:3.23\nCOPY app.p' + '/'.repeat(20_000) + 'x /app/\n',
  },
  { kind: 'compose', note: 'a build context of 20,000 slashes', text: 'services:\n  app:\n    build: ./x' + '/'.repeat(20_000) + 'y\n' },
  {
    kind: 'compose',
    note: 'empty limit values, one before a comment',
    text: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: 0.50\n          memory: #12M',
  },
  {
    kind: 'compose',
    note: 'an empty limit at the end of the file',
    text: 'services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: ',
  },
  {
    kind: 'compose',
    note: 'an empty host_ip at the end of the file',
    text: 'services:\n  web:\n    ports:\n      - target: 80\n        published: "8080"\n        host_ip:',
  },
  {
    kind: 'dockerfile',
    note: 'an ARG continued on a line starting with the escape character',
    text: 'FROM alpine:3.20\r\nARG TOKEN=s3cr3tv4lue \\\r\n\\   TOKEN \\\r\n    REGION\r\n',
  },
  {
    kind: 'dockerfile',
    note: 'an unused suppression on the first line, above `# escape=`: removing the line made it a directive',
    text: '# dockguard-ignore root-user -- x\n# escape=`\n && éRUN  | https://x/y.tgz;ENTRYPOINT NONE😀--from=build # dockguard-ignore root-user -- x\nFROM {[EXPOSE 22\'COPY ENV  \\\r}NONEWORKDIR /app \\\n#😀ENV sudo pip install USER # escape=`\nnpm ci0:0apk add --no-cache # escape=`\n= | ADD # escape=`\n\tONBUILD <<EOF😀[sudo  AS buildARG <<-"E"CMD ["sh"]# dockguard-ignore root-user -- x\nFROM `',
  },
  {
    kind: 'compose',
    note: 'a secret in an anchored environment another service aliases: the move removed the anchor',
    text: 'x-env: &env\n  DB_PASSWORD: hunter2hunter2\nservices:\n  a:\n    environment: &env\n      PASSWORD: secret\n  b:\n    environment: *env\n',
  },
  {
    kind: 'dockerfile',
    note: 'a heredoc name of 27,000 escape characters (dockerfile-ast looked for a line break after each)',
    text: 'FROM opensuse/leap:15.6\nRUN <<-"X' + '\\'.repeat(27_000) + '" bash\n\tcurl -k x\n\tX\nRUN zypper -n install --no-recommends curl\n',
  },
  {
    kind: 'dockerfile',
    note: 'one RUN of 8,000 chained downloads: over the instruction limit, not analysed',
    text: 'FROM alpine:3.23\nRUN ' + 'curl -k x | '.repeat(8_000) + 'true\nRUN curl -k https://example.com/y\n',
  },
  {
    kind: 'compose',
    note: 'a flow list with a trailing comma: ALL appended after a second comma',
    text: 'services:\n  api:\n    image: a:1\n    cap_drop: [AL,]\n',
  },
  {
    kind: 'dockerfile',
    note: 'a COPY of thousands of folders: each kind of copy keyed by all the other sources (quadratic)',
    text: 'COPY build.s' + '{a: '.repeat(12_000) + '}'.repeat(12_000) + 'bt version.sbt ./',
  },
  {
    kind: 'dockerfile',
    note: 'apk add --allow-untrusted repeated in one command: the local-package question asked per flag (quadratic)',
    text: 'FROM alpine:3.20\nRUN ' + 'apk add --allow-untrusted x \\\n'.repeat(1_500) + '  && true\n',
  },
  {
    kind: 'dockerfile',
    note: 'a pip requirement of 19,000 letters (a URL-scheme pattern backtracked over every split: 0.5 s)',
    text: 'RUN pip3 install req' + 'x'.repeat(19_281) + 'uests=2.7.0',
  },
];
