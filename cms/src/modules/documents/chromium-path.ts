import fs from 'fs';

/** Where a system Chromium is looked for, in order, after the two environment variables. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export class ChromiumNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      'Chromium tidak ditemukan untuk membuat PDF. Pasang Chromium (Debian: `apt-get install -y chromium`) ' +
        'atau isi PUPPETEER_EXECUTABLE_PATH dengan lokasi browser. / ' +
        'Chromium was not found to render PDFs. Install it (Debian: `apt-get install -y chromium`) ' +
        `or set PUPPETEER_EXECUTABLE_PATH to the browser's path. Tried: ${tried.join(', ')}`,
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * The Chromium binary Puppeteer drives. Puppeteer's own browser download is skipped
 * (.puppeteerrc.cjs), so a system browser must exist.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = isExecutable): string {
  const fromEnv = [env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH].filter((p): p is string => !!p);
  const tried = [...fromEnv, ...CHROMIUM_CANDIDATES];
  const found = tried.find(exists);
  if (!found) throw new ChromiumNotFoundError(tried);
  return found;
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
