/**
 * The case engine: opening and moving cases along their SOP (engine), requirements, deadlines,
 * batches and BPJS results, the append-only history, SOP versions, and the write rules of
 * applicants and cases. Strapi reaches the services as api::case.engine, api::batch.batches,
 * api::case-event.history, api::sop.sop-version.
 * This file is the module's front door: other code imports only from here.
 */
export { default as batchesServiceFactory } from './batches';
export { type BpjsBatch, bpjsCasesByNik, type BpjsResultLine, checkAwaitsBpjsResults, checkRecordsBpjsResults, recordBpjsResults } from './bpjs-results';
export { actorOf, default as engineServiceFactory } from './engine';
export { batchTreeIds } from './engine/batch-tree';
export { CASE_POPULATE, CASE_UID, type CaseRecord, withFiles } from './engine/case-record';
export { commitChange } from './engine/commit';
export { buildContext, loadOffice } from './engine/context';
export { removeUnlinkedFiles } from './engine/files';
export { BPJS_RESULT_LABELS, type BpjsResult, followingBpjsResult, parseBpjsResult } from './engine/moves';
export { statusLabel } from './engine/view';
export { default as historyServiceFactory } from './history';
export { type OpenedCaseCommon, openedCaseData, openedCaseRow } from './opened-case-row';
export { NIK_TAKEN, nikTakenInOffice } from './nik-in-office';
export { default as sopVersionsServiceFactory, SOP_POPULATE } from './sop-versions';
export { applicantScope } from './write-rules/applicant-scope';
export { caseEngineFields } from './write-rules/case-engine-fields';
export { caseFileOwners } from './write-rules/case-file-owners';
export { deleteGuards } from './write-rules/delete-guards';
export { validateIdentity } from './write-rules/validate-identity';
