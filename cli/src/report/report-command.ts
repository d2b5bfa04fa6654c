import { DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { findDesignReports } from '../assembly';
import { CliError, CliIo } from '../io';
import { ParameterReEstimator } from './re-estimate';
import { table, usd } from '../table';

/**
 * `report <cdk.out>`: the summary of every stack's design report in a cloud assembly, stage
 * assemblies included: cost,
 * budget, security compliance (the lowest framework) and the reliability score.
 */
export function runReport(dir: string, io: CliIo, parameters: { [name: string]: string } = {}): number {
  const found = findDesignReports(io, dir);
  if (found.length === 0) throw new CliError(`no *.design-report.json in ${dir} or its stage assemblies (assembly-*): synthesize the app (cdk synth) with design reports on`);
  const rows: string[][] = [];
  let total = 0;
  const reEstimator = new ParameterReEstimator(io, parameters);
  let anyReEstimated = false;
  let unpricedTotal = 0;
  for (const { file, report } of found as Array<{ file: string; report: Partial<DesignReport> }>) {
    if (!Array.isArray(report.resources)) throw new CliError(`${file} is not a design report (no resources)`);
    const figures = reEstimator.figures(file, report);
    anyReEstimated ||= figures.reEstimated;
    const count = (status: string) => figures.statuses.filter((s) => s === status).length;
    const cost = figures.monthlyCost;
    unpricedTotal += count('unpriced');
    total += cost?.expected ?? 0;
    const budget = report.budget
      ? `${usd(report.budget.monthlyUsd)} ${report.budget.withinBudget === false ? 'EXCEEDED' : report.budget.withinBudget === true ? 'ok' : ''}`.trim()
      : '-';
    rows.push([
      `${report.stackName}${figures.reEstimated ? ' *' : ''}`,
      `${report.region ?? '-'}${report.regionAssumed ? ' (assumed)' : ''}`,
      cost ? usd(cost.expected) : 'not estimated',
      cost ? `${usd(cost.low)} - ${usd(cost.high)}` : '-',
      typeof figures.freeTierDeduction === 'number' ? usd(-figures.freeTierDeduction) : '-',
      budget,
      `${count('priced')}/${count('free')}/${count('unpriced')}`,
      compliance(report),
      report.reliability ? `${report.reliability.score}/100, ${report.reliability.compositeAvailabilityPercent}% SLA` : 'not evaluated',
    ]);
  }
  reEstimator.checkAllUsed();
  io.out(`Design reports in ${dir} (monthly cost in USD)`);
  const headers = ['Stack', 'Region', '>Expected', '>Low - high', '>Free tier', 'Budget', 'Priced/free/unpriced', 'Compliance', 'Reliability'];
  for (const line of table(headers, rows)) io.out(line);
  const leftOut = unpricedTotal ? ` + ${unpricedTotal} unpriced resource${unpricedTotal === 1 ? '' : 's'} (not in the figures)` : '';
  if (found.length > 1) io.out(`Total expected: ${usd(total)} a month${leftOut}`);
  else if (leftOut) io.out(`Expected: ${usd(total)} a month${leftOut}`);
  if (anyReEstimated) {
    io.out('* estimated again from the template with the --parameter values and the estimator\'s default usage '
      + '(usage given in the app is not in the template); the budget column is the report\'s.');
  }
  const catalog = found[0].report.pricingCatalogDate;
  if (catalog) io.out(`Prices from the catalog effective ${catalog}; free tier shown as a separate deduction.`);
  return 0;
}

/** The lowest compliance of the frameworks that apply (a pack with no applicable rule is not 100%). */
function compliance(report: Partial<DesignReport>): string {
  if (!report.security) return 'not evaluated';
  const applicable = report.security.frameworks.filter((f) => !f.notApplicable);
  if (applicable.length === 0) return 'not applicable';
  return `${Math.min(...applicable.map((f) => f.compliancePercent))}% (lowest of ${applicable.length})`;
}
