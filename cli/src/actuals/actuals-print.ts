import { CostAllocationTag } from '@aws-sdk/client-cost-explorer';
import { ActualsResult } from './actuals-result';
import { AwsCaller } from '../aws/aws-access';
import { CliIo } from '../io';
import { table, usd } from '../table';

/** Cost Explorer bills each API request (each page) $0.01. */
export const USD_PER_REQUEST = 0.01;

/** How to activate the tag, and that a new tag takes up to a day to show. */
export function explainInactiveTag(io: CliIo, key: string, tag: CostAllocationTag | undefined): void {
  if (!tag) {
    io.err(`actuals: the cost allocation tag '${key}' is not in Cost Explorer yet: a user-defined tag key appears there only after a resource carrying it has been billed, up to 24 hours after the deploy.`);
  } else {
    io.err(`actuals: the cost allocation tag '${key}' is ${tag.Status ?? 'not active'}: Cost Explorer attributes no cost to it, so the stack's actual cost cannot be found.`);
  }
  io.err('Activate it (in the management account of an organization; needs ce:UpdateCostAllocationTagsStatus):');
  io.err(`  aws ce update-cost-allocation-tags-status --cost-allocation-tags-status TagKey=${key},Status=Active`);
  io.err(`or in the AWS Billing and Cost Management console: Cost allocation tags > User-defined cost allocation tags > select '${key}' > Activate.`);
  io.err('A newly activated tag takes up to 24 hours to show in Cost Explorer, and only costs incurred after activation carry it.');
}

/** Estimate against actual per service and in total, the forecast, the ratio with how it was computed, and the paid requests. */
export function printResult(io: CliIo, r: ActualsResult, units: string[]): void {
  const w = r.window;
  io.out(`Estimate against actual cost of ${r.stackName}: tag ${r.tag.key}=${r.tag.value} (value from ${r.tag.valueSource}; tag ${r.tag.status})`);
  io.out(`Window ${w.start} to ${w.end} (exclusive), ${w.days} days, ${w.granularity.toLowerCase()}; run-rate over ${w.daysCounted} day(s)`
    + `${w.firstDayWithCost ? ` from ${w.firstDayWithCost}, the first day with tagged cost` : ''}`);
  const ratioText = (x: number | null) => (x === null ? '-' : x.toFixed(2));
  const rows = r.services.map((s) => [
    s.service, s.estimatedMonthly === null ? 'not estimated' : usd(s.estimatedMonthly), usd(s.actual), usd(s.actualMonthlyRunRate), ratioText(s.ratio),
  ]);
  rows.push(['Total', usd(r.total.estimatedMonthly), usd(r.total.actual), usd(r.total.actualMonthlyRunRate), ratioText(r.costOptimizationRatio.value)]);
  for (const line of table(['Service (Cost Explorer)', '>Estimate/month', '>Actual (window)', '>Run-rate/month', '>Ratio'], rows)) io.out(line);
  io.out(`Estimate range ${usd(r.total.estimateRange.low)} - ${usd(r.total.estimateRange.high)} a month; after the free-tier deduction ${usd(r.total.estimatedMonthlyAfterFreeTier)} (ratio ${ratioText(r.costOptimizationRatio.afterFreeTier)}).`);
  if (r.unmappedResourceTypes.length > 0) io.out(`Estimated but mapped to no Cost Explorer service (in the total only): ${r.unmappedResourceTypes.join(', ')}`);
  if (w.includesEstimatedFigures) io.out('Some of the latest figures are marked Estimated by AWS and may still change.');
  if (units.some((u) => u !== 'USD')) io.out(`Cost Explorer answered in ${units.join(', ')}; the estimate is in USD.`);
  if (r.total.actual === 0) io.out(`No cost carries ${r.tag.key}=${r.tag.value} in the window: check the tag value, that the stack is deployed and that the tag was active then.`);
  const f = r.forecast;
  if ('unavailable' in f) {io.out(`Month-end forecast: not available (${f.unavailable})`);} else {
    io.out(`Month-end forecast: ${usd(f.mean)} more from ${f.start} to ${f.end} (80% interval ${usd(f.low)} - ${usd(f.high)})`
      + `${f.monthEnd === null ? '' : `; with ${usd(f.monthToDate!)} so far this month, ${usd(f.monthEnd)} for the month`}`);
  }
  io.out(`Cost optimization ratio: ${ratioText(r.costOptimizationRatio.value)}, ${r.costOptimizationRatio.verdict}`);
  io.out(`How it was computed: ${r.costOptimizationRatio.method}`);
  io.out(r.costOptimizationRatio.interpretation);
  io.out('Service mapping: each resource type of the report maps to the Cost Explorer SERVICE value it is billed under (e.g. AWS::Lambda::Function -> AWS Lambda, AWS::DynamoDB::Table -> Amazon DynamoDB, AWS::Logs::LogGroup -> AmazonCloudWatch).');
  io.out(`Cost Explorer requests: ${r.costExplorerRequests.paid} paid, ${usd(r.costExplorerRequests.usd)} at $0.01 each (each page is a request): `
    + `${Object.entries(r.costExplorerRequests.byAction).map(([a, n]) => `${a} ${n}`).join(', ')}`
    + `${r.costExplorerRequests.throttledRetries > 0 ? `; ${r.costExplorerRequests.throttledRetries} throttled request(s) retried` : ''}`);
}

/** The paid Cost Explorer requests so far, on stderr. */
export function printRequests(io: CliIo, aws: AwsCaller): void {
  const byAction = [...aws.answered].map(([a, n]) => `${a.replace(/^ce:/, '')} ${n}`).join(', ');
  io.err(`Cost Explorer requests: ${aws.requestCount} paid, ${usd(aws.requestCount * USD_PER_REQUEST)} at $0.01 each: ${byAction}`);
}
