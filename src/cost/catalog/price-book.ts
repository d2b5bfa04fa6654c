import { BASE_REGION, regionProblem } from './regions';
import { CatalogPrice, CatalogSource, PriceDimensionRef, PriceTier, PricingCatalog, priceKey } from './types';

/** A resolved price: what the estimator multiplies quantities by. */
export interface PriceQuote {
  readonly key: string;
  readonly serviceCode: string;
  readonly usageType: string;
  readonly unit: string;
  readonly tiers: readonly PriceTier[];
  readonly source: CatalogSource;
  /** The region whose figure this is. */
  readonly region: string;
  /** True when the requested region has no figure and us-east-1's is used instead. */
  readonly fellBack: boolean;
}

/**
 * The prices of one region, read from a catalog. Resolves `(serviceCode, usageType, filters)`
 * to tiers, unit and source, falling back to us-east-1 (and saying so) where the region has
 * no figure. Global services (CloudFront) are always read from us-east-1's entries.
 */
export class PriceBook {
  private readonly prices: { readonly [key: string]: CatalogPrice };
  private readonly basePrices: { readonly [key: string]: CatalogPrice };
  private readonly sources: Map<string, CatalogSource>;
  private readonly cache = new Map<string, PriceQuote | undefined>();
  /** Quotes of refs without filters by service code, then usage type: no key text built per lookup. */
  private readonly plain = new Map<string, Map<string, PriceQuote | undefined>>();

  constructor(public readonly catalog: PricingCatalog, public readonly region: string) {
    const problem = regionProblem(region);
    if (problem) throw new Error(problem);
    this.prices = catalog.regions[region] ?? {};
    this.basePrices = catalog.regions[BASE_REGION] ?? {};
    this.sources = new Map(catalog.sources.map((s) => [s.id, s]));
  }

  /** True when the catalog holds any figure for this book's region. */
  public get hasRegionData(): boolean {
    return Object.keys(this.prices).length > 0;
  }

  /** The price of a dimension, or undefined when the catalog has no figure for it anywhere. */
  public resolve(ref: PriceDimensionRef): PriceQuote | undefined {
    if (ref.filters) return this.resolveKey(priceKey(ref.serviceCode, ref.usageType, ref.filters));
    let byUsage = this.plain.get(ref.serviceCode);
    if (!byUsage) this.plain.set(ref.serviceCode, byUsage = new Map());
    let quote = byUsage.get(ref.usageType);
    if (quote === undefined && !byUsage.has(ref.usageType)) {
      byUsage.set(ref.usageType, quote = this.resolveKey(priceKey(ref.serviceCode, ref.usageType)));
    }
    return quote;
  }

  private resolveKey(key: string): PriceQuote | undefined {
    if (this.cache.has(key)) return this.cache.get(key);
    const own = this.prices[key];
    const base = this.basePrices[key];
    let quote: PriceQuote | undefined;
    if (own) {
      quote = this.quote(key, own, this.region, false);
    } else if (base) {
      const global = base.usageTypeStyle === 'global';
      quote = this.quote(key, base, BASE_REGION, !global && this.region !== BASE_REGION);
    }
    this.cache.set(key, quote);
    return quote;
  }

  private quote(key: string, price: CatalogPrice, region: string, fellBack: boolean): PriceQuote {
    const source = this.sources.get(price.source) ?? { id: price.source, description: price.source, date: this.catalog.effectiveDate };
    return { key, serviceCode: price.serviceCode, usageType: price.usageType, unit: price.unit, tiers: price.tiers, source, region, fellBack };
  }
}
