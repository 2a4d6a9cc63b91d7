import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { ResilientMessageReader } from '../../../server/src/node/resilient-reader';

/** Feeds `chunks` one by one and returns the messages read and the errors reported. */
function read(chunks: (string | Buffer)[]): { messages: unknown[]; errors: string[] } {
  const stream = new PassThrough();
  const reader = new ResilientMessageReader(stream);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.onError((error) => errors.push(error.message));
  reader.listen((message) => messages.push(message));
  for (const chunk of chunks) stream.emit('data', Buffer.from(chunk));
  return { messages, errors };
}

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const PING = '{"jsonrpc":"2.0","id":1,"method":"ping"}';

describe('ResilientMessageReader', () => {
  it('reads messages split anywhere across chunks, multi-byte characters included', () => {
    const body = '{"jsonrpc":"2.0","method":"x","params":{"text":"héllo ✓"}}';
    const bytes = Buffer.from(frame(body) + frame(PING));
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    assert.deepEqual(read(chunks).messages, [JSON.parse(body), JSON.parse(PING)]);
  });

  it('resynchronises after a Content-Length shorter than its body', () => {
    const { messages, errors } = read([frame(PING, PING.length - 10), frame(PING)]);
    assert.deepEqual(messages, [JSON.parse(PING)]);
    assert.ok(errors.length > 0);
  });

  it('resynchronises after a Content-Length longer than its body, losing only what it swallowed', () => {
    const { messages } = read([frame(PING, PING.length + 30), frame(PING), frame(PING)]);
    assert.deepEqual(messages, [JSON.parse(PING)]);
  });

  it('skips headers without a Content-Length, stray bytes and huge lengths, and never loops', () => {
    const { messages } = read(['X'.repeat(300), 'Content-Type: application/json\r\n\r\n{}', 'garbage\r\n\r\n', frame(PING, 10 ** 12), frame(PING)]);
    assert.deepEqual(messages, [JSON.parse(PING)]);
  });

  it('drops a body that is not JSON and reads the next message', () => {
    const { messages, errors } = read([frame('not json'), frame('42'), frame(PING)]);
    assert.deepEqual(messages, [JSON.parse(PING)]);
    assert.equal(errors.length, 2);
  });
});
