import { isScalar, isSeq, type Node } from 'yaml';
import type { ComposeModel, Service } from '../../documents/compose';
import { interpolate } from '../../documents/compose-interpolation';
import { allServicePorts, portRange, type PortMapping } from '../../documents/compose-ports';
import { keyValues, scalarSliceRange, scalarString, seqItems } from '../../documents/compose-values';
import { parseImageRef } from '../../documents/image-ref';
import { DOCKER_PLAIN_PORT } from '../../knowledge/ports';
import { defineComposeRule, type Report } from '../../rule';

const ROOT = 'anyone who can reach it controls the Docker daemon, which is root on the host';

export default defineComposeRule({
  meta: {
    id: 'insecure-docker-daemon',
    code: 'DG214',
    severity: 'error',
    category: 'network',
    title: 'Docker daemon reachable over TCP without TLS',
    description:
      'The Docker API over plain TCP (port 2375) has no authentication at all: whoever can connect can start a privileged container and own the host.',
    references: { cis: '2.6', compose: 'services.<name>.ports, environment, command, entrypoint' },
    messages: {
      publishedPlainPort: `Port ${DOCKER_PLAIN_PORT} is the Docker API without TLS and it is published here, so ${ROOT}; use 2376 with --tlsverify, or do not publish the daemon at all.`,
      emptyCertDir: `An empty DOCKER_TLS_CERTDIR makes the docker:dind daemon listen on port ${DOCKER_PLAIN_PORT} without TLS, so ${ROOT}; keep the default (/certs) and connect with TLS on 2376.`,
      dockerHostPlainPort: `DOCKER_HOST points at a Docker daemon over plain TCP (port ${DOCKER_PLAIN_PORT} is the Docker API without TLS): ${ROOT}, and the traffic can be read and changed on the way; use TLS on 2376 (DOCKER_TLS_VERIFY=1) or the socket through a filtering proxy.`,
      dockerHostNoTlsVerify: `DOCKER_HOST points at a Docker daemon over plain TCP (no DOCKER_TLS_VERIFY is set): ${ROOT}, and the traffic can be read and changed on the way; use TLS on 2376 (DOCKER_TLS_VERIFY=1) or the socket through a filtering proxy.`,
      noTlsVerify: `The Docker API on {{address}} is served or used without --tlsverify, so ${ROOT}; add --tlsverify with certificates (port 2376), or keep the daemon on its socket.`,
    },
    fixable: false,
    hasSuggestions: false,
  },
  check({ model, report }) {
    for (const { port } of allServicePorts(model)) {
      if (publishesPlainDaemonPort(port)) {
        report({
          range: model.rangeOf(port.node),
          messageId: 'publishedPlainPort',
        });
      }
    }
    // A value shared through an anchor is checked once, where it is written.
    const seen = new Set<unknown>();
    for (const service of model.services) {
      checkEnvironment(model, service, seen, report);
      checkCommand(model, service, seen, report);
    }
  },
});

type Reporter = (r: Report<'emptyCertDir' | 'dockerHostPlainPort' | 'dockerHostNoTlsVerify' | 'noTlsVerify'>) => void;

function publishesPlainDaemonPort(port: PortMapping): boolean {
  return [port.target, port.published].some((spec) => {
    const range = portRange(spec);
    return range !== undefined && range[0] <= DOCKER_PLAIN_PORT && DOCKER_PLAIN_PORT <= range[1];
  });
}

/**
 * Whether `host` is a service running a filtering Docker socket proxy: talking to one over plain TCP is the
 * recommended remedy. Only the services of that name have their image parsed, and only for a DOCKER_HOST over TCP.
 */
function isSocketProxy(model: ComposeModel, host: string): boolean {
  const name = host.toLowerCase();
  return model.services.some((service) => service.name.toLowerCase() === name && runsSocketProxy(model, service));
}

function runsSocketProxy(model: ComposeModel, service: Service): boolean {
  const image = scalarString(model, service.get('image')?.value);
  const ref = image === undefined ? undefined : parseImageRef(interpolate(image, model.env));
  return !!ref?.name.includes('socket-proxy');
}

function checkEnvironment(model: ComposeModel, service: Service, seen: Set<unknown>, report: Reporter): void {
  const environment = service.get('environment');
  if (!environment?.value || seen.has(environment.value)) return;
  seen.add(environment.value);
  const variables = keyValues(model, environment.value);
  const tlsVerify = variables.some((v) => v.name === 'DOCKER_TLS_VERIFY' && v.value !== undefined && v.value !== '');
  for (const variable of variables) {
    if (variable.value === undefined) continue;
    if (variable.name === 'DOCKER_TLS_CERTDIR' && variable.value === '') {
      report({
        range: variable.range,
        messageId: 'emptyCertDir',
      });
      continue;
    }
    if (variable.name !== 'DOCKER_HOST') continue;
    const url = /^tcp:\/\/(\[[^\]]*\]|[^:/]*)(?::(\d+))?/i.exec(interpolate(variable.value, model.env).trim());
    if (!url) continue;
    const [, host, port] = url;
    if (isSocketProxy(model, host)) continue;
    if (port === String(DOCKER_PLAIN_PORT) || !tlsVerify) {
      report({ range: variable.range, messageId: port === String(DOCKER_PLAIN_PORT) ? 'dockerHostPlainPort' : 'dockerHostNoTlsVerify' });
    }
  }
}

interface Token {
  text: string;
  node: Node;
  /** Offset of the token in the scalar's value. */
  offset: number;
}

function checkCommand(model: ComposeModel, service: Service, seen: Set<unknown>, report: Reporter): void {
  const scalars: Node[] = [];
  for (const key of ['entrypoint', 'command']) {
    const entry = service.get(key);
    if (!entry?.value || seen.has(entry.value)) continue;
    seen.add(entry.value);
    const nodes = isSeq(entry.value) ? seqItems(model, entry.value) : entry.value ? [entry.value] : [];
    for (const node of nodes) if (isScalar(node)) scalars.push(node);
  }
  if (!scalars.some((node) => mayNameHost(model, node))) return;
  const tokens: Token[] = [];
  for (const node of scalars) tokens.push(...splitWords(model, node));
  if (tokens.some((t) => /^--tlsverify(?:=(?:true|1))?$/i.test(t.text))) return;
  for (let i = 0; i < tokens.length; i++) {
    // `-H tcp://…`, `-H=tcp://…`, `-Htcp://…`, `--host tcp://…`, `--host=tcp://…`; not `--hostname`.
    const flag = /^(?:--host(?:=(.*))?|-H(?:=?(.+))?)$/.exec(tokens[i].text);
    if (!flag) continue;
    const inline = flag[1] ?? flag[2];
    const value = inline !== undefined ? { ...tokens[i], text: inline, offset: tokens[i].offset + tokens[i].text.length - inline.length } : tokens[i + 1];
    if (!value || !/^tcp:\/\//i.test(value.text)) continue;
    const range = scalarSliceRange(model, value.node, value.offset, value.offset + value.text.length) ?? model.rangeOf(value.node);
    report({
      range,
      messageId: 'noTlsVerify',
      data: { address: value.text },
    });
  }
}

/**
 * Only `-H…` and `--host…` words can name a daemon address, and `--tlsverify` matters only next to one: a command
 * with neither is not split into words (most commands are not about Docker at all).
 */
function mayNameHost(model: ComposeModel, node: Node): boolean {
  const text = scalarString(model, node) ?? '';
  return text.includes('-H') || text.includes('--host');
}

/** Words of a command scalar with their offsets; quotes are not interpreted (a flag value never needs them). */
function splitWords(model: ComposeModel, node: Node): Token[] {
  const text = scalarString(model, node) ?? '';
  const words: Token[] = [];
  const pattern = /[^\s'"]+/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) words.push({ text: m[0], node, offset: m.index });
  return words;
}
