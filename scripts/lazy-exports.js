// Compile step (after jsii): `lib/index.js` re-exports the blocks lazily. TypeScript compiles
// `export * from './blocks'` into an eager require, which loads every block and, with them,
// about 35 aws-cdk-lib service modules (ECS, RDS, CloudFront, ...) on `require('cdk-infra-engineer')`.
// This rewrites that one statement into getters, one per exported name, that load the blocks on
// first use (as aws-cdk-lib's own index does for its service modules). The exported names and
// the values they resolve to are unchanged; the types (.d.ts, .jsii) are untouched.
//
// Usage: node scripts/lazy-exports.js <lib dir>   (test/package-load.test.ts checks the result)
const fs = require('fs');
const path = require('path');

/** Modules re-exported from the package root that are loaded on first use. */
const LAZY_MODULES = ['./blocks'];
const MARKER = '/* lazy-exports */';

// One line, so that the inline source map's line numbers still hold.
const HELPER = `${MARKER} var __lazyExportStar = function (load, names, exports) { var loaded; names.forEach(function (name) { if (!Object.prototype.hasOwnProperty.call(exports, name)) Object.defineProperty(exports, name, { enumerable: true, get: function () { return (loaded || (loaded = load()))[name]; } }); }); }; `;

/** Rewrites `<libDir>/index.js` in place; returns the names made lazy per module. Idempotent. */
function rewrite(libDir) {
  const file = path.join(libDir, 'index.js');
  let js = fs.readFileSync(file, 'utf8');
  if (js.includes(MARKER)) return {};
  const lazy = {};
  for (const spec of LAZY_MODULES) {
    const statement = `__exportStar(require("${spec}"), exports);`;
    if (!js.includes(statement)) {
      throw new Error(`${file}: expected the statement ${statement} (TypeScript's output for \`export * from '${spec}'\`); update scripts/lazy-exports.js`);
    }
    // The names `export *` would copy: the module's enumerable exports but 'default'.
    // eslint-disable-next-line import/no-dynamic-require
    const names = Object.keys(require(path.resolve(libDir, spec))).filter((n) => n !== 'default');
    if (names.length === 0) throw new Error(`${path.resolve(libDir, spec)} exports nothing`);
    lazy[spec] = names;
    js = js.replace(statement, `__lazyExportStar(function () { return require("${spec}"); }, ${JSON.stringify(names)}, exports);`);
  }
  js = js.replace('Object.defineProperty(exports, "__esModule", { value: true });', (m) => `${HELPER}${m}`);
  if (!js.includes(HELPER)) throw new Error(`${file}: no __esModule marker to put the lazy-export helper before`);
  fs.writeFileSync(file, js);
  return lazy;
}

module.exports = { rewrite, LAZY_MODULES };

if (require.main === module) {
  const libDir = process.argv[2] ?? 'lib';
  const lazy = rewrite(libDir);
  for (const [spec, names] of Object.entries(lazy)) console.log(`${path.join(libDir, 'index.js')}: ${names.length} exports of ${spec} load on first use`);
}
