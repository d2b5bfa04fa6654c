import { DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { findDesignReports } from '../assembly';
import { CliError, CliIo } from '../io';
import { table, usd } from '../table';

/**
 * `report <cdk.out>`: the summary of every stack's design report in a cloud assembly, stage
 * assemblies included: cost,
 * budget, security compliance (the lowest framework) and the reliability score.
 */
export function runReport(dir: string, io: CliIo): number {
  const found = findDesignReports(io, dir);
  if (found.length === 0) throw new CliError(`no *.design-report.json in ${dir} or its stage assemblies (assembly-*): synthesize the app (cdk synth) with design reports on`);
  const rows: string[][] = [];
  let total = 0;
  for (const { file, report } of found as Array<{ file: string; report: Partial<DesignReport> }>) {
    if (!Array.isArray(report.resources)) throw new CliError(`${file} is not a design report (no resources)`);
    const count = (status: string) => report.resources!.filter((r) => r.status === status).length;
    const cost = report.monthlyCost;
    total += cost?.expected ?? 0;
    const budget = report.budget
      ? `${usd(report.budget.monthlyUsd)} ${report.budget.withinBudget === false ? 'EXCEEDED' : report.budget.withinBudget === true ? 'ok' : ''}`.trim()
      : '-';
    rows.push([
      String(report.stackName),
      `${report.region ?? '-'}${report.regionAssumed ? ' (assumed)' : ''}`,
      cost ? usd(cost.expected) : 'not estimated',
      cost ? `${usd(cost.low)} - ${usd(cost.high)}` : '-',
      typeof report.freeTierDeduction === 'number' ? usd(-report.freeTierDeduction) : '-',
      budget,
      `${count('priced')}/${count('free')}/${count('unpriced')}`,
      report.security ? `${Math.min(...report.security.frameworks.map((f) => f.compliancePercent))}% (lowest of ${report.security.frameworks.length})` : 'not evaluated',
      report.reliability ? `${report.reliability.score}/100, ${report.reliability.compositeAvailabilityPercent}% SLA` : 'not evaluated',
    ]);
  }
  io.out(`Design reports in ${dir} (monthly cost in USD)`);
  const headers = ['Stack', 'Region', '>Expected', '>Low - high', '>Free tier', 'Budget', 'Priced/free/unpriced', 'Compliance', 'Reliability'];
  for (const line of table(headers, rows)) io.out(line);
  if (found.length > 1) io.out(`Total expected: ${usd(total)} a month`);
  const catalog = found[0].report.pricingCatalogDate;
  if (catalog) io.out(`Prices from the catalog effective ${catalog}; free tier shown as a separate deduction.`);
  return 0;
}
