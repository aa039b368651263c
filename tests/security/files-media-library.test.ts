/**
 * The Media Library (office logos, pictures and PDFs of public pages) takes pictures and PDFs
 * only, typed by their content; what /uploads serves is inert (nosniff, a sandboxing CSP, and
 * anything but a picture or PDF as a download); the files live under DATA_DIR, not in the code
 * tree; the server fetches no URL for it. Over the CMS's own admin API, as an Admin Kantor.
 */
import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { admin, cmsLogin, codeTreeUploads, mediaUpload, samples, uploadsDir, type Upload } from './files-support';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startServer();
  token = await cmsLogin(server, 'magetan.admin@demo.layanan-pbi.id');
});
afterAll(async () => {
  await server?.stop();
});

const fileRows = () => server.strapi.db.query('plugin::upload.file').count({});
/** Files (in DATA_DIR/uploads or the code tree's old folder) holding exactly these bytes. */
const storedCopies = (bytes: Uint8Array) =>
  [uploadsDir(), codeTreeUploads(server)].flatMap((dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => Buffer.from(fs.readFileSync(path.join(dir, f))).equals(Buffer.from(bytes))) : []));

describe('what the Media Library takes', () => {
  const refused: [string, Upload[], string][] = [
    ['a script', [{ name: 'x.js', type: 'text/javascript', bytes: samples.js('media-js') }], 'x.js'],
    ['an HTML page that loads a script from /uploads', [{ name: 'x.html', type: 'text/html', bytes: samples.html('media-html') }], 'x.html'],
    ['an SVG with a script', [{ name: 'logo.svg', type: 'image/svg+xml', bytes: samples.svg('media-svg') }], 'logo.svg'],
    ['an HTML page named and sent as a PNG', [{ name: 'logo.png', type: 'image/png', bytes: samples.html('media-fake-png') }], 'logo.png'],
    ['an empty file', [{ name: 'kosong.pdf', type: 'application/pdf', bytes: new Uint8Array() }], 'kosong.pdf'],
  ];

  test.each(refused)('%s is refused with a 400 naming the file, and nothing is stored', async (_label, files, name) => {
    const before = await fileRows();
    const r = await mediaUpload(server, token, files);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(`Berkas "${name}" ditolak`);
    expect(r.body.error.details).toMatchObject({ field: 'files', file: name });
    expect(await fileRows()).toBe(before);
    for (const f of files.filter((f) => f.bytes.length)) expect(storedCopies(f.bytes)).toEqual([]);
  });

  test('a refused file refuses the whole upload: the picture sent with it is not stored either', async () => {
    const png = await samples.png('#123456');
    const before = await fileRows();
    const r = await mediaUpload(server, token, [
      { name: 'baik.png', type: 'image/png', bytes: png },
      { name: 'jahat.html', type: 'text/html', bytes: samples.html('media-batch') },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^Berkas "jahat\.html" ditolak: Pustaka Media hanya menerima gambar JPEG, PNG, WebP atau GIF dan dokumen PDF/);
    expect(await fileRows()).toBe(before);
    expect(storedCopies(png)).toEqual([]);
  });

  test('pictures and PDFs are taken, typed and named by their content, whatever they were called', async () => {
    const cases: [Upload, string, string][] = [
      [{ name: 'lambang.html', type: 'text/html', bytes: await samples.png() }, 'image/png', '.png'],
      [{ name: 'kantor.jpeg', type: 'image/jpeg', bytes: await samples.jpeg() }, 'image/jpeg', '.jpg'],
      [{ name: 'foto.png', type: 'image/png', bytes: await samples.webp() }, 'image/webp', '.webp'],
      [{ name: 'animasi.gif', type: 'image/gif', bytes: await samples.gif() }, 'image/gif', '.gif'],
      [{ name: 'maklumat.svg', type: 'image/svg+xml', bytes: samples.pdf() }, 'application/pdf', '.pdf'],
    ];
    for (const [file, mime, ext] of cases) {
      const r = await mediaUpload(server, token, [file]);
      expect([file.name, r.status]).toEqual([file.name, 201]);
      const [stored] = r.body;
      expect([file.name, stored.mime, stored.ext, path.extname(stored.url)]).toEqual([file.name, mime, ext, ext]);
      const res = await server.http(stored.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(mime);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBeNull();
      // A sandbox for pictures; PDFs open in the browser's viewer, never as a page.
      if (mime === 'application/pdf') expect(res.headers.get('content-security-policy')).not.toContain('sandbox');
      else expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
  });

  test('a replacement is a picture or PDF of the same type as the file it replaces', async () => {
    const [logo] = (await mediaUpload(server, token, [{ name: 'logo.png', type: 'image/png', bytes: await samples.png('#010101') }])).body;
    const asPage = await mediaUpload(server, token, [{ name: 'logo.png', type: 'image/png', bytes: samples.html('media-replace') }], [{ name: 'logo.png' }], `?id=${logo.id}`);
    expect(asPage.status).toBe(400);
    expect(asPage.body.error.message).toContain('Berkas "logo.png" ditolak');
    const asPdf = await server.http(`/upload/files/${logo.id}/replace`, { method: 'POST', token, body: formOf({ name: 'logo.pdf', type: 'application/pdf', bytes: samples.pdf() }) });
    expect(asPdf.status).toBe(400);
    expect(((await asPdf.json()) as any).error.message).toMatch(/berkas pengganti harus berjenis sama/);
    const before = fs.readFileSync(path.join(uploadsDir(), path.basename(logo.url)));
    const png = await samples.png('#fefefe');
    const ok = await mediaUpload(server, token, [{ name: 'logo-baru.png', type: 'image/png', bytes: png }], [{ name: 'logo.png' }], `?id=${logo.id}`);
    expect(ok.status).toBe(200);
    expect(fs.readFileSync(path.join(uploadsDir(), path.basename(logo.url)))).not.toEqual(before);
  });
});

function formOf(file: Upload): FormData {
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  form.append('fileInfo', JSON.stringify({ name: file.name }));
  return form;
}

describe('what /uploads serves', () => {
  const planted: [string, Uint8Array][] = [
    ['ditanam.html', samples.html('planted-html')],
    ['ditanam.svg', samples.svg('planted-svg')],
    ['ditanam.js', samples.js('planted-js')],
  ];
  beforeAll(() => {
    fs.mkdirSync(uploadsDir(), { recursive: true });
    for (const [name, bytes] of planted) fs.writeFileSync(path.join(uploadsDir(), name), bytes);
  });

  test.each(planted)('%s put into the folder by hand is served as an inert download', async (name, bytes) => {
    for (const url of [`/uploads/${name}`, `/%75ploads/${name}`, `/panel/../uploads/${name}`]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await server.http(url, { method });
        expect([url, method, res.status]).toEqual([url, method, 200]);
        expect(res.headers.get('content-type')).toBe('application/octet-stream');
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
        if (method === 'GET') expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
      }
    }
  });

  test('nothing outside the folder, hidden or nested is reachable', async () => {
    fs.writeFileSync(path.join(uploadsDir(), '.tersembunyi.png'), await samples.png());
    fs.writeFileSync(path.join(process.env.DATA_DIR!, 'rahasia.png'), await samples.png());
    for (const url of ['/uploads/.tersembunyi.png', '/uploads/..%2frahasia.png', '/uploads/%2e%2e/rahasia.png', '/uploads/', '/uploads/tidak-ada.png']) {
      const res = await server.http(url);
      expect([url, res.status]).toEqual([url, 404]);
    }
  });
});

test('uploads are written under DATA_DIR/uploads, never into the code tree', async () => {
  const png = await samples.png('#0a0b0c');
  const r = await mediaUpload(server, token, [{ name: 'lokasi.png', type: 'image/png', bytes: png }]);
  expect(r.status).toBe(201);
  const name = path.basename(r.body[0].url);
  expect(fs.existsSync(path.join(uploadsDir(), name))).toBe(true);
  expect(fs.existsSync(path.join(codeTreeUploads(server), name))).toBe(false);
});

test("an office logo from the Media Library prints on the office's documents (read from DATA_DIR)", async () => {
  const png = await samples.png('#224466');
  const [logo] = (await mediaUpload(server, token, [{ name: 'logo-kop.png', type: 'image/png', bytes: png }])).body;
  const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
  await server.strapi.db.query('api::office.office').update({ where: { id: office.id }, data: { logo: logo.id } });
  const view = await server.strapi.service('api::document.views').officeByCode('magetan');
  const stored = fs.readFileSync(path.join(uploadsDir(), path.basename(logo.url)));
  expect(view.logoDataUrl).toBe(`data:image/png;base64,${stored.toString('base64')}`);
});

test('the server fetches no URL into the Media Library', async () => {
  let fetched = 0;
  const remote = http.createServer((_req, res) => {
    fetched += 1;
    res.writeHead(200, { 'Content-Type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(remote.address() as AddressInfo).port}/internal.png`;
    const r = await admin(server, token, 'POST', '/upload/actions/upload-from-urls', { urls: [url] });
    // The route is gone (the admin router answers 405 for a path it no longer serves).
    expect(r.status).toBe(405);
    expect(fetched).toBe(0);
  } finally {
    remote.close();
  }
});
