/**
 * The server's shape holds (pure file scan, see import-rules.ts): modules are entered by their
 * front door, the core stays pure, and nothing the server loads imports itself in a circle.
 */
import path from 'path';
import { coreViolations, frontDoorViolations, importCycles, readTree, type SourceTree } from './import-rules';

const REPO = path.resolve(__dirname, '..', '..');
const tree = readTree(REPO, ['cms/src', 'cms/config']);

const fake = (files: Record<string, string>): SourceTree => new Map(Object.entries(files));

describe('the rules catch what they are meant to catch', () => {
  test("a module's insides imported from outside it; its front door and its own files are fine", () => {
    const t = fake({
      'cms/src/modules/cases/index.ts': "export { open } from './engine/open';",
      'cms/src/modules/cases/engine/open.ts': "import { due } from '../deadlines';\nexport const open = due;",
      'cms/src/modules/cases/deadlines.ts': 'export const due = 1;',
      'cms/src/api/case/services/engine.ts': "import { open } from '../../../modules/cases';\nimport type { X } from '../../../modules/cases/engine/open';",
      'cms/src/modules/bulk/form35.ts': "const { due } = require('../cases/deadlines');",
    });
    expect(frontDoorViolations(t)).toEqual(['cms/src/api/case/services/engine.ts → cms/src/modules/cases/engine/open.ts', 'cms/src/modules/bulk/form35.ts → cms/src/modules/cases/deadlines.ts']);
  });

  test('the core importing Strapi, a module or the seed folder', () => {
    const t = fake({
      'cms/src/core/nik.ts': "import { createHash } from 'crypto';\nimport { x } from './dates';",
      'cms/src/core/dates.ts': "import type { Core } from '@strapi/strapi';\nimport type { StaffRole } from '../seed/seed-types';\nimport { open } from '../modules/cases';",
      'cms/src/seed/seed-types.ts': '',
      'cms/src/modules/cases/index.ts': '',
    });
    expect(coreViolations(t)).toEqual(['cms/src/core/dates.ts → @strapi/strapi', 'cms/src/core/dates.ts → ../seed/seed-types', 'cms/src/core/dates.ts → ../modules/cases']);
  });

  test('a cycle through runtime imports, not through type-only ones', () => {
    const t = fake({
      'cms/src/a.ts': "import { b } from './b';",
      'cms/src/b.ts': "export { c } from './c';",
      'cms/src/c.ts': "import { a } from './a';",
      'cms/src/d.ts': "import type { E } from './e';",
      'cms/src/e.ts': "import { d } from './d';",
    });
    expect(importCycles(t)).toEqual([['cms/src/a.ts', 'cms/src/b.ts', 'cms/src/c.ts']]);
  });
});

describe('the server', () => {
  test('scans the whole tree', () => {
    expect([...tree.keys()].filter((f) => f.startsWith('cms/src/modules/')).length).toBeGreaterThan(100);
  });

  test('no file outside a module imports its insides, only its index.ts', () => {
    expect(frontDoorViolations(tree)).toEqual([]);
  });

  test('the core imports nothing but itself, Node and pure libraries', () => {
    expect(coreViolations(tree)).toEqual([]);
  });

  test('no import cycle', () => {
    expect(importCycles(tree)).toEqual([]);
  });
});
