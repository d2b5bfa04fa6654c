import { PriceQuote } from '../catalog/price-book';
import { tieredCost } from '../catalog/tiers';
import { PricingCatalog } from '../catalog/types';
import { FreeTierDeduction } from '../model';

export const SCENARIOS = ['low', 'expected', 'high'] as const;
export type Scenario = typeof SCENARIOS[number];

/** A priced charge's quantity and the price it resolved to. */
export interface PooledCharge {
  readonly quantity: { readonly [s in Scenario]: number };
  readonly quote: PriceQuote;
}

/** Per price key: the quote and the total quantity per scenario across the template. */
export interface Pool {
  readonly quote: PriceQuote;
  readonly total: { [s in Scenario]: number };
  /** USD per unit per scenario (tiers applied to the total), and units no tier prices. */
  readonly average: { [s in Scenario]: number };
  readonly unpricedQuantity: { [s in Scenario]: number };
}

/** Totals each dimension across the template and applies its tiers to the total. */
export function poolTotals(charges: Iterable<PooledCharge>): Map<string, Pool> {
  const totals = new Map<string, { quote: PriceQuote; total: { [s in Scenario]: number } }>();
  for (const { quantity, quote } of charges) {
    let entry = totals.get(quote.key);
    if (!entry) totals.set(quote.key, entry = { quote, total: { low: 0, expected: 0, high: 0 } });
    entry.total.low += quantity.low;
    entry.total.expected += quantity.expected;
    entry.total.high += quantity.high;
  }
  const pools = new Map<string, Pool>();
  for (const [key, { quote, total }] of totals) {
    const average = { low: 0, expected: 0, high: 0 };
    const unpricedQuantity = { low: 0, expected: 0, high: 0 };
    for (const s of SCENARIOS) {
      const cost = tieredCost(total[s], quote.tiers);
      unpricedQuantity[s] = cost.unpricedQuantity;
      const pricedUnits = total[s] - cost.unpricedQuantity;
      average[s] = pricedUnits > 0 ? cost.usd / pricedUnits : firstPrice(quote);
    }
    pools.set(key, { quote, total, average, unpricedQuantity });
  }
  return pools;
}

function firstPrice(quote: PriceQuote): number {
  return quote.tiers[0]?.usd ?? 0;
}

export interface AppliedAllowance {
  readonly item: FreeTierDeduction;
  readonly deductions: { [s in Scenario]: number };
}

/** Each always-free allowance drawn against the pooled totals, per scenario. */
export function freeTierDeductions(catalog: PricingCatalog, pools: Map<string, Pool>): AppliedAllowance[] {
  const result: AppliedAllowance[] = [];
  for (const allowance of catalog.freeTier) {
    const deductions = { low: 0, expected: 0, high: 0 };
    let usedExpected = 0;
    let unit = '';
    for (const s of SCENARIOS) {
      let remaining = allowance.quantity;
      for (const key of allowance.appliesTo) {
        const pool = pools.get(key);
        if (!pool || remaining <= 0) continue;
        unit = pool.quote.unit;
        const used = Math.min(pool.total[s], remaining);
        remaining -= used;
        if (s === 'expected') usedExpected += used;
        deductions[s] += tieredCost(pool.total[s], pool.quote.tiers).usd - tieredCost(pool.total[s] - used, pool.quote.tiers).usd;
      }
    }
    const item = { description: allowance.description, quantity: clean(usedExpected), unit, deduction: clean(deductions.expected) };
    result.push({ item, deductions });
  }
  return result;
}

/** Drops floating-point noise (0.19999999999999998 -> 0.2) while keeping 12 significant digits. */
export function clean(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  // An integer of at most 12 digits is its own 12-digit rounding (most quantities: hours, counts).
  if (Number.isInteger(n) && n < 1e12 && n > -1e12) return n;
  // Same result as Number(n.toPrecision(12)), without the string round trip (it is called per line item).
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  if (exponent < -10 || exponent > 11) return Number(n.toPrecision(12));
  const scale = 10 ** (11 - exponent);
  return Math.round(n * scale) / scale;
}
