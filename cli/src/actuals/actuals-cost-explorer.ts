import {
  CostAllocationTag, CostExplorerClient, Expression, GetCostAndUsageCommand, GetCostForecastCommand, ListCostAllocationTagsCommand,
} from '@aws-sdk/client-cost-explorer';
import { AwsCaller, firstLine } from '../aws/aws-access';
import { CliError } from '../io';
import { Progress } from '../progress';

/** The Cost Explorer calls of `actuals`, each page one paid request. */
export class CostExplorerReader {
  constructor(private readonly client: CostExplorerClient, private readonly aws: AwsCaller, private readonly wait: Progress) {}

  /** The user-defined cost allocation tag `key`, following NextToken; undefined when Cost Explorer has never seen it. */
  public async tag(key: string): Promise<CostAllocationTag | undefined> {
    const tags: CostAllocationTag[] = [];
    let token: string | undefined;
    for (let page = 1; ; page++) {
      this.wait.step(`ListCostAllocationTags page ${page}`);
      const input = { TagKeys: [key], ...(token ? { NextToken: token } : {}) };
      const result = await this.aws.call('ce:ListCostAllocationTags', () => this.client.send(new ListCostAllocationTagsCommand(input)));
      tags.push(...(result.CostAllocationTags ?? []));
      if (!result.NextToken || result.NextToken === token) break;
      token = result.NextToken;
    }
    const matching = tags.filter((t) => t.TagKey === key);
    return matching.find((t) => t.Type === 'UserDefined') ?? matching[0];
  }

  /** Unblended cost per day (or month) and service, over [start, end), following NextPageToken. */
  public async costs(start: string, end: string, granularity: 'DAILY' | 'MONTHLY', filter: Expression): Promise<CostPeriods> {
    const periods = new Map<string, CostPeriod>();
    const units = new Set<string>();
    let token: string | undefined;
    for (let page = 1; ; page++) {
      this.wait.step(`GetCostAndUsage ${start} to ${end} page ${page}`);
      const input = {
        TimePeriod: { Start: start, End: end },
        Granularity: granularity,
        Metrics: ['UnblendedCost'],
        Filter: filter,
        GroupBy: [{ Type: 'DIMENSION' as const, Key: 'SERVICE' }],
        ...(token ? { NextPageToken: token } : {}),
      };
      const result = await this.aws.call('ce:GetCostAndUsage', () => this.client.send(new GetCostAndUsageCommand(input)));
      for (const r of result.ResultsByTime ?? []) {
        const key = r.TimePeriod?.Start ?? '?';
        const period = periods.get(key) ?? { start: key, end: r.TimePeriod?.End ?? '?', estimated: false, byService: new Map<string, number>() };
        period.estimated ||= r.Estimated === true;
        for (const g of r.Groups ?? []) {
          const metric = g.Metrics?.UnblendedCost;
          if (metric?.Unit) units.add(metric.Unit);
          const service = g.Keys?.[0] ?? '(no service)';
          period.byService.set(service, (period.byService.get(service) ?? 0) + Number(metric?.Amount ?? 0));
        }
        periods.set(key, period);
      }
      if (!result.NextPageToken || result.NextPageToken === token) break;
      token = result.NextPageToken;
    }
    return { periods: [...periods.values()].sort((a, b) => a.start.localeCompare(b.start)), units: [...units] };
  }

  /** Forecast unblended cost over [start, end) with an 80% prediction interval; the reason when Cost Explorer cannot forecast. */
  public async forecast(start: string, end: string, filter: Expression): Promise<Forecast | { unavailable: string }> {
    this.wait.step(`GetCostForecast ${start} to ${end}`);
    const input = { TimePeriod: { Start: start, End: end }, Metric: 'UNBLENDED_COST' as const, Granularity: 'MONTHLY' as const, Filter: filter, PredictionIntervalLevel: 80 };
    try {
      const result = await this.aws.call('ce:GetCostForecast', () => this.client.send(new GetCostForecastCommand(input)),
        ['DataUnavailableException', 'ValidationException']);
      type Interval = { MeanValue?: string; PredictionIntervalLowerBound?: string; PredictionIntervalUpperBound?: string };
      const sum = (pick: (r: Interval) => string | undefined) =>
        (result.ForecastResultsByTime ?? []).reduce((total, r) => total + Number(pick(r) ?? 0), 0);
      return {
        start,
        end,
        mean: Number(result.Total?.Amount ?? sum((r) => r.MeanValue)),
        low: sum((r) => r.PredictionIntervalLowerBound),
        high: sum((r) => r.PredictionIntervalUpperBound),
      };
    } catch (e) {
      if (e instanceof CliError) throw e;
      return { unavailable: firstLine(e) };
    }
  }
}

export interface CostPeriod {
  readonly start: string;
  readonly end: string;
  /** True when AWS marks the figures as estimated (the latest days, still changing). */
  estimated: boolean;
  readonly byService: Map<string, number>;
}

export interface CostPeriods {
  readonly periods: CostPeriod[];
  /** Currency units seen (USD for an account billed in dollars). */
  readonly units: string[];
}

export interface Forecast {
  readonly start: string;
  readonly end: string;
  readonly mean: number;
  /** 80% prediction interval. */
  readonly low: number;
  readonly high: number;
}
