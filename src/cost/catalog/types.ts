/**
 * The pricing catalog's format: AWS Price List terms, bundled as a TypeScript module and
 * rebuilt by `cdk-infra-engineer pricing refresh`. This file is the contract between the
 * catalog data, the estimator (through `PriceBook`) and the refresh command.
 *
 * Internal: these types use unions and literal types, so they stay out of the jsii API.
 */

/** One price tier, as a Price List price dimension (`beginRange`/`endRange` in `unit`s). */
export interface PriceTier {
  /** Inclusive start of the tier, in units per month. */
  readonly beginRange: number;
  /** Exclusive end of the tier; `null` for "Inf". */
  readonly endRange: number | null;
  /**
   * USD per unit; `null` when the catalog has no published figure for this tier: usage that
   * falls into it is reported as unpriced, never guessed.
   */
  readonly usd: number | null;
}

/**
 * How a usage type carries its region in the Price List.
 * - `regional` (default): no prefix in us-east-1, `<prefix>-` elsewhere (`USW2-NatGateway-Hours`).
 * - `always`: prefixed in every region, us-east-1 too (`USE1-Fargate-GB-Hours`).
 * - `region-code`: the region code itself (`us-east-1-KMS-Keys`).
 * - `global`: a global service priced by edge location (CloudFront): the usage type is complete.
 */
export type UsageTypeStyle = 'regional' | 'always' | 'region-code' | 'global';

/** The identity of one priced dimension in the Price List. */
export interface PriceDimensionRef {
  /** Price List service code, e.g. `AWSLambda`, `AmazonS3`, `AmazonEC2`. */
  readonly serviceCode: string;
  /** Usage type without the region prefix, e.g. `Lambda-GB-Second`, `NatGateway-Hours`. */
  readonly usageType: string;
  /**
   * Extra attribute filters that pick the product when the usage type alone is ambiguous
   * (Price List `TERM_MATCH` filters, e.g. `{ databaseEngine: 'PostgreSQL' }`).
   */
  readonly filters?: { readonly [field: string]: string };
}

/** One priced dimension in one region. */
export interface CatalogPrice extends PriceDimensionRef {
  /** @default 'regional' */
  readonly usageTypeStyle?: UsageTypeStyle;
  /** Price List unit, e.g. `Requests`, `GB-Second`, `Hrs`, `GB-Mo`. */
  readonly unit: string;
  /** Tiers, ascending and contiguous from 0; a flat price is one tier from 0 to null. */
  readonly tiers: PriceTier[];
  /** Id of the entry in `sources` the figure came from. */
  readonly source: string;
}

export interface CatalogSource {
  readonly id: string;
  /** What it is: Price List offer file and SKU, pricing page, secondary copy. */
  readonly description: string;
  /** When the figure was read or the offer became effective (ISO date). */
  readonly date: string;
}

/**
 * A monthly always-free allowance (not the 12-month new-account tier), shared by every
 * resource that uses the listed dimensions. Shown as a deduction, never folded into prices.
 */
export interface FreeTierAllowance {
  readonly id: string;
  readonly description: string;
  /** Free units a month, in the unit of the dimensions it applies to. */
  readonly quantity: number;
  /** Price keys (see `priceKey`) it applies to, drawn down in this order. */
  readonly appliesTo: string[];
  readonly source: string;
}

export interface PricingCatalog {
  readonly schemaVersion: 1;
  /** Version of this catalog's data (bumped on every refresh). */
  readonly version: string;
  /** Date the prices are effective from (ISO date). */
  readonly effectiveDate: string;
  readonly currency: 'USD';
  readonly sources: CatalogSource[];
  readonly freeTier: FreeTierAllowance[];
  /** Prices per region code, keyed by `priceKey(serviceCode, usageType, filters)`. */
  readonly regions: { readonly [regionCode: string]: { readonly [key: string]: CatalogPrice } };
}

/** The key of a price within a region. */
export function priceKey(serviceCode: string, usageType: string, filters?: { readonly [field: string]: string }): string {
  // The common case (no filters) without the arrays: the same text as the join below.
  if (!filters && typeof serviceCode === 'string' && typeof usageType === 'string') return serviceCode + ':' + usageType;
  const extra = filters ? Object.keys(filters).sort().map((k) => filters[k]) : [];
  return [serviceCode, usageType, ...extra].join(':');
}
