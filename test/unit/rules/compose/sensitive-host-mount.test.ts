import rule from '../../../../server/src/engine/rules/compose/sensitive-host-mount';
import { testRule } from '../../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'project directories and data directories',
      code: 'services:\n  web:\n    volumes:\n      - ./data:/data\n      - /srv/site:/site:ro\n      - ~/code/app:/app\n      - /home/me/src/app:/app2\n',
    },
    {
      name: 'harmless read-only system files',
      code: 'services:\n  web:\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n      - /etc/ssl/certs:/etc/ssl/certs:ro\n',
    },
    {
      name: 'named volumes whose name looks like a path word',
      code: 'services:\n  web:\n    volumes:\n      - etc:/etc\n      - proc:/data\nvolumes:\n  etc: {}\n  proc: {}\n',
    },
    { name: 'the Docker socket is DG212', code: 'services:\n  web:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    {
      name: "an application's own folder under /etc is its configuration, not the host's (issue 12)",
      code: 'services:\n  pihole:\n    volumes:\n      - /etc/pihole:/etc/pihole\n      - /etc/dnsmasq.d:/etc/dnsmasq.d\n  web:\n    volumes:\n      - /etc/nginx/conf.d:/etc/nginx/conf.d:ro\n      - /dev/null:/app/.env:ro\n',
    },
    { name: 'a container path that looks sensitive is fine: only the host side matters', code: 'services:\n  web:\n    volumes:\n      - ./config:/etc/app\n' },
    {
      name: 'a named volume with a local driver and a plain device',
      code: 'volumes:\n  data:\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.1\n      device: ":/export"\n',
    },
  ],
  invalid: [
    {
      name: 'the host root, read-only does not help',
      code: 'services:\n  backup:\n    image: restic/restic:0.16.4\n    volumes:\n      - "/:/host:ro"\n',
      findings: [
        {
          line: 5,
          column: 10,
          endColumn: 11,
          messageId: 'mountReadOnly',
          data: { path: '/', what: "the host's whole filesystem" },
        },
      ],
      output: null,
    },
    {
      name: '/etc, /proc, /sys, /dev and what is below them',
      code: 'services:\n  exporter:\n    volumes:\n      - /proc:/host/proc:ro\n      - /sys:/host/sys:ro\n      - /etc/shadow:/shadow\n      - /dev:/dev\n',
      findings: [
        { line: 4, messageId: 'mountReadOnly', data: { path: '/proc' } },
        { line: 5, messageId: 'mountReadOnly' },
        { line: 6, messageId: 'mount', data: { path: '/etc/shadow', what: 'host configuration: host password hashes' } },
        { line: 7, messageId: 'mount' },
      ],
      output: null,
    },
    {
      name: "the host's system configuration under /etc, and /dev/shm named for what it is (issue 12)",
      code: 'services:\n  app:\n    volumes:\n      - /etc/ssh:/etc/ssh\n      - /etc/cron.d:/cron\n      - /etc/docker/daemon.json:/daemon.json:ro\n      - /dev/shm:/dev/shm\n',
      findings: [
        { line: 4, messageId: 'mount', data: { path: '/etc/ssh', what: "host configuration: the host's SSH server configuration and host keys" } },
        { line: 5, messageId: 'mount', data: { path: '/etc/cron.d', what: 'host configuration: jobs the host runs as root' } },
        { line: 6, messageId: 'mountReadOnly', data: { path: '/etc/docker/daemon.json' } },
        { line: 7, messageId: 'mount', data: { path: '/dev/shm', what: "the host's shared memory, where its processes exchange data" } },
      ],
      output: null,
    },
    {
      name: 'directories that contain sensitive ones, paths written around corners',
      code: 'services:\n  web:\n    volumes:\n      - /var:/hostvar\n      - /srv/../etc/:/x\n',
      findings: [
        { line: 4, messageId: 'mount', data: { what: "/var/lib/docker inside it: every container's and image's data" } },
        { line: 5, messageId: 'mount', data: { path: '/etc', what: 'host configuration: users, password hashes, sudoers, cron, SSH' } },
      ],
      output: null,
    },
    {
      name: 'home directories and credential stores, $HOME included',
      code: 'services:\n  deploy:\n    volumes:\n      - ~/.ssh:/root/.ssh:ro\n      - ${HOME}/.aws:/root/.aws\n      - /home:/home\n',
      findings: [
        { line: 4, messageId: 'mountReadOnly', data: { what: 'SSH keys' } },
        { line: 5, messageId: 'mount', data: { what: 'AWS credentials' } },
        { line: 6, messageId: 'mount' },
      ],
      output: null,
    },
    {
      name: 'long syntax, on the source value; anchors reported once',
      code: 'x-mounts: &mounts\n  volumes:\n    - type: bind\n      source: /var/lib/docker\n      target: /docker\nservices:\n  a:\n    <<: *mounts\n  b:\n    <<: *mounts\n',
      findings: [{ line: 4, column: 15, endColumn: 30, messageId: 'mount' }],
      output: null,
    },
    {
      name: 'flow style',
      code: 'services:\n  web: {volumes: ["/etc:/etc"]}\n',
      findings: [{ line: 2, column: 20, endColumn: 24, messageId: 'mount' }],
      output: null,
    },
    {
      name: 'a named volume that binds a host directory',
      code: 'services:\n  web:\n    volumes:\n      - hostetc:/x\nvolumes:\n  hostetc:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /etc\n',
      findings: [
        { line: 11, messageId: 'volume', data: { volume: 'hostetc', path: '/etc', what: 'host configuration: users, password hashes, sudoers, cron, SSH' } },
      ],
      output: null,
    },
  ],
});
