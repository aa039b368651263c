import { startServer, type TestServer } from '../helpers/strapi';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

test('boots and serves', async () => {
  const res = await server.http('/_health');
  expect(res.status).toBe(204);
});
