import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runDiff } from './diff-command';
import { CliError, CliIo } from './io';
import type { RefreshDeps } from './pricing-refresh';
import { checkCredentialHints, checkedRegions } from './refresh-preflight';
import { runReport } from './report-command';

function nonNegative(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number >= 0');
  return n;
}

/**
 * Runs the `cdk-infra-engineer` command line with `args` (without node and the script) and
 * returns the exit code: 0 ok, 1 a cost threshold exceeded, 2 bad input or a failed call.
 */
export async function runCli(args: string[], io: CliIo, refreshDeps: Partial<RefreshDeps> = {}): Promise<number> {
  let code = 0;
  const program = new Command('cdk-infra-engineer')
    .description('Design reports and cost estimates of cdk-infra-engineer stacks')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program.command('report')
    .description('print the cost summary of every stack from cdk.out/*.design-report.json')
    .argument('<cdk.out>', 'cloud assembly directory')
    .action((dir: string) => { code = runReport(dir, io); });
  program.command('diff')
    .description('print the monthly cost change per resource and in total between two design reports')
    .argument('<old.json>', 'design report (or cost estimate) before')
    .argument('<new.json>', 'design report (or cost estimate) after')
    .option('--fail-above-percent <n>', 'exit 1 when the total grows by more than n percent', nonNegative)
    .option('--fail-above-usd <n>', 'exit 1 when the total grows by more than n USD a month', nonNegative)
    .action((oldFile: string, newFile: string, opts: { failAbovePercent?: number; failAboveUsd?: number }) => {
      code = runDiff(oldFile, newFile, opts, io);
    });
  const pricing = program.command('pricing').description('the bundled pricing catalog');
  pricing.command('refresh')
    .description('rebuild the catalog from the AWS Price List Query API (needs AWS credentials)')
    .requiredOption('--regions <list>', 'comma-separated region codes, e.g. us-east-1,eu-west-1')
    .option('--out <file>', 'catalog file to write (.json, or .ts for a module)', 'pricing-catalog.json')
    .action(async (opts: { regions: string; out: string }) => {
      // Checked before the AWS SDK is loaded (on demand: report and diff never load it).
      checkedRegions(opts.regions.split(','));
      checkCredentialHints(io.env, refreshDeps.fileExists);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runPricingRefresh } = require('./pricing-refresh') as typeof import('./pricing-refresh');
      code = await runPricingRefresh({ regions: opts.regions.split(','), out: opts.out }, io, refreshDeps);
    });
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.err(`cdk-infra-engineer: ${e.message}`);
      return e.exitCode;
    }
    io.err(`cdk-infra-engineer: ${(e as Error).message ?? e}`);
    return 2;
  }
}
