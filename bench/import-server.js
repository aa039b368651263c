'use strict';
/**
 * The server of bench:import, in its own process so that its memory is measured alone:
 * loads the compiled Strapi app on DATABASE_URL, listens on a free port, prints its address,
 * and answers a few bench-only commands on stdin ("timings").
 */
require('./ts-register');
const path = require('path');
const cmsDir = path.resolve(__dirname, '..', 'cms');

/**
 * The baseline: the same rows through Strapi's document service, one by one (applicant, case
 * with its checklist, open event), as a generic import would write them.
 */
async function documentServiceSample(strapi, n, villageCode) {
  const { manyRows } = require('../tests/bulk/support.ts');
  const office = await strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
  const std = await strapi.db.query('api::service-standard.service-standard').findOne({ where: { slug: 'magetan-pengusulan-pbi-d', publishedAt: { $notNull: true } } });
  // Other people than the imported ones (another NIK serial).
  const rows = manyRows(n, [villageCode], 900);
  const t0 = Date.now();
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    const [d, m, y] = String(r[5]).split('-');
    const applicant = await strapi
      .documents('api::applicant.applicant')
      .create({ data: { nik: r[1], kkNumber: r[2], name: r[3], birthPlace: r[4], birthDate: `${y}-${m}-${d}`, sex: r[6] === 'P' ? 'female' : 'male', address: r[7], villageCode, phone: r[11] } });
    const c = await strapi.documents('api::case.case').create({
      data: {
        code: `BENCH-${Date.now()}-${i}`,
        serviceSlug: std.slug,
        officeCode: 'magetan',
        villageCode,
        districtCode: villageCode.slice(0, 8),
        service: std.documentId,
        applicant: applicant.documentId,
        office: office.documentId,
        status: 'in-progress',
        priority: 'regular',
        receivedAt: new Date(),
        currentActivity: 1,
        version: 1,
        checklist: [{ key: 'ktp-kk', label: 'KTP dan KK', required: true, checked: false }],
      },
    });
    await strapi.documents('api::case-event.case-event').create({ data: { caseCode: c.code, officeCode: 'magetan', action: 'open', at: new Date(), case: c.documentId } });
  }
  return (Date.now() - t0) / 1000;
}

(async () => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${strapi.server.httpServer.address().port}` })}\n`);
  process.stdin.setEncoding('utf8');
  let buffer = '';
  // A failed line (a sample, a stop) ends the bench server loudly instead of an unhandled rejection.
  const onData = async (chunk) => {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 1);
      if (line === 'timings') process.stdout.write(`${JSON.stringify({ timings: strapi.service('api::job.form35-import').timings })}\n`);
      if (line.startsWith('docsample ')) {
        const [, n, villageCode] = line.split(' ');
        process.stdout.write(`${JSON.stringify({ seconds: await documentServiceSample(strapi, Number(n), villageCode) })}\n`);
      }
      if (line === 'stop') {
        await strapi.destroy();
        process.exit(0);
      }
    }
  };
  process.stdin.on('data', (chunk) => {
    onData(chunk).catch((err) => {
      console.error(err);
      process.exit(1);
    });
  });
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
