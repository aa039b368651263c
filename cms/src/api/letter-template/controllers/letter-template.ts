import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::letter-template.letter-template');
