export { default as bpjsImportServiceFactory } from './bpjs-import';
export { default as exportsServiceFactory } from './exports';
export { default as form35ImportServiceFactory } from './form35-import';
export { default as jobsServiceFactory, jobsService } from './jobs';
export { formatOf } from './sheet-reader';
export { templateStream } from './template';
