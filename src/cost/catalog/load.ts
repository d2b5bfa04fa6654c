import * as fs from 'fs';
import { PricingCatalog } from './types';

let bundled: PricingCatalog | undefined;

/**
 * The catalog bundled with this version of the library, loaded on first use: its data modules
 * (some 1,000 prices) are not read when the library is imported, only when a price is looked up.
 */
export function bundledCatalog(): PricingCatalog {
  if (!bundled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    bundled = (require('./data/bundled-catalog') as typeof import('./data/bundled-catalog')).BUNDLED_CATALOG;
  }
  return bundled;
}

/** Reads a catalog JSON file (as written by `pricing refresh --out`) and checks its shape. */
export function loadCatalogFile(file: string): PricingCatalog {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`pricing catalog ${file} is not readable: ${(e as Error).message}`);
  }
  const problem = catalogProblem(parsed);
  if (problem) throw new Error(`pricing catalog ${file} is not a catalog: ${problem}`);
  return parsed as PricingCatalog;
}

/** What is wrong with a value as a catalog, or undefined. */
export function catalogProblem(value: unknown): string | undefined {
  const c = value as Partial<PricingCatalog> | null;
  if (!c || typeof c !== 'object') return 'not an object';
  if (c.schemaVersion !== 1) return `schemaVersion must be 1, got ${JSON.stringify(c.schemaVersion)}`;
  if (typeof c.effectiveDate !== 'string' || typeof c.version !== 'string') return 'version and effectiveDate must be strings';
  if (!Array.isArray(c.sources) || !Array.isArray(c.freeTier)) return 'sources and freeTier must be arrays';
  if (!c.regions || typeof c.regions !== 'object') return 'regions must be an object';
  for (const [region, prices] of Object.entries(c.regions)) {
    for (const [key, p] of Object.entries(prices)) {
      if (!p || !Array.isArray(p.tiers) || p.tiers.length === 0 || typeof p.unit !== 'string') return `regions['${region}']['${key}'] needs a unit and tiers`;
    }
  }
  return undefined;
}
