import { ServiceComparison } from './actuals-services';

/** What `actuals --json` writes, and `handoff --actuals` reads. */
export interface ActualsResult {
  readonly kind: 'cdk-infra-engineer/actuals';
  readonly schemaVersion: 1;
  readonly stackName: string;
  readonly reportFile: string;
  readonly generatedAt: string;
  readonly tag: {
    readonly key: string;
    readonly value: string;
    /** Where the value came from: --tag-value, the design report, the assembly manifest or the stack name. */
    readonly valueSource: string;
    readonly status: string;
  };
  readonly window: {
    readonly start: string;
    /** Exclusive (Cost Explorer's convention): today, whose costs are not complete yet. */
    readonly end: string;
    readonly days: number;
    readonly granularity: 'DAILY' | 'MONTHLY';
    /** First day with tagged cost (daily granularity), else null. */
    readonly firstDayWithCost: string | null;
    /** Days the run-rate divides by. */
    readonly daysCounted: number;
    /** True when AWS marked some of the figures as estimated (still changing). */
    readonly includesEstimatedFigures: boolean;
  };
  readonly services: ServiceComparison[];
  readonly unmappedResourceTypes: string[];
  readonly total: {
    /** The design report's expected monthly cost, before the free-tier deduction. */
    readonly estimatedMonthly: number;
    readonly estimatedMonthlyAfterFreeTier: number;
    readonly estimateRange: { readonly low: number; readonly high: number };
    readonly actual: number;
    readonly actualMonthlyRunRate: number;
  };
  readonly forecast: {
    readonly start: string;
    readonly end: string;
    /** Forecast cost of the rest of the month (today to the month end). */
    readonly mean: number;
    readonly low: number;
    readonly high: number;
    /** Tagged cost since the first of the month, when the window covers it. */
    readonly monthToDate: number | null;
    /** monthToDate + mean. */
    readonly monthEnd: number | null;
  } | { readonly unavailable: string };
  readonly costOptimizationRatio: {
    /** estimatedMonthly / actualMonthlyRunRate, two decimals; null without tagged cost. */
    readonly value: number | null;
    /** The same with the estimate after the free-tier deduction. */
    readonly afterFreeTier: number | null;
    readonly verdict: string;
    readonly method: string;
    readonly interpretation: string;
  };
  readonly costExplorerRequests: {
    /** Answered requests (each page one), each billed $0.01. */
    readonly paid: number;
    readonly usd: number;
    readonly byAction: { readonly [action: string]: number };
    readonly throttledRetries: number;
  };
}

export const RATIO_INTERPRETATION = 'Above 1 the stack costs less than estimated (real usage is below the estimate\'s assumptions, '
  + 'or the free tier covers part of it): the budget has headroom and the usage figures can come down. Below 1 it costs more than '
  + 'estimated: the services with the lowest ratio ran beyond their assumptions. 1 is on estimate.';

export function runRateMethod(granularity: 'DAILY' | 'MONTHLY'): string {
  return 'actual monthly run-rate = unblended cost carrying the tag over the days counted / days counted x 30.42 (730 hours / 24, '
    + 'the month the estimate uses); '
    + (granularity === 'DAILY'
      ? 'days counted run from the first day with tagged cost to the end of the window, so a stack deployed during the window is not diluted'
      : 'with monthly granularity the days counted are the whole window (use daily granularity for a stack deployed during the window)');
}
