import { BUNDLED_CATALOG } from 'cdk-infra-engineer/lib/cost/catalog/data/bundled-catalog';
import { refreshCatalogFromOfferFiles } from 'cdk-infra-engineer/lib/cost/catalog/offer-files';
import { diffCatalogs } from 'cdk-infra-engineer/lib/cost/catalog/price-list';
import { PricingCatalog } from 'cdk-infra-engineer/lib/cost/catalog/types';
import { CliError, CliIo } from '../io';
import { printSummary, writeCatalog } from './catalog-output';

export interface OfferFilesRefreshOptions {
  /** Offer files (`index.csv`, `index.json`) or directories holding them. */
  readonly paths: string[];
  /** Regions to build (default: every region the files hold prices for). */
  readonly regions?: string[];
  readonly out?: string;
}

/**
 * `pricing refresh --from-offer-files <paths...>`: rebuilds the catalog from AWS Price List bulk
 * offer files downloaded beforehand. No AWS call and no credentials.
 */
export async function runOfferFilesRefresh(
  options: OfferFilesRefreshOptions, io: CliIo, baseCatalog: PricingCatalog = BUNDLED_CATALOG,
): Promise<number> {
  let result;
  try {
    result = await refreshCatalogFromOfferFiles(options.paths, { regions: options.regions, baseCatalog });
  } catch (e) {
    throw new CliError(`pricing refresh --from-offer-files: ${(e as Error).message}`);
  }
  for (const f of result.files) io.err(`read ${f.file}: ${f.offerCode} ${f.version} (${f.format}), ${f.matched} of ${f.rows} rows priced a catalog dimension`);
  const out = options.out ?? 'pricing-catalog.json';
  writeCatalog(io, out, result.catalog, 'AWS Price List offer files');
  printSummary(io, diffCatalogs(baseCatalog, result.catalog, result.regions), [...result.notFound.map((n) => `not found: ${n}`), ...result.notes], out);
  return 0;
}
