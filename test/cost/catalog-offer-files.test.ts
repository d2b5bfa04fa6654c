import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUNDLED_CATALOG } from '../../src/cost/catalog/data/bundled-catalog';
import { catalogProblem } from '../../src/cost/catalog/load';
import { OfferFilesRefresh, parseCsvLine, refreshCatalogFromOfferFiles } from '../../src/cost/catalog/offer-files';
import { priceKey } from '../../src/cost/catalog/types';

// Extracts of the public bulk offer files, in their real format: CSV with five metadata rows and
// the header row (AmazonEC2, AWSQueueService), JSON with products before terms (AmazonRDS).
const FIXTURES = path.join(__dirname, 'fixtures', 'offer-files');
const EC2_LINUX = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' };
const M5 = priceKey('AmazonEC2', 'BoxUsage:m5.large', EC2_LINUX);
const GP2 = priceKey('AmazonEC2', 'EBS:VolumeUsage.gp2');
const SQS = priceKey('AWSQueueService', 'Requests-RBP');
const MYSQL = priceKey('AmazonRDS', 'InstanceUsage:db.m5.large', { databaseEngine: 'MySQL', deploymentOption: 'Single-AZ' });
const PG = priceKey('AmazonRDS', 'InstanceUsage:db.m5.large', { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' });

describe('refreshCatalogFromOfferFiles on a directory of CSV and JSON extracts', () => {
  let r: OfferFilesRefresh;
  beforeAll(async () => {
    r = await refreshCatalogFromOfferFiles([FIXTURES], { today: '2026-12-01' });
  });

  test('builds the regions the files hold, in the bundled catalog\'s format', () => {
    expect(r.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(catalogProblem(r.catalog)).toBeUndefined();
    expect(r.catalog.effectiveDate).toBe('2026-09-24');
    expect(r.catalog.version).toBe('2026.09.24-offer-files');
    expect(r.files.map((f) => [path.basename(path.dirname(f.file)), f.format, f.offerCode, f.version])).toEqual([
      ['AWSQueueService', 'csv', 'AWSQueueService', '20250828180641'],
      ['AmazonEC2', 'csv', 'AmazonEC2', '20260924211011'],
      ['AmazonRDS', 'json', 'AmazonRDS', '20260924211011'],
    ]);
  });

  test('keeps only on-demand Linux/shared rows of the usage types the catalog prices, per region', () => {
    const use1 = r.catalog.regions['us-east-1'];
    expect(use1[M5].tiers).toEqual([{ beginRange: 0, endRange: null, usd: 0.096 }]);
    expect(r.catalog.regions['eu-west-1'][M5].tiers).toEqual([{ beginRange: 0, endRange: null, usd: 0.107 }]);
    expect(use1[GP2].tiers[0].usd).toBe(0.1);
    const source = r.catalog.sources.find((s) => s.id === use1[M5].source)!;
    expect(source).toEqual({
      id: 'offer-file:2DUK7T6KN5AYDKMD',
      description: 'AWS Price List bulk offer file AmazonEC2 (version 20260924211011, published 2026-09-24), SKU 2DUK7T6KN5AYDKMD (BoxUsage:m5.large)',
      date: '2026-09-01',
    });
    // The RHEL product of the same usage type and the Reserved term are not taken.
    expect(r.notes.some((n) => n.startsWith('ambiguous: us-east-1 AmazonEC2 BoxUsage:m5.large'))).toBe(false);
  });

  test('tiers from several CSV rows of one SKU; a leading $0 tier becomes a free allowance', () => {
    expect(r.catalog.regions['us-east-1'][SQS].tiers).toEqual([
      { beginRange: 0, endRange: 100000000000000, usd: 0.0000004 },
      { beginRange: 100000000000000, endRange: null, usd: 0.0000003 },
    ]);
    expect(r.notes).toContain('free allowance in the Price List: us-east-1 AWSQueueService Requests-RBP, first 1000000 Requests at $0 (kept apart from the price; check the catalog\'s freeTier)');
  });

  test('JSON products and on-demand terms, whatever the strings hold; Reserved terms are ignored', () => {
    expect(r.catalog.regions['us-east-1'][MYSQL].tiers[0].usd).toBe(0.171);
    expect(r.catalog.regions['us-east-1'][PG].tiers[0].usd).toBe(0.178);
    expect(r.files[2]).toMatchObject({ rows: 3, matched: 3 });
  });

  test('reports what the given files do not hold and keeps the previous figures', () => {
    expect(r.notFound).toContain('us-east-1 AmazonEC2 BoxUsage:t3.micro (operatingSystem=Linux, tenancy=Shared, preInstalledSw=NA, capacitystatus=Used) (kept the previous figure)');
    expect(r.catalog.regions['us-east-1'][priceKey('AmazonEC2', 'BoxUsage:t3.micro', EC2_LINUX)]).toEqual(BUNDLED_CATALOG.regions['us-east-1'][priceKey('AmazonEC2', 'BoxUsage:t3.micro', EC2_LINUX)]);
    expect(r.notes).toContainEqual(expect.stringMatching(/^no offer file for us-east-1 AWSLambda: its \d+ dimension\(s\) keep their previous figures$/));
    expect(r.found).toBe(7);
  });
});

test('reads the same prices when the stream delivers a few bytes at a time', async () => {
  const small = await refreshCatalogFromOfferFiles([path.join(FIXTURES, 'AmazonRDS', 'index.json'), path.join(FIXTURES, 'AmazonEC2', 'index.csv')], { chunkBytes: 7, regions: ['us-east-1'] });
  expect(small.regions).toEqual(['us-east-1']);
  expect(small.catalog.regions['us-east-1'][PG].tiers[0].usd).toBe(0.178);
  expect(small.catalog.regions['us-east-1'][M5].tiers[0].usd).toBe(0.096);
  expect(small.found).toBe(5);
});

test('a file that is not an offer file is skipped with a note; no files at all is an error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offer-'));
  fs.writeFileSync(path.join(dir, 'notes.csv'), 'a,b\n1,2\n');
  fs.writeFileSync(path.join(dir, 'cut.json'), '{"offerCode":"AmazonEC2","products":{"X":{"sku":"X"');
  const r = await refreshCatalogFromOfferFiles([dir]);
  expect(r.notes).toEqual([
    expect.stringMatching(/^skipped .*cut\.json: the JSON ends inside an object: truncated offer file$/),
    expect.stringMatching(/^skipped .*notes\.csv: no header row starting with "SKU": not a Price List CSV offer file$/),
  ]);
  expect(r.found).toBe(0);
  fs.writeFileSync(path.join(dir, 'empty.txt'), '');
  fs.rmSync(path.join(dir, 'notes.csv'));
  fs.rmSync(path.join(dir, 'cut.json'));
  await expect(refreshCatalogFromOfferFiles([dir])).rejects.toThrow(/no offer files \(\.csv or \.json\) found in/);
  await expect(refreshCatalogFromOfferFiles([FIXTURES], { regions: ['ap-mars-1'] })).rejects.toThrow(/regions: region 'ap-mars-1' is not a region the estimator knows/);
});

test('parseCsvLine: quoted fields with commas and doubled quotes', () => {
  expect(parseCsvLine('"a","b, c","say ""hi""","",x')).toEqual(['a', 'b, c', 'say "hi"', '', 'x']);
});
