import * as fs from 'fs';
import * as path from 'path';
import { CostAllocationTag, CostExplorerClient, Expression } from '@aws-sdk/client-cost-explorer';
import { DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { CostExplorerReader, CostPeriods } from './actuals-cost-explorer';
import { USD_PER_REQUEST, explainInactiveTag, printRequests, printResult } from './actuals-print';
import { ActualsResult, RATIO_INTERPRETATION, runRateMethod } from './actuals-result';
import { compareByService, ratioOf, ratioVerdict, round, runRateOf } from './actuals-services';
import { AwsCaller, AwsCommandDeps, CLIENT_SETTINGS } from '../aws/aws-access';
import { CliError, CliIo, readJson } from '../io';
import { progress } from '../progress';
import { usd } from '../table';

export interface ActualsDeps extends AwsCommandDeps {
  readonly client: CostExplorerClient;
}

export interface ActualsOptions {
  readonly report: string;
  readonly days: number;
  readonly tagKey: string;
  readonly tagValue?: string;
  readonly granularity: 'DAILY' | 'MONTHLY';
  /** Write the result as JSON here (for `handoff --actuals`). */
  readonly json?: string;
}

export const ACTUALS_NEEDS = {
  command: 'actuals',
  service: 'Cost Explorer',
  actions: ['ce:ListCostAllocationTags', 'ce:GetCostAndUsage', 'ce:GetCostForecast'],
};

const DAY_MS = 86_400_000;

/**
 * `actuals --report <design-report.json>`: the stack's actual cost from Cost Explorer, filtered
 * by its cost allocation tag and grouped by service, against the design report's estimate, with
 * the month-end forecast and the cost optimization ratio. Returns 2 when the tag is not active.
 */
export async function runActuals(options: ActualsOptions, io: CliIo, overrides: Partial<ActualsDeps> = {}): Promise<number> {
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 365) throw new CliError(`--days must be a whole number from 1 to 365, got ${options.days}`);
  if (options.tagKey.trim() === '') throw new CliError('--tag-key needs a tag key, e.g. cost-center');
  const report = readReport(io, options.report);
  const { value: tagValue, source: valueSource } = tagValueOf(io, options, report);
  const deps = actualsDefaults(overrides);
  const today = deps.now().toISOString().slice(0, 10);
  const start = addDays(today, -options.days);
  const filter: Expression = { Tags: { Key: options.tagKey, Values: [tagValue], MatchOptions: ['EQUALS'] } };

  const wait = progress(io, 'actuals');
  const aws = new AwsCaller(ACTUALS_NEEDS, deps, (text) => wait.step(text));
  const reader = new CostExplorerReader(deps.client, aws, wait);
  try {
    await aws.checkCredentials(io.env);
    const tag = await reader.tag(options.tagKey);
    if (tag?.Status !== 'Active') {
      wait.done();
      explainInactiveTag(io, options.tagKey, tag);
      printRequests(io, aws);
      return 2;
    }
    const costs = await reader.costs(start, today, options.granularity, filter);
    const forecast = await reader.forecast(today, firstOfNextMonth(today), filter);
    wait.done();
    const result = buildResult({ options, report, tag, tagValue, valueSource, start, today, costs, forecast, aws, now: deps.now() });
    printResult(io, result, costs.units);
    if (options.json) {
      io.writeFile(options.json, JSON.stringify(result, undefined, 2) + '\n');
      io.out(`Wrote ${options.json}`);
    }
    return 0;
  } finally {
    wait.done();
  }
}

function actualsDefaults(overrides: Partial<ActualsDeps>): ActualsDeps {
  // Cost Explorer has one endpoint, in us-east-1, whatever the stack's region.
  const client = overrides.client ?? new CostExplorerClient({ region: 'us-east-1', ...CLIENT_SETTINGS });
  return {
    client,
    resolveCredentials: overrides.resolveCredentials ?? (() => client.config.credentials()),
    sleep: overrides.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    fileExists: overrides.fileExists ?? ((file) => fs.existsSync(file)),
    credentialsTimeoutMs: overrides.credentialsTimeoutMs ?? 5000,
    now: overrides.now ?? (() => new Date()),
  };
}

type ReportWithTags = DesignReport & { readonly tags?: { readonly [key: string]: string } };

function readReport(io: CliIo, file: string): ReportWithTags {
  const report = readJson(io, file) as Partial<ReportWithTags>;
  if (!report || typeof report.stackName !== 'string' || !Array.isArray(report.resources)) {
    throw new CliError(`${file} is not a design report (no stackName or resources)`);
  }
  if (!report.monthlyCost || typeof report.monthlyCost.expected !== 'number') {
    throw new CliError(`${file} has no cost estimate (monthlyCost is empty): synthesize with the cost estimate on`);
  }
  return report as ReportWithTags;
}

/**
 * The tag value to filter on: --tag-value when given; else the report's `tags`; else the
 * stack's tags in the assembly's manifest.json next to the report; else the stack name.
 */
function tagValueOf(io: CliIo, options: ActualsOptions, report: ReportWithTags): { value: string; source: string } {
  if (options.tagValue !== undefined && options.tagValue !== '') return { value: options.tagValue, source: '--tag-value' };
  const fromReport = report.tags?.[options.tagKey];
  if (typeof fromReport === 'string') return { value: fromReport, source: 'the design report' };
  const fromManifest = manifestTag(io, options.report, options.tagKey);
  if (fromManifest !== undefined) return { value: fromManifest, source: 'the stack tags in the cloud assembly manifest' };
  io.err(`actuals: no '${options.tagKey}' tag value in ${options.report} or its manifest.json: filtering on the stack name '${report.stackName}' (pass --tag-value to choose)`);
  return { value: report.stackName, source: 'the stack name (no tag value found)' };
}

function manifestTag(io: CliIo, reportFile: string, key: string): string | undefined {
  try {
    const manifest = JSON.parse(io.readFile(path.join(path.dirname(reportFile), 'manifest.json')));
    const artifactId = path.basename(reportFile).replace(/\.design-report\.json$/, '');
    const value = manifest?.artifacts?.[artifactId]?.properties?.tags?.[key];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

interface ResultInput {
  readonly options: ActualsOptions;
  readonly report: ReportWithTags;
  readonly tag: CostAllocationTag;
  readonly tagValue: string;
  readonly valueSource: string;
  readonly start: string;
  readonly today: string;
  readonly costs: CostPeriods;
  readonly forecast: Awaited<ReturnType<CostExplorerReader['forecast']>>;
  readonly aws: AwsCaller;
  readonly now: Date;
}

function buildResult(input: ResultInput): ActualsResult {
  const { options, report, costs, start, today } = input;
  const totalOf = (byService: Map<string, number>) => [...byService.values()].reduce((a, b) => a + b, 0);
  const firstWithCost = options.granularity === 'DAILY' ? costs.periods.find((p) => totalOf(p.byService) > 0)?.start ?? null : null;
  const windowDays = options.days;
  const daysCounted = firstWithCost ? Math.round((Date.parse(today) - Date.parse(firstWithCost)) / DAY_MS) : windowDays;
  const counted = costs.periods.filter((p) => !firstWithCost || p.start >= firstWithCost);
  const byService = new Map<string, number>();
  for (const p of counted) for (const [service, cost] of p.byService) byService.set(service, (byService.get(service) ?? 0) + cost);
  const actual = totalOf(byService);
  const runRate = runRateOf(actual, daysCounted);
  const comparison = compareByService(report.resources, byService, daysCounted);
  const estimate = report.monthlyCost!.expected;
  const afterFreeTier = Math.max(0, estimate - (report.freeTierDeduction ?? 0));
  const ratio = ratioOf(estimate, runRate);
  const monthStart = `${today.slice(0, 8)}01`;
  const monthToDate = start <= monthStart
    ? costs.periods.filter((p) => p.start >= monthStart).reduce((sum, p) => sum + totalOf(p.byService), 0)
    : null;
  const forecast = 'unavailable' in input.forecast ? input.forecast : {
    ...input.forecast,
    mean: round(input.forecast.mean),
    low: round(input.forecast.low),
    high: round(input.forecast.high),
    monthToDate: monthToDate === null ? null : round(monthToDate),
    monthEnd: monthToDate === null ? null : round(monthToDate + input.forecast.mean),
  };
  const byAction = Object.fromEntries([...input.aws.answered].map(([action, n]) => [action.replace(/^ce:/, ''), n]));
  return {
    kind: 'cdk-infra-engineer/actuals',
    schemaVersion: 1,
    stackName: report.stackName,
    reportFile: options.report,
    generatedAt: input.now.toISOString(),
    tag: { key: options.tagKey, value: input.tagValue, valueSource: input.valueSource, status: String(input.tag.Status) },
    window: {
      start,
      end: today,
      days: windowDays,
      granularity: options.granularity,
      firstDayWithCost: firstWithCost,
      daysCounted,
      includesEstimatedFigures: costs.periods.some((p) => p.estimated),
    },
    services: comparison.services,
    unmappedResourceTypes: comparison.unmappedResourceTypes,
    total: {
      estimatedMonthly: round(estimate),
      estimatedMonthlyAfterFreeTier: round(afterFreeTier),
      estimateRange: { low: round(report.monthlyCost!.low), high: round(report.monthlyCost!.high) },
      actual: round(actual),
      actualMonthlyRunRate: round(runRate),
    },
    forecast,
    costOptimizationRatio: {
      value: ratio,
      afterFreeTier: ratioOf(afterFreeTier, runRate),
      verdict: ratioVerdict(ratio),
      method: 'cost optimization ratio = estimated monthly cost (the design report\'s expected figure, before the free-tier deduction) / '
        + `actual monthly run-rate = ${usd(estimate)} / ${usd(runRate)}${ratio === null ? ' (undefined: no tagged cost)' : ` = ${ratio.toFixed(2)}`}; `
        + `${runRateMethod(options.granularity)}.`,
      interpretation: RATIO_INTERPRETATION,
    },
    costExplorerRequests: {
      paid: input.aws.requestCount,
      usd: round(input.aws.requestCount * USD_PER_REQUEST),
      byAction,
      throttledRetries: input.aws.throttled,
    },
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
}

function firstOfNextMonth(day: string): string {
  const d = new Date(Date.parse(day));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}
