// `npm run bench`: synth cost of the library, measured in one run and printed as ratios, so
// that a noisy machine moves both sides of each ratio together.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { run as alarmsPerService } from './alarms-per-service';
import { run as estimator } from './estimator';
import { run as offerFiles } from './offer-files';
import { run as report } from './report';
import { run as requireTime } from './require';
import { run as security } from './security';

async function sections(): Promise<void> {
  // Each section measures in one run and prints its own ratios and targets.
  for (const [title, section] of [
    ['estimate, budget guard and report', report], ['security', security], ['require time', requireTime], ['cost estimator', estimator],
    ['offer-file refresh', offerFiles], ['alarms per service', alarmsPerService],
  ] as const) {
    console.log(`\n${title}:`);
    for (const line of await section()) console.log(`  ${line}`);
  }
}

// Scaling: each size in a fresh process, so that its peak memory is its own.
// 200 services (past the application stack's output bound) take about a minute a synth: one measured synth after the warm-up.
console.log('\napplication size vs synth time and peak memory (each size in its own process, median of 5 synths, 1 for 200 services):');
const sizes = [1, 5, 20, 50, 100, 200].map((n) => JSON.parse(execFileSync(process.execPath,
  ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'scaling.ts'), String(n), n >= 200 ? '1' : '5'],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json') } }).trim().split('\n').pop()!));
console.log('  services | resources | synth ms | x 1-service | peak RSS MiB | x 1-service');
for (const s of sizes) {
  console.log(`  ${String(s.services).padStart(8)} | ${String(s.resources).padStart(9)} | ${s.medianMs.toFixed(0).padStart(8)} | ${(s.medianMs / sizes[0].medianMs).toFixed(2).padStart(11)} | ${s.maxRssMiB.toFixed(0).padStart(12)} | ${(s.maxRssMiB / sizes[0].maxRssMiB).toFixed(2).padStart(11)}`);
}
const timeRatio = sizes[2].medianMs / sizes[0].medianMs;
const memoryRatio = sizes[2].maxRssMiB / sizes[0].maxRssMiB;
const ok = timeRatio <= 25 && memoryRatio <= 25;
console.log(`  20 services vs 1: time x${timeRatio.toFixed(2)}, memory x${memoryRatio.toFixed(2)} (target: within x25) ${ok ? 'OK' : 'OVER TARGET'}`);
if (!ok) process.exitCode = 1;

void sections().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
