// api::batch.batches: Strapi finds it here by name; the code lives in its module.
export { batchesServiceFactory as default } from '../../../modules/cases';
