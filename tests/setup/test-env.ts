import path from 'path';

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
  });
}

export const cmsDir = path.resolve(__dirname, '..', '..', 'cms');
export const distDir = path.join(cmsDir, 'dist');
