import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReceivedFile } from './received-file';

/** Where `receiveFile` puts every upload (a photo, an attachment, a ledger) until it is kept or discarded. */
export const incomingDir = (uploadDir: string) => path.join(uploadDir, 'incoming');

/**
 * Uploaded files (household and on-site photos, policy attachments) under UPLOAD_DIR, outside
 * every web root: each kind in a folder of its own, spread over 65,536 subfolders by the random
 * end of the file's id. The database record of a file holds its path relative to UPLOAD_DIR.
 */
export function createFileStore(uploadDir: string, folder: string) {
  const absolute = (relative: string) => path.join(uploadDir, relative);
  const tempDir = incomingDir(uploadDir);

  return {
    /** Where `receiveFile` puts an upload before it is kept or discarded. */
    tempDir,

    /**
     * Moves a received file into place under `id`, then writes its record with `saveRecord`; if
     * that fails, the file is removed again, so no file is kept without a record.
     */
    async keep<T>(file: ReceivedFile, id: string, saveRecord: (relativePath: string) => Promise<T>): Promise<T> {
      const relative = path.join(folder, id.slice(-2), id.slice(-4, -2), id);
      try {
        await mkdir(path.dirname(absolute(relative)), { recursive: true });
        await rename(file.tempPath, absolute(relative));
        return await saveRecord(relative);
      } catch (error) {
        await Promise.all([file.discard(), rm(absolute(relative), { force: true })]);
        throw error;
      }
    },

    /** The stored file and its size, or null when it is gone. */
    async open(relative: string): Promise<{ size: number; stream: ReadStream } | null> {
      const file = absolute(relative);
      const info = await stat(file).catch(() => null);
      return info ? { size: info.size, stream: createReadStream(file) } : null;
    },

    remove: (relative: string) => rm(absolute(relative), { force: true }),

    /** Removes uploads a crash left half-received, older than `cutoff`. */
    async purgeIncoming(cutoff: Date): Promise<void> {
      for (const name of await readdir(tempDir).catch(() => [] as string[])) {
        const file = path.join(tempDir, name);
        const info = await stat(file).catch(() => null);
        if (info && info.mtime < cutoff) await rm(file, { force: true });
      }
    },
  };
}
