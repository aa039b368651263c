'use strict';
/**
 * Settings shared by `npm start` and the tests: where data lives, the secrets, and the checks
 * that turn a bad setting into one clear line instead of a stack trace.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');
const cmsDir = path.join(repoRoot, 'cms');
const dataDir = process.env.DATA_DIR || path.join(repoRoot, 'data');

const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];

class SettingError extends Error {}

const random = () => crypto.randomBytes(24).toString('base64');

function parseEnvFile(file) {
  const out = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/**
 * Puts the secrets in process.env. Outside production they are generated once into
 * data/secrets.env (never committed); in production they must come from the environment.
 */
function loadSecrets() {
  const missing = SECRET_NAMES.filter((n) => !process.env[n]);
  if (!missing.length) return;
  if (process.env.NODE_ENV === 'production') {
    throw new SettingError(`Missing secret(s) ${missing.join(', ')}: set them in the environment (production never generates secrets).`);
  }
  const file = path.join(dataDir, 'secrets.env');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const lines = SECRET_NAMES.map((n) => `${n}=${n === 'APP_KEYS' ? [random(), random(), random(), random()].join(',') : random()}`);
    fs.writeFileSync(file, `# Generated on first start for this machine only. Do not commit.\n${lines.join('\n')}\n`, { mode: 0o600 });
  }
  const saved = parseEnvFile(file);
  for (const n of SECRET_NAMES) if (!process.env[n]) process.env[n] = saved[n];
}

/** Throws a SettingError naming what is wrong with DATABASE_URL. */
function parseDatabaseUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new SettingError('DATABASE_URL is malformed: expected postgres://user:password@host:5432/database');
  }
  if (!['postgres:', 'postgresql:'].includes(u.protocol)) {
    throw new SettingError(`DATABASE_URL must start with postgres:// (got ${u.protocol}//); leave it unset for the embedded SQLite database`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!u.hostname || !database) throw new SettingError('DATABASE_URL is malformed: it needs a host and a database name, postgres://user:password@host:5432/database');
  return { host: u.hostname, port: Number(u.port || 5432), database, user: decodeURIComponent(u.username || '') };
}

/** Connects once to PostgreSQL so that an unreachable server is reported before Strapi boots. */
async function checkDatabase(url, timeoutMs = 5000) {
  const target = parseDatabaseUrl(url);
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new SettingError(`Cannot use the database ${target.host}:${target.port}/${target.database}: ${err.message || err.code}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function baseEnv() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.DATA_DIR = dataDir;
  process.env.LAYANAN_REPO_ROOT = repoRoot;
}

/** TRUST_PROXY (read by cms/config/server.ts): unset, true/false, or a number of proxies. */
function checkTrustProxy(value = process.env.TRUST_PROXY) {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  if (v === '' || v === 'true' || v === 'false' || /^\d+$/.test(v)) return;
  throw new SettingError(`TRUST_PROXY must be true, false or the number of proxies in front of the server (got "${value}")`);
}

/**
 * PUBLIC_URL and CORS_ORIGINS (read by cms/config/middlewares.ts through
 * cms/src/modules/security/origins.ts, which applies the same rules): an http(s) address, and a
 * comma-separated list of origins (scheme, host, port; no path, no wildcard).
 */
function checkOrigins(publicUrl = process.env.PUBLIC_URL, corsOrigins = process.env.CORS_ORIGINS) {
  const origin = (value, pathAllowed) => {
    if (value.includes('*')) return null;
    try {
      const u = new URL(value);
      const ok = ['http:', 'https:'].includes(u.protocol) && !u.username && !u.password && !u.search && !u.hash && (pathAllowed || u.pathname === '/');
      return ok ? u.origin : null;
    } catch {
      return null;
    }
  };
  if (String(publicUrl ?? '').trim() && !origin(String(publicUrl).trim(), true)) {
    throw new SettingError(`PUBLIC_URL must be an http(s) address such as https://layanan.example.go.id (got "${publicUrl}")`);
  }
  for (const entry of String(corsOrigins ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!origin(entry, false)) throw new SettingError(`CORS_ORIGINS must list origins such as https://kantor.example.go.id, comma-separated; "${entry}" is not one (a wildcard is never allowed)`);
  }
}

/**
 * Settings of a cluster of instances (cms/src/modules/cluster): REDIS_URL for shared rate
 * limits, STORAGE_S3_* for files in object storage (read by cms/src/modules/cluster/s3.ts).
 */
function checkCluster(env = process.env) {
  const url = (value, protocols) => {
    try {
      const u = new URL(value);
      return protocols.includes(u.protocol) && !!u.hostname;
    } catch {
      return false;
    }
  };
  const redis = String(env.REDIS_URL ?? '').trim();
  if (redis && !url(redis, ['redis:', 'rediss:'])) throw new SettingError(`REDIS_URL must be a redis:// or rediss:// address such as redis://127.0.0.1:6379 (got "${redis}")`);
  const s3 = Object.keys(env).filter((k) => k.startsWith('STORAGE_S3_') && String(env[k]).trim());
  if (!s3.length) return;
  const bucket = String(env.STORAGE_S3_BUCKET ?? '').trim();
  if (!bucket) throw new SettingError(`STORAGE_S3_BUCKET is required when ${s3.join(', ')} ${s3.length > 1 ? 'are' : 'is'} set`);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new SettingError(`STORAGE_S3_BUCKET must be a bucket name (3-63 lowercase letters, digits, dots, hyphens; got "${bucket}")`);
  const endpoint = String(env.STORAGE_S3_ENDPOINT ?? '').trim();
  if (endpoint && !url(endpoint, ['http:', 'https:'])) throw new SettingError(`STORAGE_S3_ENDPOINT must be an http(s) address such as https://s3.example.go.id (got "${endpoint}")`);
  const pathStyle = String(env.STORAGE_S3_FORCE_PATH_STYLE ?? '').trim();
  if (pathStyle && !['true', 'false'].includes(pathStyle)) throw new SettingError(`STORAGE_S3_FORCE_PATH_STYLE must be true or false (got "${pathStyle}")`);
  if (!!String(env.STORAGE_S3_ACCESS_KEY_ID ?? '').trim() !== !!String(env.STORAGE_S3_SECRET_ACCESS_KEY ?? '').trim()) {
    throw new SettingError('STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY go together: set both, or neither (the instance role or environment then signs)');
  }
}

module.exports = { repoRoot, cmsDir, dataDir, SettingError, loadSecrets, parseDatabaseUrl, checkDatabase, checkTrustProxy, checkOrigins, checkCluster, baseEnv, SECRET_NAMES };
