import * as fs from 'fs';
import * as path from 'path';
import { classify, supplement } from './classify';
import { Charge, HOURS_PER_MONTH, ModelContext } from './context';
import { costHeadline, usd } from './headline';
import { Pool, Scenario, clean, freeTierDeductions, poolTotals } from './pools';
import { ResolvedTemplate, defaultsUsedBy, resolveTemplate } from './resolve';
import { TemplateIndex, TemplateResource, parseTemplate } from './template-index';
import { Unknown, UnknownRead, isUnknown, startReading, stopReading } from './unknown';
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
import { CostEstimate, CostLineItem, ExcludedResource, MonthlyCostRange, ResourceCostEstimate, ResourceCostStatus, ResourceUsage } from '../model';
import { COST_MODELS, freeReason } from '../models/registry';


export interface EstimateInput {
  readonly template: unknown;
  readonly region?: string;
  readonly usage?: { [key: string]: ResourceUsage };
  readonly parameters?: { [name: string]: string };
  readonly nestedTemplates?: { [key: string]: unknown };
  readonly assemblyDirectory?: string;
  readonly lowUsageFactor?: number;
  readonly highUsageFactor?: number;
  readonly catalog: PricingCatalog;
}

/** What a resource's work record holds besides its identity. */
interface WorkFields {
  readonly priced: PricedCharge[];
  readonly unpriced: string[];
  readonly free?: string;
  readonly assumptions?: string[];
}

interface PricedCharge {
  readonly charge: Charge;
  readonly quote: PriceQuote;
  /** The charge's quantity, so that the record pools as it is (see `poolTotals`). */
  readonly quantity: Charge['quantity'];
}

interface ResourceWork {
  readonly logicalId: string;
  readonly type: string;
  readonly path?: string;
  readonly nestedStack?: string;
  readonly priced: PricedCharge[];
  readonly unpriced: string[];
  readonly free?: string;
  readonly assumptions: string[];
  /** Set when it is not known whether the resource deploys: priced for information, not counted. */
  readonly conditional?: string;
}

/** Prices a template; pure and synchronous. See `CostEstimator.estimateTemplate`. */
export function estimate(input: EstimateInput): CostEstimate {
  const lowFactor = factor(input.lowUsageFactor, 0.5, 'lowUsageFactor');
  const highFactor = factor(input.highUsageFactor, 2, 'highUsageFactor');
  if (lowFactor > 1 || highFactor < 1) throw new Error(`usage factors must satisfy lowUsageFactor <= 1 <= highUsageFactor, got ${lowFactor} and ${highFactor}`);
  const regionAssumed = input.region === undefined;
  const region = input.region ?? BASE_REGION;
  const book = new PriceBook(input.catalog, region);
  const units = templateUnits(input, region);
  const usage = resolveUsage(input.usage, units.map((u) => ({ prefix: u.prefix, template: u.index })));

  // Unknown values the current model read, and how far it had got at the first one.
  const reads: UnknownRead[] = [];
  let current: ModelContext | undefined;
  let firstRead = { charges: 0, unpriced: 0, assumptions: 0 };
  const onRead = (read: UnknownRead) => {
    if (reads.length === 0) {
      const c = current;
      firstRead = { charges: c?.charges.length ?? 0, unpriced: c?.unpricedDimensions.length ?? 0, assumptions: c?.assumptions.length ?? 0 };
    }
    reads.push(read);
  };

  const work: ResourceWork[] = [];
  const excluded: ExcludedResource[] = [];
  for (const unit of units) {
    const nestedStack = unit.prefix ? unit.prefix.slice(0, -1) : undefined;
    const inNested = nestedStack ? { nestedStack } : {};
    for (const e of unit.resolved.excluded) excluded.push({ ...e, ...inNested });
    for (const u of unit.resolved.unexpanded) {
      work.push({ logicalId: u.logicalId, type: u.type, ...inNested, priced: [], unpriced: [u.reason], assumptions: [] });
    }
    const resources = unit.index.resources;
    for (const logicalId in resources) {
      const resource = resources[logicalId];
      if (resource.Type === 'AWS::CDK::Metadata') continue;
      work.push(price(unit, logicalId, resource, usage.size === 0 ? NO_USAGE : usage.get(unit.prefix + logicalId) ?? {}));
    }
  }

  function price(unit: TemplateUnit, logicalId: string, resource: TemplateResource, resourceUsage: ResourceUsage): ResourceWork {
    const nestedStack = unit.prefix ? unit.prefix.slice(0, -1) : undefined;
    const defaults = defaultsUsedBy(resource);
    const workOf = (fields: WorkFields): ResourceWork => ({
      logicalId,
      type: resource.Type,
      path: unit.index.pathOf(logicalId),
      nestedStack,
      conditional: unit.resolved.conditionUnknown.get(logicalId) ?? unit.conditional,
      priced: fields.priced,
      unpriced: fields.unpriced,
      free: fields.free,
      assumptions: defaults ? [...defaults, ...(fields.assumptions ?? [])] : fields.assumptions ?? [],
    });
    if (resource.Type === NESTED_STACK) {
      const nested = unit.nested.get(logicalId);
      return nested
        ? workOf({ priced: [], unpriced: [], free: `nested stack: its ${nested.count} resources are priced in this estimate, listed with nestedStack '${unit.prefix}${logicalId}'` })
        : workOf({ priced: [], unpriced: ['nested stack: its template was not given (pass nestedTemplates, or the assembly directory of a CDK app), so its resources are not priced'] });
    }
    const model = COST_MODELS[resource.Type];
    reads.length = 0;
    current = undefined;
    let classified: { free?: string; unpriced?: string } | undefined;
    const previous = startReading(onRead);
    try {
      classified = classify(resource, model !== undefined);
      if (model && !classified) {
        current = new ModelContext(logicalId, resource, unit.index, resourceUsage, lowFactor, highFactor, input.catalog.effectiveDate);
        model(current);
        supplement(current);
      }
    } finally {
      stopReading(previous);
    }
    const ctx = current;
    if (!ctx) {
      const free = classified?.free ?? (classified?.unpriced ? undefined : freeReason(resource.Type));
      const unpriced = classified?.unpriced ?? (free ? undefined : UNPRICED_REASONS[resource.Type] ?? 'type not modelled by the estimator');
      const reasons = [...unknownReasons(logicalId, reads), ...(unpriced ? [unpriced] : [])];
      return workOf({ priced: [], unpriced: reasons, free: reads.length > 0 ? undefined : free });
    }
    if (reads.length > 0) {
      // What the model did after reading an unknown value may rest on a default: drop it.
      ctx.charges.length = firstRead.charges;
      ctx.unpricedDimensions.length = firstRead.unpriced;
      ctx.assumptions.length = firstRead.assumptions;
      ctx.freeReason = undefined;
      ctx.unpricedDimensions.push(...unknownReasons(logicalId, reads));
    }
    const priced: PricedCharge[] = [];
    const unpriced = ctx.unpricedDimensions;
    for (const charge of ctx.charges) {
      const quote = book.resolve(charge.price);
      if (quote) priced.push({ charge, quote, quantity: charge.quantity });
      else unpriced.push(`${charge.description}: no figure for ${charge.price.serviceCode} ${charge.price.usageType}${filterText(charge.price.filters)} in the catalog`);
    }
    return workOf({ priced, unpriced, free: ctx.freeReason, assumptions: ctx.assumptions });
  }

  // Tiers pool over what deploys; resources that may not deploy are priced alone, for information.
  const deployed: PricedCharge[] = [];
  for (const w of work) if (!w.conditional) for (const p of w.priced) deployed.push(p);
  const pools = poolTotals(deployed);
  const fallbacks = new Set<string>();
  const resources = work.map((w) => resourceEstimate(w, w.conditional ? poolTotals(w.priced) : pools, fallbacks, region))
    .sort((a, b) => b.monthlyCost.expected - a.monthlyCost.expected);
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
  const given = Object.entries(input.parameters ?? {});
  if (given.length > 0) assumptions.push(`parameter values given: ${given.map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`);
  if (units.length > 1) assumptions.push(`nested stacks priced inside this total: ${units.slice(1).map((u) => u.prefix.slice(0, -1)).join(', ')}`);
  if (units.every((u) => Object.keys(u.index.resources).length === 0)) assumptions.push('the template has no resources');
  const unpricedResources = resources.filter((r) => r.status === ResourceCostStatus.UNPRICED);
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
    unpricedResources: unpricedResources.map((r) => `${r.nestedStack ? `${r.nestedStack}/` : ''}${r.logicalId} (${r.type}): ${r.reason}`),
    excludedResources: excluded,
    headline: costHeadline(monthlyCost.expected, unpricedResources),
    assumptions,
  };
}

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** The usage of every resource when none is given (read only). */
const NO_USAGE: ResourceUsage = {};

/** One template of the estimate: the given one, or a nested stack's (prefix 'Parent/'). */
interface TemplateUnit {
  readonly prefix: string;
  readonly resolved: ResolvedTemplate;
  readonly index: TemplateIndex;
  /** Nested stack resources whose template was found: logical ID -> its resource count. */
  readonly nested: Map<string, { count: number }>;
  /** Why it is not known whether this nested stack deploys (its stack resource's condition). */
  readonly conditional?: string;
}

/** The template and, depth first, every nested stack's template that can be found. */
function templateUnits(input: EstimateInput, region: string): TemplateUnit[] {
  const units: TemplateUnit[] = [];
  const visit = (raw: unknown, parameters: { [name: string]: unknown } | undefined, prefix: string, conditional?: string) => {
    const template = parseTemplate(raw);
    const resolved = resolveTemplate(template, { region, parameters, parametersFrom: prefix ? 'the parent stack' : undefined });
    const unit: TemplateUnit = { prefix, resolved, index: TemplateIndex.of(resolved.resources), nested: new Map(), conditional };
    units.push(unit);
    if (prefix.split('/').length > 6) return;
    for (const id in unit.index.resources) {
      const r = unit.index.resources[id];
      if (r.Type !== NESTED_STACK) continue;
      const nestedTemplate = findNestedTemplate(input, prefix + id, r);
      if (nestedTemplate === undefined) continue;
      const before = units.length;
      const stackConditional = resolved.conditionUnknown.get(id);
      const inherited = conditional ?? (stackConditional ? `its nested stack ${prefix}${id} is ${stackConditional}` : undefined);
      visit(nestedTemplate, nestedParameters(r.Properties?.Parameters, nestedTemplate), `${prefix}${id}/`, inherited);
      const count = units.slice(before).reduce((n, u) => n + Object.values(u.index.resources).filter((x) => x.Type !== 'AWS::CDK::Metadata').length, 0);
      unit.nested.set(id, { count });
    }
  };
  visit(input.template, input.parameters, '');
  return units;
}

/**
 * A nested stack's template: given by its logical ID path, asset path or TemplateURL, or read
 * from the assembly (by its `aws:asset:path` metadata, or by the asset hash in its TemplateURL
 * through the assembly's asset manifests).
 */
function findNestedTemplate(input: EstimateInput, idPath: string, resource: TemplateResource): unknown {
  const asset = resource.Metadata?.['aws:asset:path'];
  const url = resource.Properties?.TemplateURL;
  const keys = [idPath, typeof asset === 'string' ? asset : undefined, typeof url === 'string' ? url : undefined, typeof url === 'string' ? path.basename(url) : undefined];
  for (const key of keys) if (key !== undefined && input.nestedTemplates?.[key] !== undefined) return input.nestedTemplates[key];
  const dir = input.assemblyDirectory;
  if (!dir) return undefined;
  const hash = /([0-9a-f]{64})\.json/.exec(JSON.stringify(isUnknown(url) ? url.source : url) ?? '')?.[1];
  const file = typeof asset === 'string' ? asset : hash ? assetSources(dir).get(hash) : undefined;
  const full = file ? path.join(dir, file) : undefined;
  return full && fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/** Asset hash -> file path, from the asset manifests (`*.assets.json`) of an assembly directory. */
function assetSources(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('.assets.json')) continue;
    try {
      const files = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).files ?? {};
      for (const [hash, entry] of Object.entries<any>(files)) if (typeof entry?.source?.path === 'string') result.set(hash, entry.source.path);
    } catch {
      // not an asset manifest we can read: nested stacks it names stay unpriced
    }
  }
  return result;
}

/** The parent's Parameters of a nested stack as values: anything unresolved is a deploy-time value. */
function nestedParameters(given: unknown, nestedTemplate: unknown): { [name: string]: unknown } {
  const declared = Object.keys(parseTemplate(nestedTemplate).Parameters ?? {});
  const out: { [name: string]: unknown } = {};
  if (!given || typeof given !== 'object') return out;
  for (const [name, v] of Object.entries(given)) {
    if (!declared.includes(name)) continue;
    const known = typeof v === 'string' || typeof v === 'number' || isUnknown(v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    out[name] = known ? v : new Unknown(`the parameter '${name}', given by the parent stack as a value known only at deploy`, `parameter ${name}`, v);
  }
  return out;
}

/** One reason per unknown value a model read, naming where it was read and what it is. */
function unknownReasons(logicalId: string, reads: UnknownRead[]): string[] {
  const seen = new Set<string>();
  for (const { path: at, unknown } of reads) {
    const where = at.startsWith(`${logicalId}.`) ? at.slice(logicalId.length + 1) : at;
    seen.add(`${where} is ${unknown.what}`);
  }
  return [...seen];
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
  const assumptions = [...w.assumptions];
  const unpriced = [...w.unpriced];
  const lineItems: CostLineItem[] = [];
  let fellBack = false;
  let low = 0;
  let expected = 0;
  let high = 0;
  for (const { charge, quote } of w.priced) {
    const pool = pools.get(quote.key)!;
    const { total, unpricedQuantity: beyond, average } = pool;
    const q = charge.quantity;
    // Units beyond the published tiers are left out of the figure and reported as unpriced.
    const cost = {
      low: q.low * (total.low > 0 ? (total.low - beyond.low) / total.low : 1) * average.low,
      expected: q.expected * (total.expected > 0 ? (total.expected - beyond.expected) / total.expected : 1) * average.expected,
      high: q.high * (total.high > 0 ? (total.high - beyond.high) / total.high : 1) * average.high,
    };
    if (beyond.expected > 0 || beyond.high > 0) {
      unpriced.push(`${charge.description}: usage beyond the catalog's published tiers for ${quote.usageType}`);
    }
    if (quote.tiers.length > 1) assumptions.push(`${charge.description}: tiered price, ${describeTiers(quote.tiers, quote.unit)}`);
    const text = quoteText(quote);
    if (quote.fellBack) {
      fallbacks.add(text.dimension);
      fellBack = true;
    }
    const quantity = q.expected / charge.display.per;
    const range = cleanRange(cost);
    low += range.low;
    expected += range.expected;
    high += range.high;
    lineItems.push({
      description: quote.fellBack ? `${charge.description} (estimated from the ${quote.region} price: no ${region} figure in the catalog)` : charge.description,
      unit: charge.display.unit,
      quantity: clean(quantity),
      unitPrice: clean(quantity > 0 ? cost.expected / quantity : average.expected * charge.display.per),
      monthlyCost: range.expected,
      monthlyCostRange: range,
      priceDimension: text.dimension,
      priceRegion: quote.region,
      estimatedFromOtherRegion: quote.fellBack,
      priceSource: text.source,
    });
  }
  if (fellBack) assumptions.push(`some prices are estimated from ${BASE_REGION}: the catalog has no ${region} figure for them`);
  let monthlyCost = cleanRange({ low, expected, high });
  let status: ResourceCostStatus;
  let reason: string | undefined;
  if (w.conditional !== undefined) {
    // Not known to deploy: not counted; what it would cost is said in its assumptions.
    status = ResourceCostStatus.UNPRICED;
    reason = [w.conditional, ...unpriced].join('; ');
    if (lineItems.length > 0) assumptions.push(`if deployed: ${usd(monthlyCost.expected)} a month expected (${lineItems.map((l) => `${l.description} ${usd(l.monthlyCost)}`).join(', ')}), not in the total`);
    lineItems.length = 0;
    monthlyCost = { low: 0, expected: 0, high: 0 };
  } else if (unpriced.length > 0) {
    status = ResourceCostStatus.UNPRICED;
    reason = unpriced.join('; ');
  } else if (w.free !== undefined && lineItems.length === 0) {
    status = ResourceCostStatus.FREE;
    reason = w.free;
  } else {
    status = ResourceCostStatus.PRICED;
  }
  // Built field by field (no spread of optional parts): the same fields in the same order.
  type Writable = { -readonly [K in keyof ResourceCostEstimate]: ResourceCostEstimate[K] };
  const result = { logicalId: w.logicalId, type: w.type } as Writable;
  if (w.path !== undefined) result.path = w.path;
  if (w.nestedStack !== undefined) result.nestedStack = w.nestedStack;
  result.status = status;
  result.monthlyCost = monthlyCost;
  result.lineItems = lineItems.some((l) => l.description.includes(OBJECT))
    ? lineItems.map((l) => ({ ...l, description: readable(l.description) }))
    : lineItems;
  result.assumptions = assumptions.some((a) => a.includes(OBJECT)) ? assumptions.map(readable) : assumptions;
  if (reason !== undefined) result.reason = readable(reason);
  return result;
}

const OBJECT = '[object Object]';

/** The texts a quote gives every line item it prices, made once per quote. */
const QUOTE_TEXT = new WeakMap<PriceQuote, { dimension: string; source: string }>();

function quoteText(quote: PriceQuote): { dimension: string; source: string } {
  let text = QUOTE_TEXT.get(quote);
  if (!text) QUOTE_TEXT.set(quote, text = { dimension: `${quote.serviceCode} ${quote.usageType}`, source: `${quote.source.description} (${quote.source.date})` });
  return text;
}

/** A last guard: a template expression a model turned into text never shows as [object Object]. */
function readable(text: string): string {
  return text.includes(OBJECT) ? text.split(OBJECT).join('(a template expression)') : text;
}

function sumRanges(ranges: MonthlyCostRange[]): MonthlyCostRange {
  const zero = { low: 0, expected: 0, high: 0 };
  return cleanRange(ranges.reduce((a, b) => ({ low: a.low + b.low, expected: a.expected + b.expected, high: a.high + b.high }), zero));
}

function cleanRange(r: MonthlyCostRange): MonthlyCostRange {
  return { low: clean(r.low), expected: clean(r.expected), high: clean(r.high) };
}
