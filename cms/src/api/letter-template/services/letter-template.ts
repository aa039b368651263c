import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::letter-template.letter-template');
