import rule from '../../../../server/src/engine/rules/compose/insecure-docker-daemon';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'TLS port and DOCKER_TLS_VERIFY',
      code: 'services:\n  ci:\n    environment:\n      DOCKER_HOST: tcp://docker:2376\n      DOCKER_TLS_VERIFY: "1"\n      DOCKER_CERT_PATH: /certs/client\n',
    },
    {
      name: 'the socket, or ssh',
      code: 'services:\n  ci:\n    environment:\n      - DOCKER_HOST=unix:///var/run/docker.sock\n  deploy:\n    environment:\n      DOCKER_HOST: ssh://deploy@prod\n',
    },
    {
      name: 'a filtering socket proxy of this file',
      code: 'services:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.2.0\n  traefik:\n    image: traefik:v3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n',
    },
    {
      name: 'dockerd with --tlsverify',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    command: ["dockerd", "--host=tcp://0.0.0.0:2376", "--tlsverify", "--tlscacert=/certs/ca.pem"]\n',
    },
    {
      name: 'dind with its default TLS and port 2376',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n    environment:\n      DOCKER_TLS_CERTDIR: /certs\n    ports:\n      - "127.0.0.1:2376:2376"\n',
    },
    {
      name: "--hostname and other tools' --host flags",
      code: 'services:\n  api:\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n  x:\n    command: ["--hostname=tcp://x"]\n',
    },
    { name: 'DOCKER_HOST from the environment', code: 'services:\n  ci:\n    environment:\n      - DOCKER_HOST\n      - DOCKER_TLS_CERTDIR\n' },
  ],
  invalid: [
    {
      name: 'port 2375 published, even on loopback',
      code: 'services:\n  dind:\n    image: docker:27-dind\n    ports:\n      - "2375:2375"\n      - target: 2375\n        host_ip: 127.0.0.1\n',
      findings: [
        { line: 5, column: 9, endColumn: 20, messageId: 'publishedPlainPort' },
        { line: 6, messageId: 'publishedPlainPort' },
      ],
      output: null,
    },
    {
      name: 'DOCKER_HOST over port 2375, map and list forms',
      code: "services:\n  ci:\n    environment:\n      DOCKER_HOST: 'tcp://docker:2375'\n  job:\n    environment:\n      - DOCKER_HOST=tcp://10.0.0.5:2375\n",
      findings: [
        { line: 4, column: 20, endColumn: 39, messageId: 'dockerHostPlainPort' },
        { line: 7, messageId: 'dockerHostPlainPort' },
      ],
      output: null,
    },
    {
      name: 'DOCKER_HOST over TCP without DOCKER_TLS_VERIFY',
      code: 'services:\n  ci:\n    environment:\n      DOCKER_HOST: tcp://docker:2376\n',
      findings: [{ line: 4, messageId: 'dockerHostNoTlsVerify' }],
      output: null,
    },
    {
      name: 'an empty DOCKER_TLS_CERTDIR turns dind TLS off',
      code: 'services:\n  dind:\n    image: docker:dind\n    environment:\n      DOCKER_TLS_CERTDIR: ""\n',
      findings: [{ line: 5, messageId: 'emptyCertDir' }],
      output: null,
    },
    {
      name: 'dockerd -H tcp:// in a command string, on the flag value',
      code: 'services:\n  dind:\n    command: dockerd -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2375\n',
      findings: [{ line: 3, column: 56, endColumn: 74, messageId: 'noTlsVerify', data: { address: 'tcp://0.0.0.0:2375' } }],
      output: null,
    },
    {
      name: '--host= in a list, entrypoint and command together, and a shell string',
      code: 'services:\n  dind:\n    entrypoint: ["dockerd-entrypoint.sh"]\n    command: ["--host=tcp://0.0.0.0:2375", "--tls=false"]\n  sh:\n    command: ["sh", "-c", "dockerd -Htcp://0.0.0.0:2375 & sleep 1"]\n',
      findings: [
        { line: 4, column: 23, endColumn: 41, messageId: 'noTlsVerify' },
        { line: 6, column: 38, endColumn: 56, messageId: 'noTlsVerify' },
      ],
      output: null,
    },
    {
      name: 'an environment shared through an anchor is reported once, where written',
      code: 'x-env: &env\n  environment:\n    DOCKER_HOST: tcp://docker:2375\nservices:\n  a:\n    <<: *env\n  b:\n    <<: *env\n',
      findings: [{ line: 3, messageId: 'dockerHostPlainPort' }],
      output: null,
    },
    {
      name: 'flow style',
      code: 'services:\n  ci: {environment: {DOCKER_HOST: "tcp://docker:2375"}}\n',
      findings: [{ line: 2, messageId: 'dockerHostPlainPort' }],
      output: null,
    },
  ],
});
