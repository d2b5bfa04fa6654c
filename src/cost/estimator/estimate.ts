import { Charge, HOURS_PER_MONTH, ModelContext } from './context';
import { Pool, SCENARIOS, Scenario, clean, freeTierDeductions, poolTotals } from './pools';
import { TemplateIndex } from './template-index';
import { resolveUsage } from './usage';

/** Types known to cost something that the catalog cannot price, and why. */
const UNPRICED_REASONS: { readonly [type: string]: string } = {
  'AWS::Backup::BackupVault': 'AWS Backup charges per GB-month of backups stored, which depends on the protected data; the catalog has no AWS Backup prices',
  'AWS::Serverless::Application': 'a Serverless Application Repository app deploys a nested stack whose resources (a rotation function) are not in this template',
};
import { PriceBook, PriceQuote } from '../catalog/price-book';
import { BASE_REGION } from '../catalog/regions';
import { describeTiers } from '../catalog/tiers';
import { PricingCatalog } from '../catalog/types';
import { CostEstimate, CostLineItem, MonthlyCostRange, ResourceCostEstimate, ResourceCostStatus, ResourceUsage } from '../model';
import { COST_MODELS, freeReason } from '../models/registry';


export interface EstimateInput {
  readonly template: unknown;
  readonly region?: string;
  readonly usage?: { [key: string]: ResourceUsage };
  readonly lowUsageFactor?: number;
  readonly highUsageFactor?: number;
  readonly catalog: PricingCatalog;
}

interface PricedCharge {
  readonly charge: Charge;
  readonly quote: PriceQuote;
}

interface ResourceWork {
  readonly logicalId: string;
  readonly type: string;
  readonly path?: string;
  readonly ctx?: ModelContext;
  readonly priced: PricedCharge[];
  readonly unpriced: string[];
  readonly free?: string;
}

/** Prices a template; pure and synchronous. See `CostEstimator.estimateTemplate`. */
export function estimate(input: EstimateInput): CostEstimate {
  const lowFactor = factor(input.lowUsageFactor, 0.5, 'lowUsageFactor');
  const highFactor = factor(input.highUsageFactor, 2, 'highUsageFactor');
  if (lowFactor > 1 || highFactor < 1) throw new Error(`usage factors must satisfy lowUsageFactor <= 1 <= highUsageFactor, got ${lowFactor} and ${highFactor}`);
  const regionAssumed = input.region === undefined;
  const region = input.region ?? BASE_REGION;
  const book = new PriceBook(input.catalog, region);
  const template = TemplateIndex.from(input.template);
  const usage = resolveUsage(input.usage, template);

  const work: ResourceWork[] = [];
  for (const [logicalId, resource] of Object.entries(template.resources)) {
    if (resource.Type === 'AWS::CDK::Metadata') continue;
    const path = template.pathOf(logicalId);
    const model = COST_MODELS[resource.Type];
    if (!model) {
      const free = freeReason(resource.Type);
      work.push({ logicalId, type: resource.Type, path, priced: [], unpriced: free ? [] : [UNPRICED_REASONS[resource.Type] ?? 'type not modelled by the estimator'], free });
      continue;
    }
    const ctx = new ModelContext(logicalId, resource, template, usage.get(logicalId) ?? {}, lowFactor, highFactor, input.catalog.effectiveDate);
    model(ctx);
    const priced: PricedCharge[] = [];
    const unpriced = [...ctx.unpricedDimensions];
    for (const charge of ctx.charges) {
      const quote = book.resolve(charge.price);
      if (quote) priced.push({ charge, quote });
      else unpriced.push(`${charge.description}: no figure for ${charge.price.serviceCode} ${charge.price.usageType}${filterText(charge.price.filters)} in the catalog`);
    }
    work.push({ logicalId, type: resource.Type, path, ctx, priced, unpriced, free: ctx.freeReason });
  }

  const pools = poolTotals(work.flatMap((w) => w.priced.map((p) => ({ quantity: p.charge.quantity, quote: p.quote }))));
  const fallbacks = new Set<string>();
  const resources = work.map((w) => resourceEstimate(w, pools, fallbacks, region)).sort((a, b) => b.monthlyCost.expected - a.monthlyCost.expected);
  const monthlyCost = sumRanges(resources.map((r) => r.monthlyCost));
  const freeTier = freeTierDeductions(input.catalog, pools);
  const deduction = (s: Scenario) => freeTier.reduce((sum, f) => sum + f.deductions[s], 0);
  const assumptions = [
    `a month is ${HOURS_PER_MONTH} hours`,
    `low and high: usage-driven quantities (requests, data, storage, duration, LCUs) x ${lowFactor} and x ${highFactor}; quantities fixed by the template (hours of always-on resources, counts) unchanged; autoscaled capacity ranges over its minimum and maximum`,
    'tiered prices apply to the total of each dimension across the template; each resource shows the average price of the tiers its dimension reaches',
    'free tier: only always-free monthly allowances, shown as a separate deduction (12-month new-account offers are not applied)',
  ];
  if (regionAssumed) assumptions.push(`no region given (env-agnostic stack): priced for ${BASE_REGION}`);
  if (fallbacks.size > 0) assumptions.push(`the catalog has no ${region} figure for ${[...fallbacks].sort().join(', ')}: those lines use the ${BASE_REGION} price and say so`);
  return {
    region,
    regionAssumed,
    currency: 'USD',
    pricingCatalogVersion: input.catalog.version,
    pricingCatalogDate: input.catalog.effectiveDate,
    hoursPerMonth: HOURS_PER_MONTH,
    monthlyCost,
    freeTierDeduction: clean(deduction('expected')),
    freeTier: freeTier.filter((f) => f.item.deduction > 0).map((f) => f.item),
    monthlyCostAfterFreeTier: cleanRange({
      low: monthlyCost.low - deduction('low'),
      expected: monthlyCost.expected - deduction('expected'),
      high: monthlyCost.high - deduction('high'),
    }),
    resources,
    unpricedResources: resources.filter((r) => r.status === ResourceCostStatus.UNPRICED).map((r) => `${r.logicalId} (${r.type}): ${r.reason}`),
    assumptions,
  };
}

function factor(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0, got ${JSON.stringify(value)}`);
  return value;
}

function filterText(filters?: { readonly [field: string]: string }): string {
  return filters ? ` (${Object.entries(filters).map(([k, v]) => `${k}=${v}`).join(', ')})` : '';
}

function resourceEstimate(w: ResourceWork, pools: Map<string, Pool>, fallbacks: Set<string>, region: string): ResourceCostEstimate {
  const assumptions = [...(w.ctx?.assumptions ?? [])];
  const unpriced = [...w.unpriced];
  const lineItems: CostLineItem[] = [];
  for (const { charge, quote } of w.priced) {
    const pool = pools.get(quote.key)!;
    const cost = { low: 0, expected: 0, high: 0 };
    for (const s of SCENARIOS) {
      // Units beyond the published tiers are left out of the figure and reported as unpriced.
      const share = pool.total[s] > 0 ? (pool.total[s] - pool.unpricedQuantity[s]) / pool.total[s] : 1;
      cost[s] = charge.quantity[s] * share * pool.average[s];
    }
    if (pool.unpricedQuantity.expected > 0 || pool.unpricedQuantity.high > 0) {
      unpriced.push(`${charge.description}: usage beyond the catalog's published tiers for ${quote.usageType}`);
    }
    if (quote.tiers.length > 1) assumptions.push(`${charge.description}: tiered price, ${describeTiers(quote.tiers, quote.unit)}`);
    if (quote.fellBack) fallbacks.add(`${quote.serviceCode} ${quote.usageType}`);
    const quantity = charge.quantity.expected / charge.display.per;
    lineItems.push({
      description: quote.fellBack ? `${charge.description} (estimated from the ${quote.region} price: no ${region} figure in the catalog)` : charge.description,
      unit: charge.display.unit,
      quantity: clean(quantity),
      unitPrice: clean(quantity > 0 ? cost.expected / quantity : pool.average.expected * charge.display.per),
      monthlyCost: clean(cost.expected),
      monthlyCostRange: cleanRange(cost),
      priceDimension: `${quote.serviceCode} ${quote.usageType}`,
      priceRegion: quote.region,
      estimatedFromOtherRegion: quote.fellBack,
      priceSource: `${quote.source.description} (${quote.source.date})`,
    });
  }
  if (lineItems.some((l) => l.estimatedFromOtherRegion)) assumptions.push(`some prices are estimated from ${BASE_REGION}: the catalog has no ${region} figure for them`);
  const monthlyCost = sumRanges(lineItems.map((l) => l.monthlyCostRange));
  let status: ResourceCostStatus;
  let reason: string | undefined;
  if (unpriced.length > 0) {
    status = ResourceCostStatus.UNPRICED;
    reason = unpriced.join('; ');
  } else if (w.free !== undefined && lineItems.length === 0) {
    status = ResourceCostStatus.FREE;
    reason = w.free;
  } else {
    status = ResourceCostStatus.PRICED;
  }
  return {
    logicalId: w.logicalId,
    type: w.type,
    ...(w.path !== undefined ? { path: w.path } : {}),
    status,
    monthlyCost,
    lineItems,
    assumptions,
    ...(reason !== undefined ? { reason } : {}),
  };
}

function sumRanges(ranges: MonthlyCostRange[]): MonthlyCostRange {
  const zero = { low: 0, expected: 0, high: 0 };
  return cleanRange(ranges.reduce((a, b) => ({ low: a.low + b.low, expected: a.expected + b.expected, high: a.high + b.high }), zero));
}

function cleanRange(r: MonthlyCostRange): MonthlyCostRange {
  return { low: clean(r.low), expected: clean(r.expected), high: clean(r.high) };
}
