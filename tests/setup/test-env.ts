import path from 'path';

/** Files the test servers write (background jobs), apart from a developer's own data/. */
export const testDataDir = path.resolve(__dirname, '..', '..', 'data', 'test', `runtime-${process.env.TEST_DB_PREFIX || 'layanan_pbi_test'}`);

/** Environment every test process shares: fixed secrets, quiet logs, no telemetry. */
export function applyTestEnv(): void {
  const repoRoot = path.resolve(__dirname, '..', '..');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    LAYANAN_REPO_ROOT: repoRoot,
    APP_KEYS: 'testKeyA,testKeyB',
    API_TOKEN_SALT: 'test-api-token-salt',
    ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
    TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
    JWT_SECRET: 'test-jwt-secret',
    ENCRYPTION_KEY: 'test-encryption-key-0123456789abcdef',
    HOST: '127.0.0.1',
    PORT: '0',
    // Job files (imports, exports, reports) of the test servers; removed after the run.
    DATA_DIR: testDataDir,
  });
}

export const cmsDir = path.resolve(__dirname, '..', '..', 'cms');
export const distDir = path.join(cmsDir, 'dist');
