/** Benchmarks run on the test harness (compiled app, seeded template database, real server over HTTP). */
const base = require('../tests/jest.config.js');

module.exports = { ...base, roots: ['<rootDir>/bench'], testMatch: ['**/*.bench.ts'], maxWorkers: 1, verbose: false, testTimeout: 600000 };
