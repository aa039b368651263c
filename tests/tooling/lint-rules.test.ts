/**
 * The linter keeps the server's walls: lints the fixture tree in fixtures/layout with the project's
 * own eslint.config.mjs and expects exactly these findings, so dropping or loosening a rule (module
 * front doors, the pure core, import cycles, floating promises) fails here.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Finding {
  file: string;
  line: number;
  rule: string;
}

const script = path.join(__dirname, 'lint-fixtures.mjs');
const key = (f: Finding) => `${f.file}:${f.line} ${f.rule}`;

let findings: string[] = [];

beforeAll(() => {
  const out = execFileSync(process.execPath, [script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  findings = (JSON.parse(out) as Finding[]).map(key).sort();
}, 600_000);

describe('eslint.config.mjs on the fixture layout', () => {
  test('a module is imported only through its index.ts, from adapters and other modules', () => {
    expect(findings).toEqual(expect.arrayContaining(['cms/src/api/case/controllers/case.ts:3 import-x/no-restricted-paths', 'cms/src/modules/documents/letters.ts:2 import-x/no-restricted-paths']));
  });

  test("the front door itself, a module's own files and white-box tests are allowed", () => {
    expect(findings.filter((f) => f.startsWith('tests/'))).toEqual([]);
    expect(findings.filter((f) => f.startsWith('cms/src/api/case/controllers/case.ts:2 '))).toEqual([]);
    expect(findings.filter((f) => f.startsWith('cms/src/modules/documents/index.ts'))).toEqual([]);
    expect(findings.filter((f) => f.startsWith('cms/src/modules/cases/'))).toEqual([]);
  });

  test('core imports no Strapi, no module (not even its front door) and no seed file', () => {
    expect(findings.filter((f) => f.startsWith('cms/src/core/'))).toEqual([
      'cms/src/core/nik.ts:2 no-restricted-imports',
      'cms/src/core/nik.ts:3 import-x/no-restricted-paths',
      'cms/src/core/nik.ts:4 import-x/no-restricted-paths',
    ]);
  });

  test('an import cycle is reported on both of its files', () => {
    expect(findings.filter((f) => f.endsWith('import-x/no-cycle'))).toEqual(['cms/src/modules/bulk/pipeline.ts:2 import-x/no-cycle', 'cms/src/modules/bulk/staged-open.ts:1 import-x/no-cycle']);
  });

  test('type-aware rules run: a floating promise is reported', () => {
    expect(findings).toContain('cms/src/modules/bulk/index.ts:7 @typescript-eslint/no-floating-promises');
  });

  test('nothing else is reported (no parse or config errors)', () => {
    expect(findings).toHaveLength(8);
  });
});
