'use strict';
/**
 * Lets plain `node` require the cms TypeScript sources (benchmarks, scripts): each .ts file is
 * compiled with swc on load. No type checking here; `npm run typecheck` does that.
 */
const fs = require('fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2021' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
