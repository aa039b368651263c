import { startServer, type TestServer } from '../helpers/strapi';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

test('smoke', async () => {
  for (const p of ['/', '/layanan', '/layanan/magetan-reaktivasi-kartu-jkn-kis', '/pengaduan', '/ikm', '/survei/magetan-reaktivasi-kartu-jkn-kis', '/pengaduan/status']) {
    const res = await server.http(p);
    const body = await res.text();
    console.log(p, res.status, res.headers.get('content-security-policy'), body.slice(0, 200));
  }
  const pdf = await server.http('/layanan/magetan-reaktivasi-kartu-jkn-kis/pdf');
  console.log('pdf', pdf.status, (await pdf.arrayBuffer()).byteLength);
});
