/** Stock REST controller; the staff panel uses /api/panel (see api/panel). */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::service-standard.service-standard');
