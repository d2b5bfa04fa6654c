import * as fs from 'fs';
import { Filter, GetProductsCommand, GetProductsCommandOutput, PricingClient } from '@aws-sdk/client-pricing';
import { BUNDLED_CATALOG } from 'cdk-infra-engineer/lib/cost/catalog/data/bundled-catalog';
import { diffCatalogs, parsePriceListEntry } from 'cdk-infra-engineer/lib/cost/catalog/price-list';
import { BASE_REGION, regionalUsageType } from 'cdk-infra-engineer/lib/cost/catalog/regions';
import { CatalogPrice, CatalogSource, PricingCatalog } from 'cdk-infra-engineer/lib/cost/catalog/types';
import { CREDENTIALS_ADVICE, checkCredentialHints, checkedRegions } from '../aws/preflight';
import { CliError, CliIo } from '../io';
import { printSummary, writeCatalog } from './catalog-output';

/** The part of the Pricing client the refresh uses (a mock in tests). */
export interface PricingApi {
  send(command: GetProductsCommand): Promise<GetProductsCommandOutput>;
}

export interface RefreshDeps {
  readonly client: PricingApi;
  /** Resolves AWS credentials; rejects when there are none. */
  readonly resolveCredentials: () => Promise<unknown>;
  readonly sleep: (ms: number) => Promise<void>;
  readonly today: () => string;
  readonly baseCatalog: PricingCatalog;
  /** Whether a file exists (for ~/.aws/credentials); the real file system by default. */
  readonly fileExists: (file: string) => boolean;
}

export interface RefreshOptions {
  readonly regions: string[];
  /** Where to write the catalog: `.json`, or `.ts` for a module like the bundled one. */
  readonly out?: string;
}

const MAX_ATTEMPTS = 6;
const CREDENTIALS_TIMEOUT_MS = 5000;

/**
 * `pricing refresh --regions r1,r2 [--out file]`: rebuilds the catalog's prices from the AWS
 * Price List Query API (GetProducts in us-east-1, TERM_MATCH on region code and usage type,
 * paginated), shows progress on stderr and prints what changed.
 */
export async function runPricingRefresh(options: RefreshOptions, io: CliIo, overrides: Partial<RefreshDeps> = {}): Promise<number> {
  const regions = checkedRegions(options.regions);
  const deps = defaults(overrides);
  await checkCredentials(io, deps);

  const base = deps.baseCatalog;
  const dimensions = Object.values(base.regions[BASE_REGION] ?? {});
  const jobs = regions.flatMap((region) => dimensions
    .filter((d) => d.usageTypeStyle !== 'global' || region === BASE_REGION)
    .map((d) => ({ region, dimension: d })));
  const regionPrices: { [region: string]: { [key: string]: CatalogPrice } } = {};
  const sources = new Map<string, CatalogSource>(base.sources.map((s) => [s.id, s]));
  const notes: string[] = [];
  const today = deps.today();
  const progress = progressBar(io, jobs.length);
  for (const [i, { region, dimension }] of jobs.entries()) {
    progress(i, `${region} ${dimension.serviceCode} ${dimension.usageType}`);
    const usageType = regionalUsageType(region, dimension.usageType, dimension.usageTypeStyle);
    const entries = await getAllProducts(deps, dimension, region, usageType);
    const prices = regionPrices[region] ?? (regionPrices[region] = {});
    const key = Object.keys(base.regions[BASE_REGION]).find((k) => base.regions[BASE_REGION][k] === dimension)!;
    if (entries.length === 0) {
      const old = base.regions[region]?.[key];
      if (old) prices[key] = old;
      notes.push(`not found: ${region} ${dimension.serviceCode} ${usageType}${old ? ' (kept the previous figure)' : ''}`);
      continue;
    }
    const parsed = parsePriceListEntry(entries[0]);
    if (entries.length > 1) notes.push(`ambiguous: ${region} ${dimension.serviceCode} ${usageType} matched ${entries.length} products; used SKU ${parsed.sku}`);
    if (parsed.freeUnits > 0) notes.push(`free allowance in the Price List: ${region} ${dimension.serviceCode} ${usageType}, first ${parsed.freeUnits} ${parsed.unit} at $0 (kept apart from the price; check the catalog's freeTier)`);
    const sourceId = `price-list:${parsed.sku}`;
    sources.set(sourceId, { id: sourceId, description: `AWS Price List Query API, ${dimension.serviceCode} SKU ${parsed.sku} (${parsed.usageType})`, date: parsed.effectiveDate || today });
    prices[key] = { ...dimension, unit: parsed.unit || dimension.unit, tiers: parsed.tiers, source: sourceId };
  }
  progress(jobs.length, 'done');

  const refreshed: PricingCatalog = {
    ...base,
    version: `${today.replace(/-/g, '.')}-refresh`,
    effectiveDate: today,
    sources: [...sources.values()],
    regions: { ...base.regions, ...regionPrices },
  };
  const out = options.out ?? 'pricing-catalog.json';
  writeCatalog(io, out, refreshed, 'AWS Price List Query API');
  printSummary(io, diffCatalogs(base, refreshed, regions), notes, out);
  return 0;
}

function defaults(overrides: Partial<RefreshDeps>): RefreshDeps {
  const client = overrides.client ?? new PricingClient({ region: 'us-east-1', maxAttempts: 1 });
  return {
    client,
    resolveCredentials: overrides.resolveCredentials ?? (() => (client as PricingClient).config.credentials()),
    sleep: overrides.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    today: overrides.today ?? (() => new Date().toISOString().slice(0, 10)),
    baseCatalog: overrides.baseCatalog ?? BUNDLED_CATALOG,
    fileExists: overrides.fileExists ?? ((file) => fs.existsSync(file)),
  };
}

/** Resolves the credentials (bounded in time) before any Price List call. */
async function checkCredentials(io: CliIo, deps: RefreshDeps): Promise<void> {
  checkCredentialHints(io.env, deps.fileExists);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.resolveCredentials(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${CREDENTIALS_TIMEOUT_MS / 1000} s`)), CREDENTIALS_TIMEOUT_MS); }),
    ]);
  } catch (e) {
    throw new CliError(`AWS credentials could not be resolved (${firstLine(e)}): ${CREDENTIALS_ADVICE}`);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Every PriceList entry for a dimension in a region, following NextToken, retrying throttling. */
async function getAllProducts(deps: RefreshDeps, dimension: CatalogPrice, region: string, usageType: string): Promise<string[]> {
  const filters: Filter[] = [
    ...(dimension.usageTypeStyle === 'global' ? [] : [{ Type: 'TERM_MATCH' as const, Field: 'regionCode', Value: region }]),
    { Type: 'TERM_MATCH', Field: 'usagetype', Value: usageType },
    ...Object.entries(dimension.filters ?? {}).map(([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value })),
  ];
  const entries: string[] = [];
  let nextToken: string | undefined;
  do {
    const input = { ServiceCode: dimension.serviceCode, Filters: filters, FormatVersion: 'aws_v1', MaxResults: 100, ...(nextToken ? { NextToken: nextToken } : {}) };
    const page = await withRetry(deps, () => deps.client.send(new GetProductsCommand(input)));
    for (const entry of page.PriceList ?? []) entries.push(typeof entry === 'string' ? entry : JSON.stringify(entry));
    nextToken = page.NextToken;
  } while (nextToken);
  return entries;
}

async function withRetry<T>(deps: RefreshDeps, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
      const throttled = ['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'].includes(err.name ?? '')
        || err.$metadata?.httpStatusCode === 429;
      if (throttled && attempt < MAX_ATTEMPTS) {
        await deps.sleep(200 * 2 ** (attempt - 1));
        continue;
      }
      if (['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'AccessDeniedException'].includes(err.name ?? '')) {
        throw new CliError(`the AWS Price List Query API rejected the request: ${firstLine(e)}`);
      }
      throw new CliError(`GetProducts failed${throttled ? ` after ${MAX_ATTEMPTS} throttled attempts` : ''}: ${firstLine(e)}`);
    }
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

/** A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise. */
function progressBar(io: CliIo, total: number): (done: number, label: string) => void {
  let lastTenth = -1;
  return (done, label) => {
    const fraction = total === 0 ? 1 : done / total;
    const filled = Math.round(fraction * 30);
    const text = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${done}/${total} ${label}`;
    if (io.errIsTty) {
      io.errRaw(`\r${text.padEnd(100).slice(0, 100)}`);
      if (done === total) io.errRaw('\n');
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth !== lastTenth) io.errRaw(text + '\n');
      lastTenth = tenth;
    }
  };
}
