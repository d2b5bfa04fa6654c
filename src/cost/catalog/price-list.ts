import { CatalogPrice, PriceTier, PricingCatalog } from './types';

/**
 * Reading the AWS Price List Query API's wire format (`GetProducts` returns `PriceList`, an
 * array of JSON strings) into catalog tiers, and comparing catalogs. Pure: the SDK call lives
 * in the CLI.
 */

interface PriceDimensionJson {
  readonly unit?: string;
  readonly beginRange?: string;
  readonly endRange?: string;
  readonly description?: string;
  readonly pricePerUnit?: { readonly USD?: string };
}

interface OfferTermJson {
  readonly effectiveDate?: string;
  readonly priceDimensions?: { readonly [rateCode: string]: PriceDimensionJson };
}

interface ProductJson {
  readonly product?: { readonly sku?: string; readonly productFamily?: string; readonly attributes?: { readonly [k: string]: string } };
  readonly terms?: { readonly OnDemand?: { readonly [sku: string]: { readonly [offerTermCode: string]: OfferTermJson } } };
  readonly publicationDate?: string;
}

/** One product's on-demand price, as read from a PriceList entry. */
export interface ParsedProduct {
  readonly sku: string;
  readonly usageType: string;
  readonly unit: string;
  readonly tiers: PriceTier[];
  /** Units the Price List prices at $0 from 0 (a free allowance inside the price), removed from `tiers`. */
  readonly freeUnits: number;
  readonly effectiveDate: string;
}

/** Parses one `PriceList` entry (a JSON string); throws naming the problem. */
export function parsePriceListEntry(entry: string): ParsedProduct {
  let json: ProductJson;
  try {
    json = JSON.parse(entry) as ProductJson;
  } catch (e) {
    throw new Error(`PriceList entry is not JSON: ${(e as Error).message}`);
  }
  const sku = json.product?.sku;
  const usageType = json.product?.attributes?.usagetype;
  if (!sku || !usageType) throw new Error('PriceList entry has no product.sku or product.attributes.usagetype');
  const offers = json.terms?.OnDemand?.[sku] ?? Object.values(json.terms?.OnDemand ?? {})[0];
  const offer = offers ? Object.values(offers)[0] : undefined;
  const dims = Object.values(offer?.priceDimensions ?? {});
  if (dims.length === 0) throw new Error(`PriceList entry ${sku} has no OnDemand price dimensions`);
  const raw = dims.map((d) => ({ beginRange: d.beginRange, endRange: d.endRange, usd: d.pricePerUnit?.USD, unit: d.unit }));
  const { tiers, freeUnits, unit } = tiersFromDimensions(raw);
  if (tiers.length === 0) throw new Error(`PriceList entry ${sku} has a price dimension without a USD price`);
  return { sku, usageType, unit, tiers, freeUnits, effectiveDate: (offer?.effectiveDate ?? json.publicationDate ?? '').slice(0, 10) };
}

/** One price dimension as the Price List writes it (JSON or CSV): ranges and price as strings. */
export interface RawDimension {
  readonly beginRange?: string;
  readonly endRange?: string;
  readonly usd?: string;
  readonly unit?: string;
}

/**
 * The catalog tiers of a product's price dimensions, ascending. A leading $0 tier is a free
 * allowance: the catalog keeps allowances apart from prices, so it is removed and reported in
 * `freeUnits`. Empty tiers when a dimension has no USD price.
 */
export function tiersFromDimensions(dims: readonly RawDimension[]): { tiers: PriceTier[]; freeUnits: number; unit: string } {
  const sorted = dims
    .map((d) => ({
      begin: Number(d.beginRange || '0'),
      end: d.endRange === undefined || d.endRange === '' || d.endRange === 'Inf' ? null : Number(d.endRange),
      usd: d.usd === undefined || d.usd === '' ? NaN : Number(d.usd),
      unit: d.unit ?? '',
    }))
    .sort((a, b) => a.begin - b.begin);
  if (sorted.length === 0 || sorted.some((d) => !Number.isFinite(d.usd) || !Number.isFinite(d.begin))) return { tiers: [], freeUnits: 0, unit: '' };
  let freeUnits = 0;
  if (sorted.length > 1 && sorted[0].usd === 0 && sorted[0].begin === 0 && sorted[0].end !== null) {
    freeUnits = sorted[0].end;
    sorted.shift();
  }
  const tiers = sorted.map((d) => ({ beginRange: d.begin - freeUnits, endRange: d.end === null ? null : d.end - freeUnits, usd: d.usd }));
  return { tiers, freeUnits, unit: sorted[0].unit };
}

/** A difference between two catalogs, for the refresh summary. */
export interface CatalogChange {
  readonly region: string;
  readonly key: string;
  readonly kind: 'added' | 'changed' | 'unchanged' | 'missing';
  readonly before?: string;
  readonly after?: string;
}

/** Compares the prices of two catalogs region by region. */
export function diffCatalogs(before: PricingCatalog, after: PricingCatalog, regions: string[]): CatalogChange[] {
  const changes: CatalogChange[] = [];
  for (const region of regions) {
    const a = before.regions[region] ?? {};
    const b = after.regions[region] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const old = a[key];
      const now = b[key];
      if (!now) changes.push({ region, key, kind: 'missing', before: tiersText(old) });
      else if (!old) changes.push({ region, key, kind: 'added', after: tiersText(now) });
      else if (tiersText(old) !== tiersText(now)) changes.push({ region, key, kind: 'changed', before: tiersText(old), after: tiersText(now) });
      else changes.push({ region, key, kind: 'unchanged' });
    }
  }
  return changes;
}

function tiersText(p?: CatalogPrice): string {
  if (!p) return '-';
  return p.tiers.map((t) => `${t.usd === null ? 'n/a' : `$${t.usd}`}${t.endRange === null ? '' : ` to ${t.endRange}`}`).join(', ') + ` per ${p.unit}`;
}
