// `require('cdk-infra-engineer')` time: the package entry point is loaded in fresh Node processes
// (module caches empty, as in a user's `cdk synth`) and the median is printed. Uses the built
// `lib/` when it exists; otherwise transpiles `src/` once (no type checking) into node_modules/.cache
// and applies the compile task's lazy re-export of the blocks (scripts/lazy-exports.js), as the build does.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const ROUNDS = Number(process.env.BENCH_REQUIRE_ROUNDS ?? 5);
/** The target issue 11 sets for loading the package. */
export const REQUIRE_TARGET_MS = 300;

export async function run(): Promise<string[]> {
  const entry = fs.existsSync(path.join(ROOT, 'lib', 'index.js')) ? path.join(ROOT, 'lib', 'index.js') : transpiledEntry();
  const measure = (file: string) => {
    const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) times.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })));
    return { times, median: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] };
  };
  const all = measure(entry);
  // ApplicationStack alone: what the package costs once its index loads the blocks lazily too.
  const app = measure(path.join(path.dirname(entry), 'app', 'index.js'));
  return [
    `require('cdk-infra-engineer'): ${all.median.toFixed(0)} ms median of ${ROUNDS} fresh processes (target <= ${REQUIRE_TARGET_MS} ms)`
      + ` [${all.times.map((t) => t.toFixed(0)).join(', ')}]${entry.includes('.cache') ? ' (src transpiled, not the built lib)' : ''}`,
    `  of which the app entry (ApplicationStack, blocks loaded when built): ${app.median.toFixed(0)} ms`,
  ];
}

/**
 * Transpiles src/**.ts to CommonJS, file by file, so the measurement needs no build, and rewrites
 * the entry point as the compile task does. Returns the entry point (`<out>/index.js`).
 */
export function transpiledEntry(out = path.join(ROOT, 'node_modules', '.cache', 'cie-require-bench')): string {
  fs.rmSync(out, { recursive: true, force: true });
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(ROOT, 'src'))) {
    const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    }).outputText;
    const target = path.join(out, path.relative(path.join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, js);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../scripts/lazy-exports') as { rewrite: (libDir: string) => unknown }).rewrite(out);
  return path.join(out, 'index.js');
}

if (require.main === module) {
  void run().then((lines) => lines.forEach((l) => console.log(l)));
}
