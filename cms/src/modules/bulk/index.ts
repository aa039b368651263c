/**
 * Bulk data as background jobs: Form 35 and BPJS-result imports, recap/BNBA/cases exports, the
 * job queue and its files (docs/bulk-data.md). Strapi reaches the services as api::job.*.
 * This file is the module's front door: other code imports only from here.
 */
export { default as bpjsImportServiceFactory } from './bpjs-import';
export { default as exportsServiceFactory } from './exports';
export { default as form35ImportServiceFactory } from './form35-import';
export { default as jobsServiceFactory, jobsService } from './jobs';
export { formatOf } from './sheet-reader';
export { problemReportStream } from './report-sheet';
export { templateStream } from './template';
