import type { Readable } from 'node:stream';
import { Types, type Connection } from 'mongoose';
import { MAX_PHOTO_BYTES, type PhotoRef } from '@anqian/shared';
import type { StaffActor } from '../../security/staff-actor';
import { AppError, notFound, validationFailed } from '../../errors';
import { createFileStore } from '../../uploads/file-store';
import type { ReceivedFile, ReceiveOptions } from '../../uploads/received-file';
import { isInScope } from '../../security/scope';
import { photoModel, type PhotoRecord } from './photo.model';

export type PhotoOwner = { kind: 'resident' | 'staff'; id: string };
export type PhotoViewer = { kind: 'resident'; id: string } | { kind: 'staff'; actor: StaffActor };
export type PhotoFile = { mimeType: string; size: number; stream: Readable };

type PhotoMimeType = PhotoRecord['mimeType'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UNATTACHED_TTL_MS = 24 * 60 * 60_000;
const NOT_YOURS = '照片不存在或不是您上传的';
const ATTACHED_ELSEWHERE = '照片已用于另一份登记，请重新拍摄或上传';
const OBJECT_ID = /^[a-f\d]{24}$/i;

/** The type is what the bytes say, never the file name or the declared content type. */
function sniffImageType(head: Buffer): PhotoMimeType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

const presentRef = (photo: PhotoRecord): PhotoRef => ({
  id: photo._id.toString(),
  mimeType: photo.mimeType,
  size: photo.size,
  uploadedAt: photo.createdAt.toISOString(),
});

export function createPhotosService(deps: { connection: Connection; uploadDir: string }) {
  const Photo = photoModel(deps.connection);
  const files = createFileStore(deps.uploadDir, '');

  function mayView(viewer: PhotoViewer, photo: PhotoRecord): boolean {
    if (viewer.kind === 'resident') return photo.owner.kind === 'resident' && photo.owner.id === viewer.id;
    if (photo.divisionCode) return isInScope(viewer.actor, photo.divisionCode);
    return photo.owner.kind === 'staff' && photo.owner.id === viewer.actor.id;
  }

  return {
    /** Where `receiveFile` puts an upload before `store` checks and keeps it. */
    receiveOptions: {
      field: 'file',
      maxBytes: MAX_PHOTO_BYTES,
      tempDir: files.tempDir,
      tooLargeMessage: `照片太大（超过 ${MAX_PHOTO_BYTES / 1024 / 1024} 兆），请换一张或重新拍一张`,
      missingMessage: '请选择要上传的照片',
    } satisfies ReceiveOptions,

    async store(owner: PhotoOwner, file: ReceivedFile): Promise<PhotoRef> {
      const mimeType = sniffImageType(file.head);
      if (!mimeType) {
        await file.discard();
        throw new AppError('PHOTO_TYPE_INVALID', undefined, [{ field: 'file', message: '文件内容不是 JPG、PNG 或 WebP 图片' }]);
      }
      const id = new Types.ObjectId();
      return files.keep(file, id.toString(), async (relative) => {
        const created = await Photo.create({ _id: id, owner, mimeType, size: file.size, sha256: file.sha256, path: relative });
        return presentRef(created.toObject() as PhotoRecord);
      });
    },

    /** The image, if `viewer` may see it; anything else is "not found", so ids reveal nothing. */
    async open(viewer: PhotoViewer, id: string): Promise<PhotoFile> {
      const photo = await Photo.findById(id).lean<PhotoRecord>();
      if (!photo || !mayView(viewer, photo)) throw notFound('照片不存在');
      const stored = await files.open(photo.path);
      if (!stored) throw notFound('照片不存在');
      return { mimeType: photo.mimeType, ...stored };
    },

    /**
     * Checks that every id is a photo `owner` uploaded and not yet attached to anything but `target`
     * (e.g. `registration:<id>`), binds them to it for good, and to `divisionCode` so staff of that
     * area may view them. Throws 400 VALIDATION_FAILED naming `field` for an unknown, foreign or
     * elsewhere attached id.
     */
    async attach(input: { ids: string[]; owner: PhotoOwner; target: string; divisionCode: string; field: string }): Promise<void> {
      if (input.ids.length === 0) return;
      const refused = validationFailed([{ field: input.field, message: NOT_YOURS }]);
      if (!input.ids.every((id) => OBJECT_ID.test(id))) throw refused;
      const ids = [...new Set(input.ids)].map((id) => new Types.ObjectId(id));
      const owned = { _id: { $in: ids }, 'owner.kind': input.owner.kind, 'owner.id': input.owner.id };
      const attachable = { ...owned, $or: [{ attachedAt: null }, { attachedTo: input.target }] };
      if ((await Photo.countDocuments(attachable)) !== ids.length) {
        const elsewhere = await Photo.countDocuments({ ...owned, attachedAt: { $ne: null }, attachedTo: { $ne: input.target } });
        throw elsewhere ? validationFailed([{ field: input.field, message: ATTACHED_ELSEWHERE }]) : refused;
      }
      // Each photo is bound only while still unattached or already ours, so of two racing attaches one keeps it.
      const { matchedCount } = await Photo.updateMany(attachable, { $set: { divisionCode: input.divisionCode, attachedAt: new Date(), attachedTo: input.target } });
      if (matchedCount !== ids.length) throw validationFailed([{ field: input.field, message: ATTACHED_ELSEWHERE }]);
    },

    /** References in the order of `ids`; ids without a photo are left out. */
    async refs(ids: string[]): Promise<PhotoRef[]> {
      const valid = ids.filter((id) => OBJECT_ID.test(id));
      if (valid.length === 0) return [];
      const photos = await Photo.find({ _id: { $in: valid } }).lean<PhotoRecord[]>();
      const byId = new Map(photos.map((photo) => [photo._id.toString(), photo]));
      return valid.flatMap((id) => {
        const photo = byId.get(id.toLowerCase());
        return photo ? [presentRef(photo)] : [];
      });
    },

    /**
     * Maintenance: photos never attached within a day (an abandoned form) and uploads a crash left
     * half-written. The conditional delete keeps a photo that was attached in the meantime.
     */
    async purgeUnattached(now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - UNATTACHED_TTL_MS);
      const stale = await Photo.find({ attachedAt: null, createdAt: { $lt: cutoff } }, { path: 1 }).lean<PhotoRecord[]>();
      let removed = 0;
      for (const photo of stale) {
        const { deletedCount } = await Photo.deleteOne({ _id: photo._id, attachedAt: null });
        if (deletedCount === 0) continue;
        await files.remove(photo.path);
        removed += 1;
      }
      await files.purgeIncoming(cutoff);
      return removed;
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
