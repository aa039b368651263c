/**
 * Upload provider of the Media Library: Strapi's local provider, writing under
 * DATA_DIR/uploads instead of cms/public/uploads (the code tree). The URLs stay /uploads/<name>;
 * middlewares/uploads.ts serves them. Configured in config/plugins.ts by its module name, which
 * the cms workspace's own package name resolves (createProvider only takes a module name).
 */
import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { uploadsDir } from './data-dir';

/** The part of Strapi's file record a provider reads and writes. */
interface ProviderFile {
  hash: string;
  ext?: string;
  url?: string;
  stream?: Readable;
  buffer?: Buffer;
}

/** The stored name of a file: Strapi's hash and extension, never a path. */
function fileName(file: ProviderFile): string {
  const name = `${file.hash}${file.ext ?? ''}`;
  if (!name || path.basename(name) !== name || name.startsWith('.')) throw new Error(`Nama berkas tidak sah: ${name}`);
  return name;
}

export function init() {
  const root = uploadsDir();
  fs.mkdirSync(root, { recursive: true });
  const target = (file: ProviderFile) => path.join(root, fileName(file));
  const stored = (file: ProviderFile) => {
    file.url = `/uploads/${fileName(file)}`;
  };
  const write = async (file: ProviderFile) => {
    if (file.stream) await pipeline(file.stream, fs.createWriteStream(target(file)));
    else if (file.buffer) await fs.promises.writeFile(target(file), file.buffer);
    else throw new Error('Missing file stream or buffer');
    stored(file);
  };
  const remove = (file: ProviderFile) => fs.promises.rm(target(file), { force: true });

  /** The new file first, then the old one if its name changed: never a moment without either. */
  const replace = async (newFile: ProviderFile, oldFile: ProviderFile) => {
    await write(newFile);
    if (target(newFile) !== target(oldFile)) await remove(oldFile);
  };

  return { uploadStream: write, upload: write, replaceStream: replace, replace, delete: remove };
}
