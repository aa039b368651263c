import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::letter-template.letter-template');
