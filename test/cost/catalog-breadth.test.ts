import { BUNDLED_CATALOG } from '../../src/cost/catalog/data/bundled-catalog';
import { BREADTH_SOURCES, BREADTH_US_EAST_1 } from '../../src/cost/catalog/data/us-east-1-breadth';
import { catalogProblem } from '../../src/cost/catalog/load';
import { PriceBook } from '../../src/cost/catalog/price-book';
import { priceKey } from '../../src/cost/catalog/types';

const use1 = BUNDLED_CATALOG.regions['us-east-1'];
const book = new PriceBook(BUNDLED_CATALOG, 'us-east-1');
const EC2_LINUX = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' };
const ec2 = (type: string) => book.resolve({ serviceCode: 'AmazonEC2', usageType: `BoxUsage:${type}`, filters: EC2_LINUX });
const hourly = (q: ReturnType<PriceBook['resolve']>) => q?.tiers[0].usd;

test('the catalog is well formed; every price names a source the catalog lists, every source is used', () => {
  expect(catalogProblem(BUNDLED_CATALOG)).toBeUndefined();
  const ids = BUNDLED_CATALOG.sources.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  const used = new Set(Object.values(BUNDLED_CATALOG.regions).flatMap((prices) => Object.values(prices).map((p) => p.source)));
  for (const p of Object.values(use1)) expect([p.usageType, ids.includes(p.source)]).toEqual([p.usageType, true]);
  for (const s of BREADTH_SOURCES) expect([s.id, used.has(s.id) || BUNDLED_CATALOG.freeTier.some((f) => f.source === s.id)]).toEqual([s.id, true]);
  for (const s of BREADTH_SOURCES) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const f of BUNDLED_CATALOG.freeTier) for (const k of f.appliesTo) expect([f.id, k in use1]).toEqual([f.id, true]);
});

test('a figure the bundled list already held keeps its own source', () => {
  expect(use1[priceKey('AmazonEC2', 'BoxUsage:t3.micro', EC2_LINUX)].source).toBe('ec2-t-micro');
  expect(use1[priceKey('AmazonRDS', 'InstanceUsage:db.r7g.large', { databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ' })].source).toBe('rds-pg-instances');
  expect(BREADTH_US_EAST_1.length).toBeGreaterThan(400);
});

describe('EC2: the families the issue lists, nano or large to 4xlarge', () => {
  const burstable = ['t2', 't3', 't3a', 't4g'];
  const families = ['m5', 'm5a', 'm6i', 'm6g', 'm7i', 'm7g', 'c5', 'c6i', 'c6g', 'c7g', 'r5', 'r6i', 'r6g', 'r7g'];

  test.each(burstable)('%s nano to 2xlarge', (family) => {
    for (const size of ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge']) expect([`${family}.${size}`, ec2(`${family}.${size}`) !== undefined]).toEqual([`${family}.${size}`, true]);
  });

  test.each(families)('%s large to 4xlarge, each size twice the one below (the per-family vCPU rate)', (family) => {
    const prices = ['large', 'xlarge', '2xlarge', '4xlarge'].map((size) => hourly(ec2(`${family}.${size}`)));
    for (const p of prices) expect(p).toBeGreaterThan(0);
    for (let i = 1; i < prices.length; i++) expect(prices[i]).toBeCloseTo(prices[i - 1]! * 2, 6);
  });

  test('figures checked against the published list (us-east-1 Linux on-demand)', () => {
    expect(hourly(ec2('m5.large'))).toBe(0.096);
    expect(hourly(ec2('c6i.large'))).toBe(0.085);
    expect(hourly(ec2('r6g.large'))).toBe(0.1008);
    expect(hourly(ec2('t2.micro'))).toBe(0.0116);
    expect(hourly(ec2('m7i.4xlarge'))).toBe(0.8064);
  });
});

describe('RDS: engines, common classes, Single- and Multi-AZ', () => {
  const classes = [
    'db.t3.micro', 'db.t3.small', 'db.t3.medium', 'db.t3.large', 'db.t4g.micro', 'db.t4g.small', 'db.t4g.medium', 'db.t4g.large',
    ...['db.m5', 'db.m6g', 'db.m6i', 'db.r5', 'db.r6g', 'db.r6i', 'db.r7g'].flatMap((f) => ['large', 'xlarge', '2xlarge', '4xlarge'].map((s) => `${f}.${s}`)),
  ];
  const rds = (engine: string, cls: string, multi: boolean) => book.resolve({
    serviceCode: 'AmazonRDS', usageType: `${multi ? 'Multi-AZUsage' : 'InstanceUsage'}:${cls}`, filters: { databaseEngine: engine, deploymentOption: multi ? 'Multi-AZ' : 'Single-AZ' },
  });

  test.each(['MySQL', 'MariaDB', 'PostgreSQL'])('%s: every common class, Multi-AZ twice Single-AZ', (engine) => {
    for (const cls of classes) {
      const single = hourly(rds(engine, cls, false));
      expect([cls, typeof single]).toEqual([cls, 'number']);
      // Multi-AZ is derived as twice Single-AZ, except where the bundled list holds a Price List figure.
      expect(hourly(rds(engine, cls, true))! / single!).toBeCloseTo(2, 1);
    }
  });

  test('db.m7g for PostgreSQL; db.m5.large MySQL and PostgreSQL differ as the Price List does', () => {
    for (const s of ['large', 'xlarge', '2xlarge', '4xlarge']) expect(hourly(rds('PostgreSQL', `db.m7g.${s}`, false))).toBeGreaterThan(0);
    expect(hourly(rds('MySQL', 'db.m5.large', false))).toBe(0.171);
    expect(hourly(rds('PostgreSQL', 'db.m5.large', false))).toBe(0.178);
  });

  test('storage of every type, Single- and Multi-AZ', () => {
    for (const [single, multi] of [['RDS:GP2-Storage', 'RDS:Multi-AZ-GP2-Storage'], ['RDS:GP3-Storage', 'RDS:Multi-AZ-GP3-Storage'], ['RDS:PIOPS-Storage', 'RDS:Multi-AZ-PIOPS-Storage'], ['RDS:StorageUsage', 'RDS:Multi-AZ-StorageUsage']]) {
      const s = hourly(book.resolve({ serviceCode: 'AmazonRDS', usageType: single, filters: { deploymentOption: 'Single-AZ' } }));
      const m = hourly(book.resolve({ serviceCode: 'AmazonRDS', usageType: multi, filters: { deploymentOption: 'Multi-AZ' } }));
      expect([single, m! / s!]).toEqual([single, 2]);
    }
  });
});

test('Aurora: provisioned classes for both engines, I/O-Optimized 30% above Standard', () => {
  for (const databaseEngine of ['Aurora MySQL', 'Aurora PostgreSQL']) {
    for (const cls of ['db.t3.medium', 'db.t4g.medium', 'db.r5.large', 'db.r6g.large', 'db.r6g.4xlarge', 'db.r7g.large']) {
      const std = hourly(book.resolve({ serviceCode: 'AmazonRDS', usageType: `InstanceUsage:${cls}`, filters: { databaseEngine } }))!;
      const io = hourly(book.resolve({ serviceCode: 'AmazonRDS', usageType: `InstanceUsageIOOptimized:${cls}`, filters: { databaseEngine } }))!;
      expect([cls, io / std]).toEqual([cls, expect.closeTo(1.3, 6)]);
    }
  }
});

test('ElastiCache: t3, m5, m6g, r6g, r7g for Redis OSS, Valkey and Memcached', () => {
  for (const cacheEngine of ['Redis', 'Valkey', 'Memcached']) {
    for (const type of ['cache.t3.micro', 'cache.t3.medium', 'cache.m5.large', 'cache.m6g.xlarge', 'cache.r6g.2xlarge', 'cache.r7g.large']) {
      expect([cacheEngine, type, hourly(book.resolve({ serviceCode: 'AmazonElastiCache', usageType: `NodeUsage:${type}`, filters: { cacheEngine } })) !== undefined]).toEqual([cacheEngine, type, true]);
    }
  }
});
