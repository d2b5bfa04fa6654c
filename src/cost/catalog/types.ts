/**
 * The pricing catalog's format: AWS Price List terms, bundled as JSON and rebuilt by
 * `cdk-infra-engineer pricing refresh`. This file is the contract between the catalog data,
 * the estimator and the refresh command.
 */

/** One price tier, as a Price List price dimension (`beginRange`/`endRange` in `unit`s). */
export interface PriceTier {
  /** Inclusive start of the tier, in units per month. */
  readonly beginRange: number;
  /** Exclusive end of the tier; `null` for "Inf". */
  readonly endRange: number | null;
  /** USD per unit. */
  readonly usd: number;
}

/** One priced dimension in one region. */
export interface CatalogPrice {
  /** Price List service code, e.g. `AWSLambda`, `AmazonS3`, `AmazonEC2`. */
  readonly serviceCode: string;
  /**
   * Usage type without the region prefix, e.g. `Lambda-GB-Second`, `TimedStorage-ByteHrs`,
   * `NatGateway-Hours`. The region's prefix (see REGION_USAGE_PREFIX) is prepended when
   * querying the Price List, except where `prefixed` is false.
   */
  readonly usageType: string;
  /**
   * Extra attribute filters that pick the product when the usage type alone is ambiguous
   * (Price List `TERM_MATCH` filters, e.g. `{ operation: 'CreateDBInstance:0014' }`).
   */
  readonly filters?: { readonly [field: string]: string };
  /** Price List unit, e.g. `Requests`, `GB-Second`, `Hrs`, `GB-Mo`. */
  readonly unit: string;
  /** Tiers, ascending; a flat price is one tier from 0 to null. */
  readonly tiers: PriceTier[];
  /** Id of the entry in `sources` the figure came from. */
  readonly source: string;
}

export interface CatalogSource {
  readonly id: string;
  /** What it is: Price List offer file and SKU, pricing page, AWS blog post. */
  readonly description: string;
  /** When the figure was read or the offer became effective (ISO date). */
  readonly date: string;
}

export interface PricingCatalog {
  readonly schemaVersion: 1;
  /** Date the prices are effective from (ISO date). */
  readonly effectiveDate: string;
  readonly currency: 'USD';
  readonly sources: CatalogSource[];
  /**
   * Prices per region code. A key is `<serviceCode>:<usageType>` plus `:<filter values>`
   * joined with `:` when filters are present (see `priceKey`).
   */
  readonly regions: { readonly [regionCode: string]: { readonly [key: string]: CatalogPrice } };
}

/** The key of a price within a region. */
export function priceKey(serviceCode: string, usageType: string, filters?: { readonly [field: string]: string }): string {
  const extra = filters ? Object.keys(filters).sort().map((k) => filters[k]) : [];
  return [serviceCode, usageType, ...extra].join(':');
}

/**
 * Price List usage-type prefixes per region. us-east-1 mostly has none, but some services
 * use `USE1-` there too (Fargate, for example): entries record that with their usage type.
 */
export const REGION_USAGE_PREFIX: { readonly [regionCode: string]: string } = {
  'us-east-1': '',
  'us-west-2': 'USW2-',
  'eu-west-1': 'EU-',
  'eu-central-1': 'EUC1-',
  'ap-southeast-2': 'APS2-',
};
