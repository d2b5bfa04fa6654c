import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { ActualsDeps } from './actuals/actuals-command';
import { checkCredentialHints, checkedRegions } from './aws/preflight';
import { runDiff } from './diff/diff-command';
import { runHandoff } from './handoff/handoff-command';
import { CliError, CliIo } from './io';
import type { RefreshDeps } from './pricing/pricing-refresh';
import { runReport } from './report/report-command';
import type { StatusDeps } from './status/status-command';

function nonNegative(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number >= 0');
  return n;
}

function wholeDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365) throw new InvalidArgumentError('must be a whole number of days from 1 to 365');
  return n;
}

function granularity(value: string): 'DAILY' | 'MONTHLY' {
  const g = value.toUpperCase();
  if (g !== 'DAILY' && g !== 'MONTHLY') throw new InvalidArgumentError('must be daily or monthly');
  return g;
}

function parameter(value: string, previous: { [name: string]: string }): { [name: string]: string } {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('must be Name=Value, e.g. InstanceType=m5.large');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * The AWS SDK warns on Node 20 (its future releases need 22) with a multi-line notice on stderr;
 * the commands promise one clear line on failure, so the notice is off unless the user set the
 * SDK's own switch.
 */
function quietSdkNodeWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/** What tests replace: the pricing refresh's deps at the top level (as before), status's and actuals' under their names. */
export interface CliDeps extends Partial<RefreshDeps> {
  readonly status?: Partial<StatusDeps>;
  readonly actuals?: Partial<ActualsDeps>;
}

/**
 * Runs the `cdk-infra-engineer` command line with `args` (without node and the script) and
 * returns the exit code: 0 ok, 1 a cost threshold exceeded, 2 bad input, a failed call or an inactive cost allocation tag.
 */
export async function runCli(args: string[], io: CliIo, refreshDeps: CliDeps = {}): Promise<number> {
  let code = 0;
  const program = new Command('cdk-infra-engineer')
    .description('Design reports, cost estimates, hand-off and after-deploy checks of cdk-infra-engineer stacks')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program.command('report')
    .description('print the cost summary of every stack from the design reports in cdk.out, stage assemblies (assembly-*) included')
    .argument('<cdk.out>', 'cloud assembly directory')
    .option('--parameter <name=value>', 'a template parameter value: stacks whose template declares it are estimated again with it (repeatable)', parameter, {})
    .action((dir: string, opts: { parameter: { [name: string]: string } }) => { code = runReport(dir, io, opts.parameter); });
  program.command('diff')
    .description('print the monthly cost change per resource and in total between two design reports')
    .argument('<old>', 'design report (or cost estimate) JSON before, or a cloud assembly directory (every stack, stages included)')
    .argument('<new>', 'the same after')
    .option('--fail-above-percent <n>', 'exit 1 when the total grows by more than n percent', nonNegative)
    .option('--fail-above-usd <n>', 'exit 1 when the total grows by more than n USD a month', nonNegative)
    .action((oldFile: string, newFile: string, opts: { failAbovePercent?: number; failAboveUsd?: number }) => {
      code = runDiff(oldFile, newFile, opts, io);
    });
  program.command('validate')
    .description('check requirements in a JSON or YAML file: print every problem (file, line, path), or the design\'s decisions and estimated monthly cost')
    .argument('<file>', 'requirements file (.json, .yaml or .yml), e.g. examples/shop/requirements.json')
    .action((file: string) => {
      // Loads aws-cdk-lib and the library: only this command needs them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runValidate } = require('./validate/validate-command') as typeof import('./validate/validate-command');
      code = runValidate(file, io);
    });
  const pricing = program.command('pricing').description('the bundled pricing catalog');
  pricing.command('refresh')
    .description('rebuild the catalog from the AWS Price List Query API (needs AWS credentials), or from downloaded offer files (--from-offer-files, no AWS call)')
    .option('--regions <list>', 'comma-separated region codes, e.g. us-east-1,eu-west-1 (required without --from-offer-files)')
    .option('--from-offer-files <paths...>', 'AWS Price List bulk offer files (index.csv or index.json) or directories holding them')
    .option('--out <file>', 'catalog file to write (.json, or .ts for a module)', 'pricing-catalog.json')
    .action(async (opts: { regions?: string; fromOfferFiles?: string[]; out: string }) => {
      const regions = opts.regions === undefined ? undefined : checkedRegions(opts.regions.split(','));
      if (opts.fromOfferFiles) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runOfferFilesRefresh } = require('./pricing/offer-files-refresh') as typeof import('./pricing/offer-files-refresh');
        code = await runOfferFilesRefresh({ paths: opts.fromOfferFiles, regions, out: opts.out }, io, refreshDeps.baseCatalog);
        return;
      }
      if (!regions) throw new CliError('pricing refresh needs --regions (the Price List Query API) or --from-offer-files (downloaded offer files)');
      // Checked before the AWS SDK is loaded (on demand: report and diff never load it).
      checkCredentialHints(io.env, refreshDeps.fileExists);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runPricingRefresh } = require('./pricing/pricing-refresh') as typeof import('./pricing/pricing-refresh');
      code = await runPricingRefresh({ regions, out: opts.out }, io, refreshDeps);
    });
  program.command('handoff')
    .description('write the hand-off document (handoff.json and handoff.md) from the cloud assembly and the deployed outputs; no AWS call')
    .option('--assembly <dir>', 'cloud assembly directory', 'cdk.out')
    .option('--outputs <file>', 'the file written by cdk deploy --outputs-file')
    .option('--out <dir>', 'directory to write handoff.json and handoff.md into', '.')
    .option('--actuals <file>', 'a file written by actuals --json, for the cost optimization ratio (repeatable)', collect, [])
    .option('--status <file>', 'a file written by status --json, for the provisioning success rate (repeatable)', collect, [])
    .action((opts: { assembly: string; outputs?: string; out: string; actuals: string[]; status: string[] }) => {
      code = runHandoff(opts, io);
    });
  program.command('status')
    .description('print every deployment attempt of a stack from its CloudFormation events, and the provisioning success rate (needs AWS credentials)')
    .requiredOption('--stack <name>', 'stack name, or stack ID for a deleted stack')
    .option('--region <region>', 'the stack\'s region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile\'s)')
    .option('--json <file>', 'also write the result as JSON (for handoff --status)')
    .action(async (opts: { stack: string; region?: string; json?: string }) => {
      quietSdkNodeWarning();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runStatus } = require('./status/status-command') as typeof import('./status/status-command');
      code = await runStatus(opts, io, refreshDeps.status);
    });
  program.command('actuals')
    .description('print actual cost from Cost Explorer (by the cost allocation tag) against the estimate per service, the month-end forecast and the cost optimization ratio (needs AWS credentials; each Cost Explorer request costs $0.01)')
    .requiredOption('--report <file>', 'the stack\'s design report, cdk.out/<stack>.design-report.json')
    .option('--days <n>', 'window in days, ending yesterday', wholeDays, 30)
    .option('--tag-key <key>', 'cost allocation tag key the stack carries', 'cost-center')
    .option('--tag-value <value>', 'tag value (default: from the report, else the assembly manifest, else the stack name)')
    .option('--granularity <g>', 'daily or monthly', granularity, 'DAILY' as const)
    .option('--json <file>', 'also write the result as JSON (for handoff --actuals)')
    .action(async (opts: { report: string; days: number; tagKey: string; tagValue?: string; granularity: 'DAILY' | 'MONTHLY'; json?: string }) => {
      quietSdkNodeWarning();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runActuals } = require('./actuals/actuals-command') as typeof import('./actuals/actuals-command');
      code = await runActuals(opts, io, refreshDeps.actuals);
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
