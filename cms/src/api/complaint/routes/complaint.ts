import { factories } from '@strapi/strapi';

// No stock REST routes (/api/<type>): staff use the staff API, the public the public site and
// office admins the CMS (content-manager). Each route the server answers is declared in
// src/modules/security/surface.ts, and tests/security/surface.test.ts fails on any other.
export default factories.createCoreRouter('api::complaint.complaint', { only: [] });
