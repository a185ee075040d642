import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { HttpProblem } from './problems';

/** The compressions a sender may use; the body is read, and limited, as it decompresses. */
const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

const tooLarge = () => new HttpProblem(413, 'payload_too_large', 'request body is too large');

/** Reads off what is left of a refused request, so that the answer reaches the sender. */
function drain(req: IncomingMessage, then: () => void): void {
  if (req.complete || req.destroyed) return then();
  req.once('end', then).once('close', then).resume();
}

/**
 * A request's body, byte for byte as sent (decompressed where it came compressed), up to `limit`
 * bytes: a larger one is a 413, an unknown compression a 415 and a corrupt one a 400, each
 * answered once the request has been read off.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const decompressor = encoding === 'identity' ? undefined : DECOMPRESSORS[encoding];
    const refuse = (problem: HttpProblem) => drain(req, () => reject(problem));
    if (encoding !== 'identity' && !decompressor) {
      return refuse(
        new HttpProblem(415, 'unsupported_encoding', 'content encoding is not supported'),
      );
    }
    if (!decompressor && Number(req.headers['content-length']) > limit) return refuse(tooLarge());
    const inflating = decompressor ? req.pipe(decompressor()) : undefined;
    const source = inflating ?? req;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (problem: HttpProblem) => {
      if (settled) return;
      settled = true;
      if (inflating) {
        req.unpipe(inflating);
        inflating.destroy();
      }
      refuse(problem);
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(tooLarge());
      else chunks.push(chunk);
    });
    source.once('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    // A sender that hangs up mid-body gets no answer, but its request must not wait forever.
    req.once('error', () => fail(new HttpProblem(400, 'request_aborted', 'request was aborted')));
    inflating?.once('error', () =>
      fail(new HttpProblem(400, 'bad_request', 'request body could not be decompressed')),
    );
  });
}
