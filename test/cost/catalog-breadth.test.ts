import { CostEstimator, ResourceCostStatus } from '../../src/cost';
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

describe('every family and engine of the issue\'s "Catalog breadth", priced through estimateTemplate (us-east-1)', () => {
  const H = 730;
  type Res = { [id: string]: { Type: string; Properties?: any } };
  const rds = (Engine: string, DBInstanceClass: string, more: object = {}) => ({ Type: 'AWS::RDS::DBInstance', Properties: { Engine, DBInstanceClass, AllocatedStorage: 100, StorageType: 'gp2', ...more } });
  const instance = (InstanceType: string) => ({ Type: 'AWS::EC2::Instance', Properties: { InstanceType } });
  const aurora = (Engine: string, cls: string, cluster: object = {}): Res => ({
    C: { Type: 'AWS::RDS::DBCluster', Properties: { Engine, ...cluster } },
    R: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'C' }, DBInstanceClass: cls } },
  });
  // [case, resources (the one checked is R), line item that must be there, its monthly cost (undefined: only > 0)]
  const CASES: Array<[string, Res, string, number | undefined]> = [
    ...['t2.micro', 't3.small', 't3a.medium', 't4g.nano', 'm5.large', 'm5a.xlarge', 'm6i.2xlarge', 'm6g.4xlarge', 'm7i.large', 'm7g.xlarge',
      'c5.large', 'c6i.xlarge', 'c6g.4xlarge', 'c7g.2xlarge', 'r5.large', 'r6i.xlarge', 'r6g.2xlarge', 'r7g.4xlarge']
      .map((t): [string, Res, string, number | undefined] => [`EC2 ${t}`, { R: instance(t) }, `Instance (${t})`, undefined]),
    ['RDS MySQL db.m5.large Single-AZ, gp2', { R: rds('mysql', 'db.m5.large') }, 'Instance (db.m5.large, MySQL, Single-AZ)', 0.171 * H],
    ['RDS MariaDB db.r5.xlarge Multi-AZ', { R: rds('mariadb', 'db.r5.xlarge', { MultiAZ: true }) }, 'Instance (db.r5.xlarge, MariaDB, Multi-AZ)', 0.96 * H],
    ['RDS PostgreSQL gp3 with IOPS above the baseline', { R: rds('postgres', 'db.t4g.medium', { StorageType: 'gp3', AllocatedStorage: 500, Iops: 15000 }) }, 'Provisioned IOPS above 12,000 (gp3, Single-AZ)', 3000 * 0.02],
    ['RDS io1 storage and IOPS', { R: rds('mysql', 'db.t3.large', { StorageType: 'io1', Iops: 1000 }) }, 'Provisioned IOPS (io1, 1,000, Single-AZ)', 100],
    ['RDS io2 storage', { R: rds('postgres', 'db.m6i.large', { StorageType: 'io2', Iops: 3000 }) }, 'Storage (io2, Single-AZ)', 100 * 0.125],
    ['RDS io2 IOPS, Multi-AZ', { R: rds('postgres', 'db.m6i.large', { StorageType: 'io2', Iops: 3000, MultiAZ: true }) }, 'Provisioned IOPS (io2, 3,000, Multi-AZ)', 3000 * 0.2],
    ['RDS magnetic storage', { R: rds('mysql', 'db.t3.micro', { StorageType: 'standard' }) }, 'Storage (magnetic, Single-AZ)', 10],
    ['RDS Oracle BYOL', { R: rds('oracle-ee', 'db.t3.large', { LicenseModel: 'bring-your-own-license' }) }, 'Instance (db.t3.large, Oracle Enterprise BYOL, Single-AZ)', 0.136 * H],
    ['RDS Oracle license included, Multi-AZ', { R: rds('oracle-se2', 'db.t3.large', { LicenseModel: 'license-included', MultiAZ: true }) }, 'Instance (db.t3.large, Oracle Standard Two, Multi-AZ)', 0.6 * H],
    ['RDS SQL Server Express', { R: rds('sqlserver-ex', 'db.t3.large') }, 'Instance (db.t3.large, SQL Server Express, Single-AZ)', 0.162 * H],
    ['RDS SQL Server Web, Multi-AZ', { R: rds('sqlserver-web', 'db.t3.large', { MultiAZ: true }) }, 'Instance (db.t3.large, SQL Server Web, Multi-AZ)', 0.464 * H],
    ['RDS SQL Server Standard', { R: rds('sqlserver-se', 'db.m5.2xlarge') }, 'Instance (db.m5.2xlarge, SQL Server Standard, Single-AZ)', 2.448 * H],
    ['RDS SQL Server Standard, Multi-AZ', { R: rds('sqlserver-se', 'db.m5.xlarge', { MultiAZ: true }) }, 'Instance (db.m5.xlarge, SQL Server Standard, Multi-AZ)', 2.448 * H],
    ['Aurora MySQL provisioned', aurora('aurora-mysql', 'db.r6g.large'), 'Instance (db.r6g.large, Aurora MySQL)', 0.26 * H],
    ['Aurora PostgreSQL I/O-Optimized', aurora('aurora-postgresql', 'db.r5.large', { StorageType: 'aurora-iopt1' }), 'Instance (db.r5.large, Aurora PostgreSQL, I/O-Optimized)', 0.377 * H],
    ['Aurora Serverless v1 (ACU-hours at the 2-16 midpoint)', { R: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql', EngineMode: 'serverless' } } }, 'Serverless v1 capacity (Aurora MySQL)', 9 * 0.06 * H],
    ...['cache.t3.medium', 'cache.m5.large', 'cache.m6g.xlarge', 'cache.r6g.large', 'cache.r7g.large'].map((t): [string, Res, string, number | undefined] =>
      [`ElastiCache Redis ${t}`, { R: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { Engine: 'redis', CacheNodeType: t, NumCacheNodes: 1 } } }, `Nodes (1 x ${t}, Redis)`, undefined]),
    ['ElastiCache Memcached', { R: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 2 } } }, 'Nodes (2 x cache.t3.micro, Memcached)', 2 * 0.017 * H],
    ['OpenSearch instances and gp3 EBS', { R: { Type: 'AWS::OpenSearchService::Domain', Properties: { ClusterConfig: { InstanceType: 'r6g.large.search', InstanceCount: 2 }, EBSOptions: { EBSEnabled: true, VolumeSize: 100, VolumeType: 'gp3' } } } }, 'EBS storage (gp3, 100 GB x 2 data nodes)', 200 * 0.122],
    ['OpenSearch UltraWarm managed storage', { R: { Type: 'AWS::OpenSearchService::Domain', Properties: { ClusterConfig: { InstanceType: 'r6g.large.search', WarmEnabled: true, WarmType: 'ultrawarm1.medium.search', WarmCount: 2 } } } }, 'UltraWarm managed storage', 10 * 0.024],
    ['Classic Load Balancer', { R: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { Scheme: 'internal', Listeners: [] } } }, 'Classic load balancer hours', 0.025 * H],
    ['SAM Function', { R: { Type: 'AWS::Serverless::Function', Properties: { MemorySize: 1024 } } }, 'Duration (x86, 1024 MB)', undefined],
    ['SAM Api', { R: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod' } } }, 'REST API requests', undefined],
    ['SAM HttpApi', { R: { Type: 'AWS::Serverless::HttpApi', Properties: {} } }, 'HTTP API requests', undefined],
    ['SAM SimpleTable', { R: { Type: 'AWS::Serverless::SimpleTable', Properties: {} } }, 'Write request units (on-demand)', undefined],
    ['SAM StateMachine', { R: { Type: 'AWS::Serverless::StateMachine', Properties: { Type: 'EXPRESS' } } }, 'Express requests', undefined],
    ['DocumentDB', { R: { Type: 'AWS::DocDB::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large' } } }, 'Instance (db.r6g.large)', 0.26315 * H],
    ['Neptune instance', { R: { Type: 'AWS::Neptune::DBInstance', Properties: { DBInstanceClass: 'db.t3.medium' } } }, 'Instance (db.t3.medium)', 0.098 * H],
    ['Neptune storage and I/O', { R: { Type: 'AWS::Neptune::DBCluster', Properties: {} } }, 'Storage', 10 * 0.1],
    ['MSK', { R: { Type: 'AWS::MSK::Cluster', Properties: { NumberOfBrokerNodes: 3, BrokerNodeGroupInfo: { InstanceType: 'kafka.m5.large', ClientSubnets: [], StorageInfo: { EBSStorageInfo: { VolumeSize: 100 } } } } } }, 'Brokers (3 x kafka.m5.large)', 3 * 0.21 * H],
    ['Cognito user pool (MAUs)', { R: { Type: 'AWS::Cognito::UserPool', Properties: {} } }, 'Monthly active users (Essentials)', undefined],
    ['Kinesis Data Firehose', { R: { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: {} } }, 'Data ingested', undefined],
    ['CodeBuild', { R: { Type: 'AWS::CodeBuild::Project', Properties: { Environment: { ComputeType: 'BUILD_GENERAL1_MEDIUM' } } } }, 'Build minutes (Linux, BUILD_GENERAL1_MEDIUM)', undefined],
    ['CodePipeline', { R: { Type: 'AWS::CodePipeline::Pipeline', Properties: { PipelineType: 'V1', Stages: [] } } }, 'Active pipeline (V1)', 1],
    ['Config rule', { R: { Type: 'AWS::Config::ConfigRule', Properties: {} } }, 'Rule evaluations', undefined],
    ['Config recorder', { R: { Type: 'AWS::Config::ConfigurationRecorder', Properties: {} } }, 'Configuration items recorded', undefined],
    ['CloudTrail trail (data events)', { R: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] } } }, 'Data events', undefined],
    ['Directory Service', { R: { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Edition: 'Enterprise' } } }, 'Domain controllers (2, MicrosoftAD Enterprise)', 2 * 0.2 * H],
    ['DMS replication instance', { R: { Type: 'AWS::DMS::ReplicationInstance', Properties: { ReplicationInstanceClass: 'dms.t2.micro', MultiAZ: true } } }, 'Replication instance (dms.t2.micro, Multi-AZ)', 0.036 * H],
    ['EMR cluster', { R: { Type: 'AWS::EMR::Cluster', Properties: { Instances: { MasterInstanceGroup: { InstanceType: 'm5.xlarge', InstanceCount: 1 } } } } }, 'Primary EMR charge (1 x m5.xlarge)', 0.048 * H],
    ['Glue job (DPU-hours)', { R: { Type: 'AWS::Glue::Job', Properties: { Command: { Name: 'glueetl' }, WorkerType: 'G.1X', NumberOfWorkers: 10 } } }, 'DPU-hours (10 DPU, glueetl)', 10 * 0.44 * 10],
    ['App Runner', { R: { Type: 'AWS::AppRunner::Service', Properties: {} } }, 'Memory (2 GB, provisioned)', 2 * 0.007 * H],
  ];

  test.each(CASES)('%s', (_label, Resources, line, usd) => {
    const e = CostEstimator.estimateTemplate({ template: { Resources } });
    const r = e.resources.find((x) => x.logicalId === 'R')!;
    // A DMS instance's replication storage has no figure: the instance hours are priced, the resource is not whole.
    if (_label.startsWith('DMS')) expect(r.reason).toMatch(/replication storage/);
    else expect({ status: r.status, reason: r.reason }).toEqual({ status: ResourceCostStatus.PRICED, reason: undefined });
    const item = r.lineItems.find((l) => l.description === line);
    expect([line, r.lineItems.map((l) => l.description)]).toEqual([line, expect.arrayContaining([line])]);
    if (usd === undefined) expect(item!.monthlyCost).toBeGreaterThan(0);
    else expect(item!.monthlyCost).toBeCloseTo(usd, 2);
  });
});

test('the catalog data loads on the first price lookup, not when the library is imported', () => {
  const loaded: string[] = [];
  const BUNDLED = '../../src/cost/catalog/data/bundled-catalog';
  const BREADTH = '../../src/cost/catalog/data/us-east-1-breadth';
  jest.isolateModules(() => {
    jest.doMock(BUNDLED, () => { loaded.push('bundled-catalog'); return jest.requireActual(BUNDLED); });
    jest.doMock(BREADTH, () => { loaded.push('us-east-1-breadth'); return jest.requireActual(BREADTH); });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cost = require('../../src/cost') as typeof import('../../src/cost');
    expect(loaded).toEqual([]);
    expect(cost.CostEstimator.formatHeadline(1, [])).toBe('$1.00 a month');
    expect(loaded).toEqual([]);
    const e = cost.CostEstimator.estimateTemplate({ template: { Resources: { Q: { Type: 'AWS::SQS::Queue' } } } });
    expect(e.resources[0].status).toBe(ResourceCostStatus.PRICED);
    expect(loaded).toEqual(['bundled-catalog', 'us-east-1-breadth']);
    cost.CostEstimator.estimateTemplate({ template: { Resources: { Q: { Type: 'AWS::SQS::Queue' } } } });
    expect(loaded).toHaveLength(2);
  });
  jest.dontMock(BUNDLED);
  jest.dontMock(BREADTH);
});
