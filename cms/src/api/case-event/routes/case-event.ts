import { factories } from '@strapi/strapi';

// Read-only: the history is append-only (no create, update or delete route).
export default factories.createCoreRouter('api::case-event.case-event', { only: ['find', 'findOne'] });
