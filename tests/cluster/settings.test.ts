import { spawnSync } from 'child_process';
import path from 'path';

/** `npm start` refuses bad cluster settings (Redis, object storage) with one line, before building anything. */
const startScript = path.resolve(__dirname, '..', '..', 'scripts', 'start.js');

test.each([
  ['a REDIS_URL that is not a redis address', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ address/],
  ['storage settings without a bucket', { STORAGE_S3_ENDPOINT: 'http://127.0.0.1:9000' }, /STORAGE_S3_BUCKET is required when STORAGE_S3_ENDPOINT is set/],
  ['a bucket name S3 would refuse', { STORAGE_S3_BUCKET: 'Berkas_Kantor' }, /STORAGE_S3_BUCKET must be a bucket name/],
  ['an endpoint that is not an address', { STORAGE_S3_BUCKET: 'layanan-pbi', STORAGE_S3_ENDPOINT: 'minio:9000' }, /STORAGE_S3_ENDPOINT must be an http\(s\) address/],
  ['a path style that is neither true nor false', { STORAGE_S3_BUCKET: 'layanan-pbi', STORAGE_S3_FORCE_PATH_STYLE: 'yes' }, /STORAGE_S3_FORCE_PATH_STYLE must be true or false/],
  ['a key without its secret', { STORAGE_S3_BUCKET: 'layanan-pbi', STORAGE_S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, /go together: set both, or neither/],
])('%s stops npm start with one clear line', (_label, env, message) => {
  const clean = { ...process.env, DATABASE_URL: undefined, REDIS_URL: undefined, ...env } as NodeJS.ProcessEnv;
  for (const k of Object.keys(clean)) if (clean[k] === undefined || (k.startsWith('STORAGE_S3_') && !(k in env))) delete clean[k];
  const r = spawnSync(process.execPath, [startScript, '--build-only'], { env: clean, encoding: 'utf8', timeout: 60_000 });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
});
