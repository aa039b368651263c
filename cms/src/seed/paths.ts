import path from 'path';

/**
 * Where the seed files live. The compiled app runs from cms/dist, the sources from cms/,
 * so the repository root is found by walking up to the folder that holds database/seed.
 */
import fs from 'fs';

function findRepoRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    if (fs.existsSync(path.join(dir, 'database', 'seed'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`Cannot find the repository root (a folder with database/seed) above ${start}`);
}

export const repoRoot = process.env.LAYANAN_REPO_ROOT || findRepoRoot(__dirname);
export const officesDir = process.env.LAYANAN_OFFICES_DIR || path.join(repoRoot, 'config', 'offices');
export const documentsDir = path.join(repoRoot, 'database', 'seed', 'documents');

export function readJsonDir<T>(dir: string): T[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T);
}
