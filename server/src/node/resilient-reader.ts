// Reads LSP's base protocol (`Content-Length: N\r\n\r\n` + N bytes of JSON) from a stream, like vscode-jsonrpc's
// StreamMessageReader, but a broken frame does not leave the server deaf: a Content-Length shorter or longer than
// its body, a header without one, or bytes that are not JSON are reported as an error, and reading resumes at the
// next `Content-Length:` header. Only the broken message is lost; the client's later requests are answered.
import type { Readable } from 'node:stream';
import { AbstractMessageReader, Disposable, type DataCallback, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = Buffer.from('Content-Length:');
/** A message larger than this is not believed: the documents themselves are capped at 1 MB. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Header bytes without a blank line after them: no header is this long. */
const MAX_HEADER_BYTES = 8 * 1024;

export class ResilientMessageReader extends AbstractMessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer) => this.onData(chunk, callback);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('end', onClose);
      this.readable.off('close', onClose);
    });
  }

  private onData(chunk: Buffer, callback: DataCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.resynchronise(1, 'a header without an end');
        return;
      }
      const length = contentLength(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (length === undefined || length > MAX_MESSAGE_BYTES) {
        this.resynchronise(1, length === undefined ? 'a header without a valid Content-Length' : `a Content-Length of ${length} bytes`);
        continue;
      }
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) return; // the body is still on its way
      const body = this.buffer.subarray(start, start + length);
      this.buffer = this.buffer.subarray(start + length);
      let message: Message;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch (error) {
        // A shorter Content-Length than its body leaves the body's tail before the next header: skip to that header.
        this.fireError(new Error(`dropped a message that is not JSON: ${(error as Error).message}`));
        if (this.buffer.length && !startsWithHeader(this.buffer)) this.resynchronise(0, 'bytes between messages');
        continue;
      }
      if (message && typeof message === 'object') callback(message);
      else this.fireError(new Error('dropped a message that is not a JSON object'));
    }
  }

  /**
   * Drops bytes up to the next `Content-Length:` at or after `from`; without one, keeps only a tail that may be
   * the start of it. Either way the buffer shrinks, so a run of garbage can never loop.
   */
  private resynchronise(from: number, what: string): void {
    this.fireError(new Error(`skipped ${what}`));
    const next = this.buffer.indexOf(CONTENT_LENGTH, from);
    if (next >= 0) {
      this.buffer = this.buffer.subarray(next);
      return;
    }
    let keep = Math.min(CONTENT_LENGTH.length - 1, this.buffer.length - 1);
    while (keep > 0 && !CONTENT_LENGTH.subarray(0, keep).equals(this.buffer.subarray(this.buffer.length - keep))) keep--;
    this.buffer = this.buffer.subarray(this.buffer.length - Math.max(keep, 0));
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const match = /^content-length:\s*(\d+)\s*$/i.exec(line);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function startsWithHeader(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 16).toString('ascii').toLowerCase();
  return 'content-length:'.startsWith(head.slice(0, 15)) || head.startsWith('content-type:');
}
