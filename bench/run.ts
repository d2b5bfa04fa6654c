// `npm run bench`: synth cost of the library's stages, measured in one run as ratios, so that
// a noisy machine moves both sides of each ratio together. Prints; asserts nothing.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { shopRequirements } from '../examples/shop/requirements';
import { ApplicationStack } from '../src';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-'));

function synthOnce(designReport: boolean, round: number): number {
  const start = process.hrtime.bigint();
  const app = new App({ outdir: path.join(outRoot, `${designReport ? 'on' : 'off'}-${round}`) });
  new ApplicationStack(app, 'Shop', { requirements: shopRequirements, designReport });
  app.synth();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm up module loading and JIT on both paths before measuring.
for (let i = 0; i < 3; i++) {
  synthOnce(false, -1 - i);
  synthOnce(true, -1 - i);
}
const off: number[] = [];
const on: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  // Alternate so that drift in machine load hits both sides alike.
  off.push(synthOnce(false, i));
  on.push(synthOnce(true, i));
}
fs.rmSync(outRoot, { recursive: true, force: true });

const offMs = median(off);
const onMs = median(on);
console.log(`example app (${shopRequirements.services.length} services, ${shopRequirements.dataStores?.length ?? 0} data stores), ${ROUNDS} rounds, medians:`);
console.log(`  synth without design report: ${offMs.toFixed(1)} ms`);
console.log(`  synth with design report:    ${onMs.toFixed(1)} ms`);
console.log(`  ratio report/no report:      ${(onMs / offMs).toFixed(3)}`);
console.log(`  heap used after run:         ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
