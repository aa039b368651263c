/**
 * The declared attack surface (surface/), the staff token, allowed origins, the closed content
 * API and Strapi's licence countdown — see docs/security.md.
 * This file is the module's front door: other code imports only from here.
 */
export { afterBootstrap, withoutContentApi } from './content-api';
export { answerNoLicenseTrial } from './license-countdown';
export { allowedOrigins } from './origins';
export { issueStaffToken, type StaffTokenPayload, verifyStaffToken } from './staff-token';
export { revokeAllGrants } from './users-permissions';
