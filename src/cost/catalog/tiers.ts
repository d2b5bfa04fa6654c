import { PriceTier } from './types';

/** The cost of a monthly quantity under tiered prices, and the part no tier prices. */
export interface TieredCost {
  readonly usd: number;
  /** Units that fell into a tier with no published figure. */
  readonly unpricedQuantity: number;
}

/** Applies tiers to a quantity: each unit is charged at the price of the tier it falls in. */
export function tieredCost(quantity: number, tiers: readonly PriceTier[]): TieredCost {
  let usd = 0;
  let unpricedQuantity = 0;
  for (const tier of tiers) {
    if (quantity <= tier.beginRange) break;
    const end = tier.endRange === null ? quantity : Math.min(quantity, tier.endRange);
    const units = end - tier.beginRange;
    if (tier.usd === null) unpricedQuantity += units;
    else usd += units * tier.usd;
  }
  return { usd, unpricedQuantity };
}

/** Describes tiers for an assumption line: `first 6,000,000,000 at $0.0000166667, then $0.000015`. */
export function describeTiers(tiers: readonly PriceTier[], unit: string): string {
  // Catalog tiers are shared, never changed: described once per tiers and unit (once per line item otherwise).
  let byUnit = DESCRIPTIONS.get(tiers);
  if (!byUnit) DESCRIPTIONS.set(tiers, byUnit = new Map());
  let text = byUnit.get(unit);
  if (text === undefined) byUnit.set(unit, text = tiersText(tiers, unit));
  return text;
}

const DESCRIPTIONS = new WeakMap<readonly PriceTier[], Map<string, string>>();

function tiersText(tiers: readonly PriceTier[], unit: string): string {
  return tiers.map((t) => {
    const price = t.usd === null ? 'no published figure' : `$${t.usd}`;
    if (t.endRange === null) return t.beginRange === 0 ? `${price} per ${unit}` : `over ${t.beginRange.toLocaleString('en-US')} at ${price}`;
    return `${t.beginRange === 0 ? 'first' : `${t.beginRange.toLocaleString('en-US')} to`} ${t.endRange.toLocaleString('en-US')} ${unit} at ${price}`;
  }).join(', ');
}
