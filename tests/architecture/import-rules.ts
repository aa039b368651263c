/**
 * The server's import rules, read from the source files alone (no server, no compiler):
 *   - a domain module (cms/src/modules/<name>/) is entered through its front door, index.ts;
 *     no file outside the module imports its insides;
 *   - the pure core (cms/src/core/) imports only itself, Node's built-ins and a few pure
 *     libraries: never a module, Strapi's api folders, the seed folder, Strapi or a database;
 *   - no import cycle among the files the server loads (type-only imports don't load anything).
 * The rules hold for the server's own code (cms/src, cms/config). Tests and benchmarks may still
 * import a module's insides to exercise a pure piece directly.
 */
import fs from 'fs';
import { builtinModules } from 'module';
import path from 'path';

/** Source path (repository-relative, forward slashes) → its text. */
export type SourceTree = Map<string, string>;

export interface Import {
  from: string;
  /** the specifier as written */
  specifier: string;
  /** the file it names, when relative and found in the tree */
  target: string | null;
  typeOnly: boolean;
}

/** Libraries the core may use: pure code, no I/O beyond Node's crypto. */
export const CORE_PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en', '@zxcvbn-ts/language-id'];

const EXTENSIONS = ['', '.ts', '.js', '.json', '/index.ts', '/index.js'];
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?(['"])([^'"]+)\3/gm;
// `typeof import('./x')` is a type: it loads nothing.
const DYNAMIC = /(?<!typeof\s+)\b(?:require|import)\(\s*(['"])([^'"]+)\1\s*\)/g;

export function readTree(root: string, dirs: string[]): SourceTree {
  const tree: SourceTree = new Map();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(ts|js|json)$/.test(entry.name)) tree.set(rel, /\.json$/.test(entry.name) ? '' : fs.readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  for (const dir of dirs) walk(dir);
  return tree;
}

export function importsOf(file: string, source: string, tree: SourceTree): Import[] {
  const resolve = (specifier: string): string | null => {
    if (!specifier.startsWith('.')) return null;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const ext = EXTENSIONS.find((e) => tree.has(base + e));
    return ext === undefined ? null : base + ext;
  };
  const found: Import[] = [];
  for (const m of source.matchAll(STATIC)) found.push({ from: file, specifier: m[4], target: resolve(m[4]), typeOnly: Boolean(m[2]) });
  for (const m of source.matchAll(DYNAMIC)) found.push({ from: file, specifier: m[2], target: resolve(m[2]), typeOnly: false });
  return found;
}

const moduleOf = (file: string) => /^cms\/src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** Imports of a module's insides from outside it ("importer → imported"). */
export function frontDoorViolations(tree: SourceTree): string[] {
  const out: string[] = [];
  for (const [file, source] of tree) {
    for (const imp of importsOf(file, source, tree)) {
      const target = imp.target;
      const mod = target && moduleOf(target);
      if (!target || !mod || moduleOf(file) === mod) continue;
      if (target !== `cms/src/modules/${mod}/index.ts`) out.push(`${file} → ${target}`);
    }
  }
  return out;
}

/** Imports of the core that leave it ("importer → specifier"). */
export function coreViolations(tree: SourceTree): string[] {
  const out: string[] = [];
  for (const [file, source] of tree) {
    if (!file.startsWith('cms/src/core/')) continue;
    for (const imp of importsOf(file, source, tree)) {
      const s = imp.specifier;
      const ok = s.startsWith('.') ? Boolean(imp.target?.startsWith('cms/src/core/')) : builtinModules.includes(s.replace(/^node:/, '')) || CORE_PACKAGES.includes(s);
      if (!ok) out.push(`${file} → ${s}`);
    }
  }
  return out;
}

/** Cycles among runtime imports, each as the files in it. */
export function importCycles(tree: SourceTree): string[][] {
  const edges = new Map<string, string[]>();
  for (const [file, source] of tree) {
    edges.set(
      file,
      importsOf(file, source, tree)
        .filter((i) => !i.typeOnly && i.target)
        .map((i) => i.target as string),
    );
  }
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
