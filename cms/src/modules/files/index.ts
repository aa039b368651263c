/**
 * The files module: where uploaded bytes live, apart from the database and from the code tree.
 *   - caseFiles(): the private store of case files (KTP, KK, doctor's letters: personal data),
 *     read only through the staff API's scoped download; never served by a path.
 *   - uploadsDir(): the Media Library's public files, served at /uploads (see media-provider.ts
 *     and middlewares/uploads.ts).
 * Both live under DATA_DIR (data-dir.ts).
 */
import fs from 'fs/promises';
import { privateFilesDir } from './data-dir';
import { LocalDiskStore } from './local-disk';
import type { ObjectStore } from './object-store';
import { S3CaseFileStore, s3 } from '../cluster';

export { dataDir, privateFilesDir, uploadsDir } from './data-dir';
export type { ObjectStore, OpenedObject, StoredObject } from './object-store';

const stores = new Map<string, ObjectStore>();

/** The store of case files (one per DATA_DIR; the local disk until another backend is configured). */
export function caseFiles(): ObjectStore {
  // Object storage when configured (STORAGE_S3_*): every instance of a cluster sees the same files.
  if (s3()) return new S3CaseFileStore();
  const root = privateFilesDir();
  let store = stores.get(root);
  if (!store) stores.set(root, (store = new LocalDiskStore(root)));
  return store;
}

/** The first `length` bytes of a file, to recognise its type (core/file-type.ts). */
export async function readHead(filepath: string, length: number): Promise<Uint8Array> {
  const fh = await fs.open(filepath, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export { setInertHeaders } from './inert';
export { init as initMediaProvider } from './media-provider';
