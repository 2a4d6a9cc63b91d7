import rule from '../../../../server/src/engine/rules/compose/docker-socket-mount';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'ordinary mounts', code: 'services:\n  web:\n    volumes:\n      - ./data:/data\n      - /etc:/host-etc:ro\n' },
    {
      name: 'a named volume called docker.sock is not the socket',
      code: 'services:\n  web:\n    volumes:\n      - docker.sock:/var/run/docker.sock\nvolumes:\n  docker.sock: {}\n',
    },
    { name: 'a socket path inside the container only', code: 'services:\n  web:\n    volumes:\n      - ./sock:/var/run/docker.sock\n' },
    {
      name: 'a documented exception: the filtering proxy',
      code: 'services:\n  socket-proxy:\n    volumes:\n      # dockguard-ignore docker-socket-mount -- filtering proxy\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
    },
    { name: 'a socket proxy reached over the network', code: 'services:\n  traefik:\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n' },
  ],
  invalid: [
    {
      name: 'the Docker socket, read-only does not help',
      code: 'services:\n  traefik:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      findings: [{ line: 5, column: 9, endColumn: 29, messageId: 'socketReadOnly', data: { what: 'the Docker socket', source: '/var/run/docker.sock' } }],
      output: null,
    },
    {
      name: '/run/docker.sock, quoted',
      code: "services:\n  ci:\n    volumes:\n      - '/run/docker.sock:/var/run/docker.sock'\n",
      findings: [{ line: 4, column: 10, endColumn: 26, messageId: 'socket' }],
      output: null,
    },
    {
      name: 'the directory holding the socket, rootless and Podman sockets, the Windows named pipe',
      code: 'services:\n  a:\n    volumes:\n      - /var/run:/var/run\n      - /run/user/1000/docker.sock:/var/run/docker.sock\n      - /run/podman/podman.sock:/run/podman.sock\n      - type: npipe\n        source: \\\\.\\pipe\\docker_engine\n        target: \\\\.\\pipe\\docker_engine\n',
      findings: [
        { line: 4, messageId: 'socket', data: { what: 'the directory holding the Docker socket' } },
        { line: 5, messageId: 'socket', data: { what: 'a rootless Docker or Podman socket' } },
        { line: 6, messageId: 'socket', data: { what: 'the Podman socket' } },
        { line: 8, messageId: 'socket', data: { what: "the Docker engine's named pipe" } },
      ],
      output: null,
    },
    {
      name: 'long syntax, shared through an anchor: reported once where it is written',
      code: 'x-docker: &docker\n  volumes:\n    - type: bind\n      source: /var/run/docker.sock\n      target: /var/run/docker.sock\nservices:\n  a:\n    <<: *docker\n  b:\n    <<: *docker\n',
      findings: [{ line: 4, column: 15, endColumn: 35, messageId: 'socket' }],
      output: null,
    },
    {
      name: 'socket path from a variable default',
      code: 'services:\n  a:\n    volumes:\n      - ${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\n',
      findings: [{ line: 4, messageId: 'socket' }],
      output: null,
    },
    {
      name: 'flow style',
      code: 'services:\n  a: {volumes: [/var/run/docker.sock:/var/run/docker.sock]}\n',
      findings: [{ line: 2, column: 17, messageId: 'socket' }],
      output: null,
    },
  ],
});
