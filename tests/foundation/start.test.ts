import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * `npm start` itself: bad settings stop with one clear line, and a fresh data folder boots the
 * seeded system on SQLite (admin build skipped to keep the suite short).
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const startScript = path.join(repoRoot, 'scripts', 'start.js');

function runStart(env: Record<string, string | undefined>) {
  const clean = { ...process.env, DATABASE_URL: undefined, DATABASE_FILENAME: undefined, ...env } as NodeJS.ProcessEnv;
  for (const k of Object.keys(clean)) if (clean[k] === undefined) delete clean[k];
  return spawnSync(process.execPath, [startScript, '--build-only'], { env: clean, encoding: 'utf8', timeout: 60_000 });
}

const oneLine = (s: string) => s.trim().split('\n').filter(Boolean);

test.each([
  ['a malformed DATABASE_URL', { DATABASE_URL: 'not a url' }, /DATABASE_URL is malformed/],
  ['a DATABASE_URL of another database kind', { DATABASE_URL: 'mysql://root@127.0.0.1/x' }, /must start with postgres/],
  ['a TRUST_PROXY that is neither true, false nor a number', { TRUST_PROXY: 'yes' }, /TRUST_PROXY must be true, false or the number of proxies/],
  ['a CORS_ORIGINS with a wildcard', { CORS_ORIGINS: 'https://*.example.go.id' }, /CORS_ORIGINS must list origins/],
  ['a PUBLIC_URL that is not an address', { PUBLIC_URL: 'layanan.example.go.id' }, /PUBLIC_URL must be an http\(s\) address/],
  ['an unreachable database', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' }, /Cannot use the database 127\.0\.0\.1:1\/nowhere/],
  [
    'production without secrets',
    { NODE_ENV: 'production', APP_KEYS: undefined, JWT_SECRET: undefined, ADMIN_JWT_SECRET: undefined, API_TOKEN_SALT: undefined, TRANSFER_TOKEN_SALT: undefined, ENCRYPTION_KEY: undefined },
    /Missing secret\(s\) .*APP_KEYS/,
  ],
])('%s stops with one clear line', (_label, env, message) => {
  const r = runStart(env);
  expect(r.status).toBe(1);
  const lines = oneLine(r.stderr);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
});

test('secrets are generated once for a local data folder and kept', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layanan-secrets-'));
  const script = `const e=require(${JSON.stringify(path.join(repoRoot, 'scripts', 'env.js'))}); e.loadSecrets(); console.log(process.env.JWT_SECRET)`;
  const env = { ...process.env, DATA_DIR: dir, NODE_ENV: 'development' } as NodeJS.ProcessEnv;
  for (const n of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) delete env[n];
  const first = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  const second = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  expect(first.stdout.trim().length).toBeGreaterThan(20);
  expect(second.stdout.trim()).toBe(first.stdout.trim());
  expect(fs.statSync(path.join(dir, 'secrets.env')).mode & 0o077).toBe(0);
});

test('npm start on a fresh data folder seeds SQLite and serves', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layanan-start-'));
  const env = { ...process.env, DATA_DIR: dir, SKIP_ADMIN_BUILD: 'true', PORT: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  for (const n of ['DATABASE_URL', 'DATABASE_FILENAME', 'APP_KEYS', 'JWT_SECRET']) delete env[n];
  const child = spawn(process.execPath, [startScript], { env, cwd: repoRoot });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 150 s:\n${out}`)), 150_000);
      child.stdout.on('data', () => out.includes('layanan-pbi is running') && (clearTimeout(timer), resolve()));
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
    });
    expect(out).toMatch(/SQLite/);
    expect(out).toMatch(/offices: .*magetan/);
    expect(out).toMatch(/accounts: admin, petugas/);
    expect(fs.existsSync(path.join(dir, 'layanan-pbi.db'))).toBe(true);
    const port = /localhost:(\d+)\/panel/.exec(out)![1];
    const login = await fetch(`http://127.0.0.1:${port}/api/panel/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: 'magetan.petugas', password: 'Demo-PBI-2026!' }),
    });
    expect(login.status).toBe(200);
    const cmsLogin = await fetch(`http://127.0.0.1:${port}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.layanan-pbi.id', password: 'Demo-PBI-2026!' }),
    });
    expect(cmsLogin.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
}, 180_000);
