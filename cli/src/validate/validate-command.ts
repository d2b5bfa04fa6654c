import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ApplicationRequirements, ApplicationStack } from 'cdk-infra-engineer';
import { DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { formatFileProblem, readRequirementsFile } from 'cdk-infra-engineer/lib/requirements/requirements-file';
import { CliError, CliIo } from '../io';
import { usd } from '../table';

/**
 * `validate <file>`: reads requirements from a JSON or YAML file. Prints every problem (file,
 * line, path) and returns 1; or synthesizes the stack in a temporary directory and prints the
 * design's decisions and estimated monthly cost, and returns 0.
 */
export function runValidate(file: string, io: CliIo): number {
  const { requirements, problems } = readRequirementsFile(file);
  if (problems.length > 0) {
    io.out(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const p of problems) io.out(`  ${formatFileProblem(p)}`);
    return 1;
  }
  const r = requirements as ApplicationRequirements;
  const report = synthesizeReport(r, file);
  io.out(`${file}: valid requirements for '${r.name}' (${r.environment}), ${report.resources.length} resources`);
  io.out('');
  io.out('Decisions:');
  for (const d of report.decisions) {
    io.out(`  ${d.area}: ${d.subject}: ${d.choice}${d.choiceEstimatedMonthlyUsd === undefined ? '' : ` (about ${usd(d.choiceEstimatedMonthlyUsd)} a month)`}`);
  }
  io.out('');
  const cost = report.monthlyCost;
  io.out(cost
    ? `Estimated cost: ${usd(cost.expected)} a month (low ${usd(cost.low)}, high ${usd(cost.high)}), `
      + `${report.region}${report.regionAssumed ? ' (assumed: no region in the requirements)' : ''}, prices of ${report.pricingCatalogDate}`
    : 'Estimated cost: not estimated');
  const unpriced = report.unpricedResources ?? [];
  if (unpriced.length) io.out(`Not in the total (${unpriced.length} unpriced): ${unpriced.join('; ')}`);
  if (report.budget) io.out(`Budget: ${usd(report.budget.monthlyUsd)} a month, ${report.budget.enforcement}${report.budget.withinBudget === false ? ', EXCEEDED' : report.budget.withinBudget ? ', within' : ''}`);
  return 0;
}

/** Builds the stack exactly as `cdk synth` would, into a temporary cloud assembly, and reads its design report. */
function synthesizeReport(requirements: ApplicationRequirements, file: string): DesignReport {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-infra-engineer-validate-'));
  try {
    const app = new App({ outdir });
    const stack = new ApplicationStack(app, 'Validate', { requirements });
    try {
      app.synth();
    } catch (e) {
      throw new CliError(`${file}: the requirements are valid, but the stack does not synthesize: ${(e as Error).message}`, 1);
    }
    return JSON.parse(fs.readFileSync(path.join(outdir, `${stack.artifactId}.design-report.json`), 'utf8')) as DesignReport;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
