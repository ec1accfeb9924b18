import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import type { RouteContext } from '../routing/define-route';
import type { ReceivedFile, ReceiveOptions } from '../uploads/received-file';
import { AppError, validationFailed } from '../errors';

const HEAD_BYTES = 16;
/** Boundaries and part headers; a declared length beyond the limit plus this cannot fit. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Streams the one file of a multipart/form-data request to a temporary file, hashing it on the
 * way, so a 5 MB photo never sits in memory. A file over the limit, a missing file or a broken
 * form leaves nothing on disk. The JSON body parser leaves multipart requests unread.
 */
export async function receiveFile(ctx: RouteContext, options: ReceiveOptions): Promise<ReceivedFile> {
  const missing = () => validationFailed([{ field: options.field, message: options.missingMessage }]);
  if (!ctx.is('multipart/form-data')) throw missing();
  if (Number(ctx.get('Content-Length')) > options.maxBytes + MULTIPART_OVERHEAD) {
    // The body stays unread: close the connection rather than drain it.
    ctx.set('Connection', 'close');
    throw new AppError('PAYLOAD_TOO_LARGE', options.tooLargeMessage);
  }
  await mkdir(options.tempDir, { recursive: true });
  const tempPath = path.join(options.tempDir, `${randomBytes(12).toString('hex')}.part`);
  const discard = () => rm(tempPath, { force: true });

  let busboy: Busboy.Busboy;
  try {
    // Busboy flags a file as truncated when it reaches the limit, so one byte more is the first too many.
    // Browsers send UTF-8 file names; Busboy would otherwise read them as Latin-1.
    busboy = Busboy({ headers: ctx.req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: options.maxBytes + 1, fields: 10, parts: 11 } });
  } catch {
    throw missing();
  }

  return new Promise<ReceivedFile>((resolve, reject) => {
    let written: Promise<{ size: number; sha256: string; head: Buffer; truncated: boolean }> | null = null;
    let filename = '';
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      ctx.req.unpipe(busboy);
      ctx.req.resume();
      void discard().finally(() => reject(error));
    };

    busboy.on('file', (name, stream, info) => {
      if (name !== options.field || written) {
        stream.resume();
        return;
      }
      filename = info.filename ?? '';
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          done(null, chunk);
        },
      });
      const pending = pipeline(stream, measure, createWriteStream(tempPath)).then(() => ({
        size,
        sha256: hash.digest('hex'),
        head,
        truncated: stream.truncated === true,
      }));
      pending.catch(fail);
      written = pending;
    });
    busboy.on('error', () => fail(missing()));
    busboy.on('close', () => {
      const pending = written;
      if (failed) return;
      if (!pending) return fail(missing());
      pending
        .then((file) => {
          if (file.truncated) return fail(new AppError('PAYLOAD_TOO_LARGE', options.tooLargeMessage));
          if (file.size === 0) return fail(missing());
          resolve({ tempPath, size: file.size, sha256: file.sha256, head: file.head, filename, discard });
        })
        .catch(fail);
    });
    ctx.req.on('aborted', () => fail(missing()));
    ctx.req.pipe(busboy);
  });
}
