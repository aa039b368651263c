import type { Core } from '@strapi/strapi';
import { installAppendOnlyGuards } from './platform/append-only';
import { narrowSparseKeyIndexes } from './platform/sparse-key-indexes';
import { applicantScope, caseEngineFields, deleteGuards, caseFileOwners, removeUnlinkedFiles, validateIdentity } from './modules/cases';
import { appendOnly } from './platform/document-middlewares/append-only';
import { datesInRange } from './platform/document-middlewares/dates-in-range';
import { optimisticLock } from './platform/document-middlewares/optimistic-lock';
import { sameOfficeRelations, officeFromCode, sopValidation, standardValidation, registerOwnOfficeCondition, letterTemplatePlaceholders } from './modules/authoring';
import { readsWithoutWriteLock } from './platform/document-middlewares/reads-without-write-lock';
import { relationsOnRows } from './platform/document-middlewares/relations-on-rows';
import { bootstrapPanel } from './modules/staff-api';
import { registerPublicSite } from './modules/public-site';
import { answerNoLicenseTrial } from './modules/security';
import { seedAll } from './seed';
import { widenServerPool } from './platform/sqlite-writers';
import { startCluster, stopCluster } from './modules/cluster';

/**
 * Waits (at most `ms`) until no query holds or waits for a pooled connection. Strapi's document
 * service finishes some work after a write returns (its events read the record back); if the
 * pool is destroyed under it, that read fails at shutdown (an "aborted" or acquire-timeout error
 * in a test run or a benchmark's last line).
 */
async function databaseIdle(strapi: Core.Strapi, ms: number): Promise<void> {
  const pool = (strapi.db?.connection as any)?.client?.pool;
  for (const until = Date.now() + ms; pool && pool.numUsed() + pool.numPendingAcquires() > 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // SQLite: the document service's reads don't wait for an import's write lock.
    strapi.documents.use(readsWithoutWriteLock());
    // Cross-cutting rules on every write, whichever API or the CMS makes it.
    strapi.documents.use(applicantScope(strapi));
    strapi.documents.use(validateIdentity(strapi));
    strapi.documents.use(appendOnly());
    strapi.documents.use(deleteGuards(strapi));
    strapi.documents.use(datesInRange(strapi));
    // Before case-engine-fields: a case's edit then carries its bumped version.
    strapi.documents.use(optimisticLock(strapi));
    strapi.documents.use(caseEngineFields(strapi));
    // Office code and office relation agree (an Admin Kantor's are their own office); before the checks below.
    strapi.documents.use(officeFromCode(strapi));
    strapi.documents.use(sameOfficeRelations(strapi));
    strapi.documents.use(sopValidation(strapi));
    strapi.documents.use(standardValidation(strapi));
    strapi.documents.use(letterTemplatePlaceholders(strapi));
    strapi.documents.use(caseFileOwners(strapi));
    // Last: it turns the documentIds the others may have set into row ids.
    strapi.documents.use(relationsOnRows(strapi));
    registerPublicSite(strapi);
    answerNoLicenseTrial(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // First, before any request: Strapi treats a permission whose condition is unknown as
    // unconditional, so office admins would see every office until this is registered.
    await registerOwnOfficeCondition(strapi);
    // Shared rate limits and the cache bus of a cluster (in-process on SQLite).
    await startCluster(strapi);
    if (process.env.SEED !== 'false') {
      const demo = process.env.SEED_DEMO ? process.env.SEED_DEMO === 'true' : process.env.NODE_ENV !== 'production';
      const summary = await seedAll(strapi, { demo });
      strapi.log.info(`Seed: ${summary.createdDocuments} service(s) created${summary.demo ? `, demo ${summary.demo.applicants} applicants, ${summary.demo.cases} cases` : ''} in ${summary.ms} ms`);
    }
    // After the seed: the staff API's search indexes are made per office.
    await bootstrapPanel(strapi);
    await installAppendOnlyGuards(strapi);
    // Case files of cases or letters deleted outside the document service (their records and bytes).
    await removeUnlinkedFiles(strapi);
    // PostgreSQL: the indexes of relation columns that are null on nearly every row skip the nulls.
    const narrowed = await narrowSparseKeyIndexes(strapi);
    if (narrowed.length) strapi.log.info(`Indexes rebuilt without null entries: ${narrowed.join(', ')}`);
    // Background jobs (imports, exports): pg-boss on PostgreSQL, in-process on SQLite.
    const jobs = strapi.service('api::job.jobs') as any;
    jobs.register('form35', (run: any) => (strapi.service('api::job.form35-import') as any).run(run));
    jobs.register('bpjs-result', (run: any) => (strapi.service('api::job.bpjs-import') as any).run(run));
    for (const kind of ['batch-recap', 'bnba', 'cases']) jobs.register(kind, (run: any) => (strapi.service('api::job.exports') as any).run(run));
    await jobs.start();
    // SQLite: from now on reads go on while a write waits for an import (not during the schema sync).
    widenServerPool(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await (strapi.service('api::job.jobs') as any)?.stop();
    await stopCluster();
    // Chromium of the PDF page pool, if a document was rendered.
    await strapi.service('api::document.pdf')?.close();
    await databaseIdle(strapi, 10_000);
  },
};
