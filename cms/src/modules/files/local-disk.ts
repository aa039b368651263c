import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { ObjectStore, OpenedObject, StoredObject } from './object-store';

/** <2 hex>/<uuid>: a fan-out directory, then the object. */
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * Objects as files under `root`, readable by the server's user only (they hold personal data).
 * A put writes to a temporary name first and renames it into place, so that a half-written
 * object is never found under its key.
 */
export class LocalDiskStore implements ObjectStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string | null {
    return KEY.test(key) ? path.join(this.root, key) : null;
  }

  async put(source: Readable): Promise<StoredObject> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    const incoming = path.join(this.root, '.incoming');
    await fs.promises.mkdir(incoming, { recursive: true, mode: 0o700 });
    const temp = path.join(incoming, id);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
      );
      const final = this.pathOf(key)!;
      await fs.promises.mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
      await fs.promises.rename(temp, final);
    } catch (err) {
      await fs.promises.rm(temp, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async open(key: string): Promise<OpenedObject | null> {
    const file = this.pathOf(key);
    if (!file) return null;
    try {
      const handle = await fs.promises.open(file, 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (err: any) {
      if (err?.code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    const file = this.pathOf(key);
    if (file) await fs.promises.rm(file, { force: true });
  }
}
