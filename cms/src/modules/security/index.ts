export { afterBootstrap, withoutContentApi } from './content-api';
export { answerNoLicenseTrial } from './license-countdown';
export { allowedOrigins } from './origins';
export { issueStaffToken, type StaffTokenPayload, verifyStaffToken } from './staff-token';
export { revokeAllGrants } from './users-permissions';
