// Cost of the estimate, budget guard and design report on the example app: synth with all
// three over synth with none, measured in one run and printed as a ratio, so that a noisy
// machine moves both sides together. `run()` returns the lines to print; run directly
// (ts-node bench/report.ts) to print them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { shopRequirements } from '../examples/shop/requirements';
import { ApplicationStack } from '../src';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
/** The target: synth with the estimate, budget guard and report over synth without them. */
export const REPORT_RATIO_TARGET = 1.05;

export async function run(): Promise<string[]> {
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-'));
  // The same template both ways: without the report there is no cost estimate at synth, and
  // without a budget the budget guard (which estimates too) has nothing to check.
  const withoutBudget = { ...shopRequirements, budget: undefined };
  const offCpu: number[] = [];
  const onCpu: number[] = [];
  const synthOnce = (designReport: boolean, round: number): number => {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const app = new App({ outdir: path.join(outRoot, `${designReport ? 'on' : 'off'}-${round}`) });
    new ApplicationStack(app, 'Shop', { requirements: designReport ? shopRequirements : withoutBudget, designReport });
    app.synth();
    // CPU time of this process (GC included): what other processes' load does not inflate.
    const used = process.cpuUsage(cpu);
    if (round >= 0) (designReport ? onCpu : offCpu).push((used.user + used.system) / 1000);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // CDK prints a policy validation summary on every synth with plugins; keep the bench output readable.
  const printError = console.error;
  console.error = () => undefined;
  const off: number[] = [];
  const on: number[] = [];
  try {
    // Warm up module loading and JIT on both paths before measuring.
    for (let i = 0; i < 3; i++) {
      synthOnce(false, -1 - i);
      synthOnce(true, -1 - i);
    }
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate so that drift in machine load hits both sides alike.
      off.push(synthOnce(false, i));
      on.push(synthOnce(true, i));
    }
  } finally {
    console.error = printError;
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
  const offMs = median(off);
  const onMs = median(on);
  const ratio = onMs / offMs;
  return [
    `example app (${shopRequirements.services.length} services, ${shopRequirements.dataStores?.length ?? 0} data stores), ${ROUNDS} rounds, medians:`,
    `  synth without estimate, budget guard and report: ${offMs.toFixed(1)} ms`,
    `  synth with all three:                           ${onMs.toFixed(1)} ms`,
    `  ratio: ${ratio.toFixed(3)} (target: at most ${REPORT_RATIO_TARGET}) ${ratio <= REPORT_RATIO_TARGET ? 'OK' : 'OVER TARGET'}`,
    `  the same in CPU time (not inflated by other processes): ${median(offCpu).toFixed(1)} -> ${median(onCpu).toFixed(1)} ms, ratio ${(median(onCpu) / median(offCpu)).toFixed(3)}`,
  ];
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

if (require.main === module) {
  void run().then((lines) => console.log(lines.join('\n')));
}
