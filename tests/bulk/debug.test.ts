import { startServer, type TestServer } from '../helpers/strapi';
import { Logins } from '../engine/helpers';
import { upload, xlsxOf, people, rowOf, SERVICE } from './support';
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server?.stop(); });
test('debug', async () => {
  const logins = new Logins(server);
  const d = await logins.as('magetan.desa1');
  const v = d.user.regionCode;
  const r = await upload(d, { name: 'a.xlsx', bytes: await xlsxOf(people(3, v).map(rowOf)) }, { kind: 'form35', service: SERVICE });
  console.log('upload', r.status, JSON.stringify(r.body));
  for (let i = 0; i < 10; i++) {
    await new Promise((res) => setTimeout(res, 1000));
    const j = await d.get(`/api/panel/jobs/${r.body.id}`);
    console.log('job', JSON.stringify(j.body));
    if (!['queued','running'].includes(j.body.status)) break;
  }
  const bossJobs = await server.strapi.db.connection.raw('select name, state, output from pgboss.job');
  console.log(JSON.stringify(bossJobs.rows));
}, 60000);
