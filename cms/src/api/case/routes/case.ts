import { factories } from '@strapi/strapi';

// No stock REST routes (/api/<type>): staff use the staff API, the public the public site and
// office admins the CMS (content-manager). Each route the server answers is declared in
// src/modules/security/surface, and tests/security/surface.test.ts fails on any other.
// One exception, for benchmarks only: `npm run bench:api` compares the staff API with Strapi's
// own find of cases, so its server (and no other) is started with BENCH_STOCK_CASES=true, which
// opens GET /api/cases to API tokens (made only by a super admin, or minted by the bench).
const benchOnly = process.env.BENCH_STOCK_CASES === 'true' && process.env.NODE_ENV !== 'test';

export default factories.createCoreRouter('api::case.case', { only: benchOnly ? ['find'] : [] });
