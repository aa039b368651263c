'use strict';
/**
 * What the benchmarks that run the app share: command-line options, fixed secrets (so a bench can
 * mint its own tokens), PostgreSQL clients, and the app started as `npm start` runs it.
 */
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');
const { Client } = require('pg');

const repoRoot = path.resolve(__dirname, '..');
const log = (...a) => console.log(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `--name value` from the command line, else the default. */
function opt(name, def) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : def;
}

const SECRETS = {
  APP_KEYS: 'benchKeyA,benchKeyB',
  API_TOKEN_SALT: 'bench-api-token-salt',
  ADMIN_JWT_SECRET: 'bench-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'bench-transfer-token-salt',
  JWT_SECRET: 'bench-jwt-secret',
  ENCRYPTION_KEY: 'bench-encryption-key-0123456789ab',
};

async function withClient(url, fn) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The app as `npm start` runs it (without the Strapi admin build), in a child process; seeds an empty database. */
async function startServer(databaseUrl, { tries = 1200, env: extra = {} } = {}) {
  const port = await freePort();
  const env = {
    ...process.env,
    ...extra,
    ...SECRETS,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    SEED_DEMO: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.js'), '--no-admin'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  for (let i = 0; i < tries; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      const r = await fetch(`${base}/_health`);
      if (r.status === 204) return { base, stop };
    } catch {
      // not listening yet: try again
    }
    await sleep(500);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output.slice(-3000)}`);
}

module.exports = { repoRoot, log, sleep, opt, SECRETS, withClient, freePort, startServer };
