import path from 'path';

/**
 * Where the data of an install lives (DATA_DIR, default <repo>/data): the SQLite file, secrets,
 * job files, and the files people upload — never the code tree, which may be read-only or
 * replaced on an upgrade. `npm start` and the tests always set DATA_DIR; the fallback is for a
 * bare `strapi develop`, from the compiled cms/dist/src/modules/files.
 */
export function dataDir(): string {
  const repoRoot = process.env.LAYANAN_REPO_ROOT || path.resolve(__dirname, '..', '..', '..', '..', '..');
  return path.resolve(process.env.DATA_DIR || path.join(repoRoot, 'data'));
}

/** The Media Library's files (public content: logos, pictures, PDFs), served at /uploads. */
export const uploadsDir = (): string => path.join(dataDir(), 'uploads');

/** Case files (personal data), read only through the staff API; never served by path. */
export const privateFilesDir = (): string => path.join(dataDir(), 'files', 'private');
