/** Helpers of the files suites: CMS (Strapi admin) logins and Media Library uploads over HTTP. */
import fs from 'fs';
import path from 'path';
import type { TestServer } from '../helpers/strapi';

const sharp = require('sharp');
export const PASSWORD = 'Demo-PBI-2026!';

export interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}
export interface Reply {
  status: number;
  body: any;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (an SSE stream, a file)
  }
  return { status: res.status, body };
}

export async function cmsLogin(server: TestServer, email: string): Promise<string> {
  const res = await server.http('/admin/login', { method: 'POST', json: { email, password: PASSWORD } });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`CMS login ${email}: ${res.status} ${JSON.stringify(body)}`);
  return body.data.token ?? body.data.accessToken;
}

/** POST /upload (the Media Library's upload, as the CMS sends it); `query` e.g. "?id=3" replaces. */
export async function mediaUpload(server: TestServer, token: string, files: Upload[], fileInfo: Record<string, unknown>[] = [], query = ''): Promise<Reply> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const infos = fileInfo.length ? fileInfo : files.map((f) => ({ name: f.name }));
  for (const info of infos) form.append('fileInfo', JSON.stringify(info));
  return reply(await server.http(`/upload${query}`, { method: 'POST', token, body: form }));
}

export async function admin(server: TestServer, token: string, method: string, url: string, json?: unknown): Promise<Reply> {
  return reply(await server.http(url, { method, token, json }));
}

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif', colour: string) =>
  sharp({ create: { width: 6, height: 6, channels: 3, background: colour } })
    [format]()
    .toBuffer() as Promise<Buffer>;

export const samples = {
  png: (colour = '#228833') => image('png', colour),
  jpeg: (colour = '#336699') => image('jpeg', colour),
  webp: (colour = '#aa5500') => image('webp', colour),
  gif: (colour = '#5500aa') => image('gif', colour),
  pdf: () => new TextEncoder().encode(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${Math.random()}\ntrailer<</Root 1 0 R>>\n%%EOF\n`),
  /** A page whose script runs on this origin if a browser ever renders it. */
  html: (marker: string) =>
    new TextEncoder().encode(
      `<!doctype html><html><body><h1>${marker}</h1><script src="/uploads/${marker}.js"></script><script>console.log('RAN-${marker}');new Image().src='/__ran/${marker}'</script></body></html>`,
    ),
  svg: (marker: string) =>
    new TextEncoder().encode(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>console.log('RAN-${marker}');new Image().src='/__ran/${marker}'</script><rect width="10" height="10"/></svg>`,
    ),
  js: (marker: string) => new TextEncoder().encode(`console.log('RAN-${marker}');new Image().src='/__ran/${marker}';`),
};

/** The Media Library's folder of the running server (DATA_DIR/uploads) and the code tree's old one. */
export const uploadsDir = () => path.join(process.env.DATA_DIR!, 'uploads');
export const codeTreeUploads = (server: TestServer) => path.join(server.strapi.dirs.static.public, 'uploads');
export const listDir = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
