// Lints the fixture tree in fixtures/layout with the project's own ESLint config (eslint.config.mjs,
// rooted at the fixture) through ESLint's Node API, and prints one JSON line: every finding as
// { file, line, rule }. Run by lint-rules.test.ts in a child process: ESLint loads ES modules,
// which jest's CommonJS runtime cannot.
import path from 'node:path';
import { ESLint } from 'eslint';
import { projectConfig } from '../../eslint.config.mjs';

const root = path.join(import.meta.dirname, 'fixtures', 'layout');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: projectConfig(root) });
const results = await eslint.lintFiles(['cms/src/**/*.ts', 'tests/**/*.ts']);
const findings = results.flatMap((result) =>
  result.messages.map((m) => ({
    file: path.relative(root, result.filePath),
    line: m.line,
    rule: m.ruleId ?? `fatal: ${m.message}`,
  })),
);
process.stdout.write(`${JSON.stringify(findings)}\n`);
