import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { bundledCatalog } from './load';
import { RawDimension, tiersFromDimensions } from './price-list';
import { BASE_REGION, REGION_USAGE_PREFIX, regionProblem, regionalUsageType } from './regions';
import { CatalogPrice, CatalogSource, PricingCatalog } from './types';

/**
 * Rebuilding the catalog from the AWS Price List bulk offer files: the public per-service,
 * per-region files (`https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<OfferCode>/current/<region>/index.csv`
 * or `index.json`) that need no AWS account. Both formats are read as streams (the EC2 file
 * is several GB): CSV line by line, JSON with a small scanner that parses one product or one
 * on-demand term at a time. Only on-demand terms of the usage types the catalog prices are kept.
 *
 * Not part of the jsii API: the CLI imports it from `cdk-infra-engineer/lib/cost/catalog/offer-files`.
 */

export interface OfferFilesOptions {
  /** Regions to build. Default: every known region the files hold prices for. */
  readonly regions?: string[];
  /** The catalog whose dimensions are looked up, and whose figures are kept where the files have none. Default: the bundled catalog. */
  readonly baseCatalog?: PricingCatalog;
  /** Today's date (ISO), for the catalog version when no file gives a publication date. */
  readonly today?: string;
  /** Bytes read at a time (default 1 MiB); small values exercise the stream's chunk boundaries in tests. */
  readonly chunkBytes?: number;
}

export interface OfferFileSummary {
  readonly file: string;
  readonly format: 'csv' | 'json';
  readonly offerCode: string;
  readonly version: string;
  readonly publicationDate: string;
  /** On-demand price rows (CSV) or products (JSON) read. */
  readonly rows: number;
  /** Of them, those that matched a catalog dimension. */
  readonly matched: number;
}

export interface OfferFilesRefresh {
  /** The catalog: the base catalog with every price found replaced, in the bundled catalog's format. */
  readonly catalog: PricingCatalog;
  /** The regions built. */
  readonly regions: string[];
  readonly files: OfferFileSummary[];
  /** Dimensions priced from the files. */
  readonly found: number;
  /** Dimensions the files of their service and region did not hold: `eu-west-1 AWSQueueService Requests-RBP (kept the previous figure)`. */
  readonly notFound: string[];
  /** Ambiguous matches, free allowances found in prices, services with no file, skipped files. */
  readonly notes: string[];
}

interface Wanted {
  readonly key: string;
  readonly price: CatalogPrice;
}

interface Match {
  readonly sku: string;
  readonly dims: RawDimension[];
  readonly effectiveDate: string;
  readonly file: OfferFileSummary;
}

/** Attribute names compared the way both formats allow: `Operating System` (CSV) = `operatingSystem` (JSON). */
const norm = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Location names of offer files older than their `regionCode` attribute. */
const LOCATIONS: { [location: string]: string } = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'Canada (Central)': 'ca-central-1',
  'South America (Sao Paulo)': 'sa-east-1',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'EU (Frankfurt)': 'eu-central-1',
  'EU (Stockholm)': 'eu-north-1',
  'EU (Milan)': 'eu-south-1',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Osaka)': 'ap-northeast-3',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Asia Pacific (Hong Kong)': 'ap-east-1',
  'Middle East (Bahrain)': 'me-south-1',
  'Africa (Cape Town)': 'af-south-1',
};

/** Builds the catalog from offer files (paths of files, or directories searched for `.csv` and `.json`). */
export async function refreshCatalogFromOfferFiles(paths: string[], options: OfferFilesOptions = {}): Promise<OfferFilesRefresh> {
  const base = options.baseCatalog ?? bundledCatalog();
  for (const region of options.regions ?? []) {
    const problem = regionProblem(region);
    if (problem) throw new Error(`regions: ${problem}`);
  }
  const files = paths.flatMap((p) => offerFilePaths(p));
  if (files.length === 0) throw new Error(`no offer files (.csv or .json) found in ${paths.join(', ') || '(no paths)'}`);
  const dimensions = Object.entries(base.regions[BASE_REGION] ?? {}).map(([key, price]) => ({ key, price }));
  const index = new DimensionIndex(dimensions, Object.keys(REGION_USAGE_PREFIX));
  const matches = new Map<string, Match[]>();
  const covered = new Set<string>();
  const summaries: OfferFileSummary[] = [];
  const notes: string[] = [];
  const onMatch = (region: string, key: string, m: Match) => {
    const id = `${region} ${key}`;
    const list = matches.get(id) ?? [];
    list.push(m);
    matches.set(id, list);
  };
  for (const file of files) {
    try {
      const chunk = options.chunkBytes ?? 1_048_576;
      const summary = file.endsWith('.json') ? await readJsonOffer(file, index, onMatch, covered, chunk) : await readCsvOffer(file, index, onMatch, covered, chunk);
      summaries.push(summary);
    } catch (e) {
      notes.push(`skipped ${file}: ${(e as Error).message}`);
    }
  }

  const regions = options.regions ?? [...new Set([...covered].map((c) => c.split(' ')[0]).filter((r) => r in REGION_USAGE_PREFIX))].sort();
  const sources = new Map<string, CatalogSource>(base.sources.map((s) => [s.id, s]));
  const regionPrices: { [region: string]: { [key: string]: CatalogPrice } } = {};
  const notFound: string[] = [];
  const noFile = new Map<string, number>();
  let found = 0;
  for (const region of regions) {
    const prices: { [key: string]: CatalogPrice } = { ...(base.regions[region] ?? {}) };
    for (const { key, price } of dimensions) {
      const global = price.usageTypeStyle === 'global';
      if (global && region !== BASE_REGION) continue;
      const usageType = regionalUsageType(region, price.usageType, price.usageTypeStyle);
      if (!covered.has(`${global ? '*' : region} ${price.serviceCode}`)) {
        noFile.set(`${region} ${price.serviceCode}`, (noFile.get(`${region} ${price.serviceCode}`) ?? 0) + 1);
        continue;
      }
      const candidates = matches.get(`${global ? '*' : region} ${key}`) ?? [];
      const chosen = pick(candidates, `${region} ${price.serviceCode} ${usageType}`, notes);
      if (!chosen) {
        notFound.push(`${region} ${price.serviceCode} ${usageType}${filterText(price)}${prices[key] ? ' (kept the previous figure)' : ''}`);
        continue;
      }
      const { tiers, freeUnits, unit } = tiersFromDimensions(chosen.dims);
      if (freeUnits > 0) notes.push(`free allowance in the Price List: ${region} ${price.serviceCode} ${usageType}, first ${freeUnits} ${unit} at $0 (kept apart from the price; check the catalog's freeTier)`);
      const sourceId = `offer-file:${chosen.sku}`;
      sources.set(sourceId, {
        id: sourceId,
        description: `AWS Price List bulk offer file ${chosen.file.offerCode} (version ${chosen.file.version}, published ${chosen.file.publicationDate.slice(0, 10)}), SKU ${chosen.sku} (${usageType})`,
        date: (chosen.effectiveDate || chosen.file.publicationDate || options.today || '').slice(0, 10),
      });
      prices[key] = { ...price, unit: unit || price.unit, tiers, source: sourceId };
      found++;
    }
    regionPrices[region] = prices;
  }
  for (const [what, count] of noFile) notes.push(`no offer file for ${what}: its ${count} dimension(s) keep their previous figures`);

  const published = summaries.map((s) => s.publicationDate.slice(0, 10)).filter(Boolean).sort();
  const effectiveDate = published[published.length - 1] ?? options.today ?? base.effectiveDate;
  const catalog: PricingCatalog = {
    ...base,
    version: `${effectiveDate.replace(/-/g, '.')}-offer-files`,
    effectiveDate,
    sources: [...sources.values()],
    regions: { ...base.regions, ...regionPrices },
  };
  return { catalog, regions, files: summaries, found, notFound, notes };
}

/** Files under a path: the file itself, or every `.csv` / `.json` below a directory. */
function offerFilePaths(p: string): string[] {
  const stat = fs.statSync(p);
  if (stat.isFile()) return [p];
  return fs.readdirSync(p).sort().flatMap((name) => {
    const child = path.join(p, name);
    if (fs.statSync(child).isDirectory()) return offerFilePaths(child);
    return /\.(csv|json)$/i.test(name) ? [child] : [];
  });
}

/** One product per dimension; when several products match, the first, noting it (as the Query API refresh does). */
function pick(candidates: Match[], what: string, notes: string[]): Match | undefined {
  const skus = [...new Map(candidates.map((c) => [c.sku, c])).values()];
  if (skus.length > 1) notes.push(`ambiguous: ${what} matched ${skus.length} products; used SKU ${skus[0].sku}`);
  return skus[0];
}

function filterText(price: CatalogPrice): string {
  return price.filters ? ` (${Object.entries(price.filters).map(([k, v]) => `${k}=${v}`).join(', ')})` : '';
}

/** The catalog's dimensions by service code and full usage type, per region. */
class DimensionIndex {
  private readonly byUsage = new Map<string, Array<{ region: string; wanted: Wanted }>>();
  /** Usage types wanted per service code, for a cheap test before parsing a row. */
  public readonly usageTypes = new Map<string, Set<string>>();

  constructor(dimensions: Wanted[], regions: string[]) {
    for (const wanted of dimensions) {
      const { serviceCode, usageType, usageTypeStyle } = wanted.price;
      const targets = usageTypeStyle === 'global' ? [{ region: '*', usageType }] : regions.map((region) => ({ region, usageType: regionalUsageType(region, usageType, usageTypeStyle) }));
      for (const t of targets) {
        const id = `${serviceCode} ${t.usageType}`;
        const list = this.byUsage.get(id) ?? [];
        list.push({ region: t.region, wanted });
        this.byUsage.set(id, list);
        const set = this.usageTypes.get(serviceCode) ?? new Set<string>();
        set.add(t.usageType);
        this.usageTypes.set(serviceCode, set);
      }
    }
  }

  /** The dimensions a product (its normalized attributes) prices, with their region ('*' for global ones). */
  public match(serviceCode: string, attributes: Map<string, string>): Array<{ region: string; wanted: Wanted }> {
    const usageType = attributes.get('usagetype');
    if (!usageType) return [];
    const region = attributes.get('regioncode') || LOCATIONS[attributes.get('location') ?? ''];
    return (this.byUsage.get(`${serviceCode} ${usageType}`) ?? []).filter((c) =>
      (c.region === '*' || c.region === region)
      && Object.entries(c.wanted.price.filters ?? {}).every(([k, v]) => attributes.get(norm(k)) === v));
  }
}

type OnMatch = (region: string, key: string, match: Match) => void;

/** Marks the (region, service) pairs a file holds prices for: what its absence of a dimension means something for. */
function cover(covered: Set<string>, serviceCode: string, attributes: Map<string, string>): void {
  const region = attributes.get('regioncode') || LOCATIONS[attributes.get('location') ?? ''];
  covered.add(`${region ?? '*'} ${serviceCode}`);
  covered.add(`* ${serviceCode}`);
}

// --- CSV -------------------------------------------------------------------------------------

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function newSummary(file: string, format: 'csv' | 'json'): Mutable<OfferFileSummary> {
  return { file, format, offerCode: '', version: '', publicationDate: '', rows: 0, matched: 0 };
}

/** Reads a CSV offer file line by line: five metadata rows, a header row, then one row per price dimension (tier). */
async function readCsvOffer(
  file: string, index: DimensionIndex, onMatch: OnMatch, covered: Set<string>, chunkBytes: number,
): Promise<OfferFileSummary> {
  const summary = newSummary(file, 'csv');
  const meta: { [k: string]: string } = {};
  const bySku = new Map<string, Match>();
  let header: string[] | undefined;
  let col: { [name: string]: number } = {};
  let pending = '';
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes }), crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = pending ? `${pending}\n${raw}` : raw;
    if (quoteCount(line) % 2 === 1) {
      pending = line; // a quoted field spans lines
      continue;
    }
    pending = '';
    if (!header) {
      const cells = parseCsvLine(line);
      if (cells[0] === 'SKU') {
        header = cells;
        col = Object.fromEntries(cells.map((c, i) => [c, i]));
        for (const needed of ['TermType', 'StartingRange', 'EndingRange', 'Unit', 'PricePerUnit', 'Currency']) {
          if (col[needed] === undefined) throw new Error(`the header row has no ${needed} column: not a Price List offer file`);
        }
        summary.offerCode = meta.OfferCode ?? '';
        summary.version = meta.Version ?? '';
        summary.publicationDate = meta['Publication Date'] ?? '';
      } else if (cells.length === 2) {
        meta[cells[0]] = cells[1];
      }
      continue;
    }
    if (!line.includes('"OnDemand"')) continue;
    const wantedTypes = index.usageTypes.get(summary.offerCode);
    if (!wantedTypes) continue;
    const cells = parseCsvLine(line);
    if (cells[col.TermType] !== 'OnDemand') continue;
    summary.rows++;
    // Only the columns needed to decide come first; the full attribute map only for wanted usage types.
    const serviceCode = cells[col.serviceCode] || summary.offerCode;
    const region = cells[col['Region Code']] || LOCATIONS[cells[col.Location]];
    covered.add(`${region ?? '*'} ${serviceCode}`).add(`* ${serviceCode}`);
    if (!wantedTypes.has(cells[col.usageType] ?? '') || cells[col.Currency] !== 'USD') continue;
    const attributes = new Map<string, string>();
    for (let i = 0; i < header.length; i++) if (cells[i]) attributes.set(norm(header[i]), cells[i]);
    const found = index.match(serviceCode, attributes);
    if (found.length === 0) continue;
    summary.matched++;
    const sku = cells[col.SKU];
    const dim: RawDimension = {
      beginRange: cells[col.StartingRange], endRange: cells[col.EndingRange], usd: cells[col.PricePerUnit], unit: cells[col.Unit],
    };
    for (const f of found) {
      // A tiered price is several rows of one SKU: they add to that SKU's match.
      const id = `${f.region} ${f.wanted.key} ${sku}`;
      const existing = bySku.get(id);
      if (existing) {
        existing.dims.push(dim);
        continue;
      }
      const match: Match = { sku, dims: [dim], effectiveDate: (cells[col.EffectiveDate] ?? '').slice(0, 10), file: summary };
      bySku.set(id, match);
      onMatch(f.region, f.wanted.key, match);
    }
  }
  if (!header) throw new Error('no header row starting with "SKU": not a Price List CSV offer file');
  return summary;
}

function quoteCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) n++;
  return n;
}

/** Splits one CSV line of quoted (or bare) fields; `""` inside quotes is a quote. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q === -1) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i = line.indexOf(',', i) === -1 ? line.length + 1 : line.indexOf(',', i) + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

// --- JSON ------------------------------------------------------------------------------------

/**
 * Reads a JSON offer file as a stream: a scanner tracks strings and nesting and hands each
 * `products.<sku>` and `terms.OnDemand.<sku>` object to JSON.parse on its own, so memory holds
 * one product at a time plus the matched ones (AWS writes products before terms).
 */
async function readJsonOffer(
  file: string, index: DimensionIndex, onMatch: OnMatch, covered: Set<string>, chunkBytes: number,
): Promise<OfferFileSummary> {
  const meta: { [k: string]: string } = {};
  const kept = new Map<string, { serviceCode: string; found: Array<{ region: string; wanted: Wanted }> }>();
  const summary = newSummary(file, 'json');
  const scanner = new OfferJsonScanner(
    (key, value) => { meta[key] = value; },
    (product) => {
      summary.rows++;
      const attrs = new Map<string, string>();
      for (const [k, v] of Object.entries(product.attributes ?? {})) if (typeof v === 'string') attrs.set(norm(k), v);
      if (typeof product.productFamily === 'string') attrs.set('productfamily', product.productFamily);
      const serviceCode = attrs.get('servicecode') ?? meta.offerCode ?? '';
      cover(covered, serviceCode, attrs);
      if (!index.usageTypes.get(serviceCode)?.has(attrs.get('usagetype') ?? '')) return;
      const found = index.match(serviceCode, attrs);
      if (found.length > 0 && typeof product.sku === 'string') kept.set(product.sku, { serviceCode, found });
    },
    (sku, terms) => {
      const product = kept.get(sku);
      if (!product) return;
      const term: any = Object.values(terms ?? {})[0];
      const dims: RawDimension[] = Object.values(term?.priceDimensions ?? {})
        .map((d: any) => ({ beginRange: d.beginRange, endRange: d.endRange, usd: d.pricePerUnit?.USD, unit: d.unit }));
      if (dims.length === 0 || dims.some((d) => d.usd === undefined)) return;
      summary.matched++;
      for (const f of product.found) onMatch(f.region, f.wanted.key, { sku, dims, effectiveDate: String(term.effectiveDate ?? '').slice(0, 10), file: summary });
    },
  );
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes })) scanner.write(chunk as string);
  scanner.end();
  if (!meta.offerCode) throw new Error('no top-level offerCode: not a Price List JSON offer file');
  summary.offerCode = meta.offerCode;
  summary.version = meta.version ?? '';
  summary.publicationDate = meta.publicationDate ?? '';
  return summary;
}

/** A streaming scanner for the offer file's JSON shape; see readJsonOffer. */
class OfferJsonScanner {
  private depth = 0;
  private readonly keys: string[] = [];
  private inString = false;
  private escaped = false;
  private stringStart = -1;
  private stringParts: string[] = [];
  private lastString: string | undefined;
  private expectingValue = false;
  private capture: { depth: number; parts: string[]; start: number; kind: 'product' | 'term'; sku: string } | undefined;

  constructor(
    private readonly onMeta: (key: string, value: string) => void,
    private readonly onProduct: (product: any) => void,
    private readonly onTerm: (sku: string, terms: any) => void,
  ) {}

  public write(chunk: string): void {
    const keepString = () => !this.capture && this.depth <= 3;
    let backslash = -1; // the next backslash at or after i (chunk.length when none), found lazily
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString) {
        // Jump to the closing quote: strings are most of the file, so they are not walked char by char.
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        if (backslash < i) {
          backslash = chunk.indexOf('\\', i);
          if (backslash === -1) backslash = chunk.length;
        }
        const q = chunk.indexOf('"', i);
        if (backslash < (q === -1 ? chunk.length : q)) {
          i = backslash;
          this.escaped = true;
          continue;
        }
        if (q === -1) break;
        i = q;
        this.inString = false;
        if (this.stringStart >= 0) {
          this.stringParts.push(chunk.slice(this.stringStart, i));
          const raw = this.stringParts.join('');
          this.lastString = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
          this.stringStart = -1;
          if (this.expectingValue && this.depth === 1) this.onMeta(this.keys[1], this.lastString!);
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      switch (c) {
        case 34: // "
          this.inString = true;
          if (keepString()) {
            this.stringStart = i + 1;
            this.stringParts = [];
          }
          break;
        case 58: // :
          this.keys[this.depth] = this.lastString ?? '';
          this.expectingValue = true;
          break;
        case 44: // ,
          this.expectingValue = false;
          break;
        case 123: // {
        case 91: // [
          if (!this.capture && c === 123) this.startCaptureAt(i);
          this.depth++;
          this.expectingValue = false;
          break;
        case 125: // }
        case 93: // ]
          this.depth--;
          if (this.capture && this.depth === this.capture.depth) this.finishCapture(chunk, i);
          break;
        default:
      }
    }
    if (this.capture) {
      this.capture.parts.push(chunk.slice(this.capture.start));
      this.capture.start = 0;
    }
    if (this.inString && this.stringStart >= 0) {
      this.stringParts.push(chunk.slice(this.stringStart));
      this.stringStart = 0;
    }
  }

  public end(): void {
    if (this.depth !== 0) throw new Error('the JSON ends inside an object: truncated offer file');
  }

  /** Starts capturing `products.<sku>` (at depth 2) and `terms.OnDemand.<sku>` (at depth 3). */
  private startCaptureAt(i: number): void {
    const d = this.depth;
    if (d === 2 && this.keys[1] === 'products') this.capture = { depth: d, parts: [], start: i, kind: 'product', sku: this.keys[2] };
    else if (d === 3 && this.keys[1] === 'terms' && this.keys[2] === 'OnDemand') this.capture = { depth: d, parts: [], start: i, kind: 'term', sku: this.keys[3] };
  }

  private finishCapture(chunk: string, i: number): void {
    const cap = this.capture!;
    cap.parts.push(chunk.slice(cap.start, i + 1));
    this.capture = undefined;
    const value = JSON.parse(cap.parts.join(''));
    if (cap.kind === 'product') this.onProduct(value);
    else this.onTerm(cap.sku, value);
  }
}
