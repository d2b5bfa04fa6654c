// Cost of the security layer on the example app: the template check alone, the whole
// evaluation, and synth with security over synth without it. `run()` returns the lines to
// print; run directly (ts-node bench/security.ts) to print them.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { shopRequirements } from '../examples/shop/requirements';
import { ApplicationStack } from '../src';
import { checkTemplates } from '../src/security/template/check';
import { loadTemplates } from '../src/security/template/load';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
/** CPU time of this process (all its threads, GC included) since `start`: what other processes' load does not inflate. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

export async function run(): Promise<string[]> {
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-security-'));
  const printError = console.error;
  // The budget plugin still makes CDK print a validation summary; keep the output readable.
  console.error = () => undefined;
  try {
    const synth = (security: boolean, round: number) => {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const app = new App({ outdir: path.join(outRoot, `${security ? 'on' : 'off'}-${round}`) });
      const stack = new ApplicationStack(app, 'Shop', { requirements: shopRequirements, _security: security, designReport: false });
      app.synth();
      return { elapsed: ms(start), cpu: cpuMs(cpu), app, stack };
    };
    for (let i = 0; i < 3; i++) {
      synth(false, -1 - i);
      synth(true, -1 - i);
    }
    const off: number[] = [];
    const on: number[] = [];
    const offCpu: number[] = [];
    const onCpu: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const without = synth(false, i);
      const withSecurity = synth(true, i);
      off.push(without.elapsed);
      on.push(withSecurity.elapsed);
      offCpu.push(without.cpu);
      onCpu.push(withSecurity.cpu);
    }

    // The template check alone: read the final templates back from the assembly and apply every rule.
    const { app, stack } = synth(true, ROUNDS);
    const policy = stack.security!.policy;
    const check = () => checkTemplates(loadTemplates(stack as Stack, app.outdir), { production: true, enforces: (r) => policy.isEnforced(r) });
    const resources = check().reduce((ids, r) => ids.add(`${r.resource.path}`), new Set<string>()).size;
    const templateMs: number[] = [];
    const evaluationMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let start = process.hrtime.bigint();
      check();
      templateMs.push(ms(start));
      start = process.hrtime.bigint();
      stack.security!.evaluate();
      evaluationMs.push(ms(start));
    }
    const ratio = median(on) / median(off);
    const template = median(templateMs);
    return [
      `security on the example app (${resources} resources checked on the final template), ${ROUNDS} rounds, medians:`,
      `  template check (read templates + every rule): ${template.toFixed(1)} ms (target: at most 40 ms) ${template <= 40 ? 'OK' : 'OVER TARGET'}`,
      `  whole evaluation (rule packs + template check): ${median(evaluationMs).toFixed(1)} ms`,
      `  synth without security: ${median(off).toFixed(1)} ms`,
      `  synth with security:    ${median(on).toFixed(1)} ms`,
      `  ratio: ${ratio.toFixed(3)} (target: at most 1.3) ${ratio <= 1.3 ? 'OK' : 'OVER TARGET'}`,
      `  the same in CPU time (not inflated by other processes): ${median(offCpu).toFixed(1)} -> ${median(onCpu).toFixed(1)} ms, ratio ${(median(onCpu) / median(offCpu)).toFixed(3)}`,
      `  cdk-nag loaded by require('cdk-infra-engineer'): ${nagLoadedOnRequire() ? 'yes' : 'no (loaded when a stack is first checked)'}`,
    ];
  } finally {
    console.error = printError;
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
}

/** Whether requiring the package (in a fresh process) loads cdk-nag. */
function nagLoadedOnRequire(): boolean {
  const entry = path.join(__dirname, '..', 'src', 'index.ts');
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e',
    `require(${JSON.stringify(entry)}); console.log(Object.keys(require.cache).some((k) => k.includes('/node_modules/cdk-nag/')))`],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json') } });
  return out.trim().endsWith('true');
}

if (require.main === module) {
  void run().then((lines) => console.log(lines.join('\n')));
}
