import { BUNDLED_CATALOG } from '../../src/cost/catalog/data/bundled-catalog';
import { estimate } from '../../src/cost/estimator/estimate';
import { CostEstimate, ResourceCostEstimate, ResourceCostStatus, ResourceUsage } from '../../src/cost/model';

// Each expected figure is worked out by hand from the catalog's us-east-1 prices (730 hours).
const H = 730;

const RESOURCES: { [id: string]: { Type: string; Properties?: any } } = {
  // RDS: engines matched case-insensitively; gp2 is aws-cdk-lib's default for DatabaseInstance.
  MySqlSingle: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'MySQL', DBInstanceClass: 'db.m5.large', AllocatedStorage: '100', StorageType: 'gp2' } },
  MySqlMulti: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', DBInstanceClass: 'db.m5.large', AllocatedStorage: 100, MultiAZ: true } },
  PgGp3: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'Postgres', DBInstanceClass: 'db.r6g.4xlarge', AllocatedStorage: 500, StorageType: 'gp3', Iops: 15000 } },
  MariaIo1: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mariadb', DBInstanceClass: 'db.t3.large', AllocatedStorage: 100, Iops: 1000 } },
  MySqlMagnetic: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, StorageType: 'standard' } },
  OracleEe: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'oracle-ee', DBInstanceClass: 'db.t3.large', AllocatedStorage: 20, StorageType: 'gp2' } },
  OracleSe2: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'oracle-se2', LicenseModel: 'license-included', DBInstanceClass: 'db.t3.large', AllocatedStorage: 20, StorageType: 'gp2' } },
  SqlWeb: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'sqlserver-web', DBInstanceClass: 'db.t3.large', AllocatedStorage: 20, StorageType: 'gp2' } },
  SqlStandard: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'sqlserver-se', DBInstanceClass: 'db.m5.xlarge', AllocatedStorage: 20, StorageType: 'gp2' } },
  SqlWebM5: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'sqlserver-web', DBInstanceClass: 'db.m5.large', AllocatedStorage: 20, StorageType: 'gp2' } },
  SqlExpressMulti: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'sqlserver-ex', DBInstanceClass: 'db.t3.large', AllocatedStorage: 20, StorageType: 'gp2', MultiAZ: 'true' } },
  // Aurora provisioned, Standard and I/O-Optimized.
  PgCluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
  PgWriter: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'PgCluster' }, DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql' } },
  IoCluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'Aurora-MySQL', StorageType: 'aurora-iopt1' } },
  IoWriter: { Type: 'AWS::RDS::DBInstance', Properties: { DBClusterIdentifier: { Ref: 'IoCluster' }, DBInstanceClass: 'db.t4g.medium' } },
  // EC2.
  PublicSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
  PrivateSubnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' } },
  M5: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 'm5.large', SubnetId: { Ref: 'PrivateSubnet' } } },
  T2: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't2.micro', SubnetId: { Ref: 'PublicSubnet' } } },
  C6g4x: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 'c6g.4xlarge', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: false, SubnetId: { Ref: 'PublicSubnet' } }] } },
  // ElastiCache.
  Redis: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { Engine: 'Redis', CacheNodeType: 'cache.r6g.large', NumCacheClusters: 2, ReplicationGroupDescription: 'x' } },
  Memcached: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { Engine: 'memcached', CacheNodeType: 'cache.t3.micro', NumCacheNodes: 2 } },
  // OpenSearch and Classic Load Balancer.
  Search: {
    Type: 'AWS::OpenSearchService::Domain',
    Properties: {
      ClusterConfig: { InstanceType: 'm6g.large.search', InstanceCount: 3, DedicatedMasterEnabled: true, DedicatedMasterType: 'm6g.large.search', DedicatedMasterCount: 3 },
      EBSOptions: { EBSEnabled: true, VolumeSize: 100, VolumeType: 'gp2' },
    },
  },
  WarmSearch: {
    Type: 'AWS::Elasticsearch::Domain',
    Properties: { ElasticsearchClusterConfig: { InstanceType: 'r6g.large.elasticsearch', WarmEnabled: true, WarmType: 'ultrawarm1.medium.search', WarmCount: 2 }, EBSOptions: { EBSEnabled: true, VolumeSize: 10 } },
  },
  Clb: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { Subnets: ['subnet-a', 'subnet-b'], Listeners: [] } },
  // SAM.
  ApiFn: { Type: 'AWS::Serverless::Function', Properties: { MemorySize: 512, Events: { Get: { Type: 'Api', Properties: { Path: '/', Method: 'get' } } } } },
  CronFn: { Type: 'AWS::Serverless::Function', Properties: { Events: { Tick: { Type: 'Schedule', Properties: { Schedule: 'rate(5 minutes)' } } } } },
  SamTable: { Type: 'AWS::Serverless::SimpleTable', Properties: { PrimaryKey: { Name: 'id', Type: 'String' } } },
  SamHttp: { Type: 'AWS::Serverless::HttpApi', Properties: {} },
  SamApi: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod', CacheClusterEnabled: true, CacheClusterSize: '0.5' } },
  SamFlow: { Type: 'AWS::Serverless::StateMachine', Properties: { Type: 'EXPRESS' } },
  // The rest of the catalog breadth.
  DocDb: { Type: 'AWS::DocDB::DBInstance', Properties: { DBInstanceClass: 'db.r5.large', DBClusterIdentifier: 'docs' } },
  Neptune: { Type: 'AWS::Neptune::DBInstance', Properties: { DBInstanceClass: 'db.r5.large' } },
  NeptuneR6g: { Type: 'AWS::Neptune::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large' } },
  Kafka: { Type: 'AWS::MSK::Cluster', Properties: { NumberOfBrokerNodes: 3, BrokerNodeGroupInfo: { InstanceType: 'kafka.m5.large', ClientSubnets: [], StorageInfo: { EBSStorageInfo: { VolumeSize: 1000 } } } } },
  Users: { Type: 'AWS::Cognito::UserPool', Properties: {} },
  Check: { Type: 'AWS::Route53::HealthCheck', Properties: { HealthCheckConfig: { Type: 'HTTPS_STR_MATCH', FullyQualifiedDomainName: 'example.com', SearchString: 'ok', RequestInterval: 10 } } },
  Hose: { Type: 'AWS::KinesisFirehose::DeliveryStream', Properties: { ExtendedS3DestinationConfiguration: { BucketARN: 'arn', RoleARN: 'arn', DataFormatConversionConfiguration: { Enabled: true } } } },
  Build: { Type: 'AWS::CodeBuild::Project', Properties: { Environment: { ComputeType: 'BUILD_GENERAL1_SMALL', Type: 'LINUX_CONTAINER', Image: 'x' } } },
  Pipeline: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Stages: [] } },
  Rule: { Type: 'AWS::Config::ConfigRule', Properties: { Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_VERSIONING_ENABLED' } } },
  Recorder: { Type: 'AWS::Config::ConfigurationRecorder', Properties: { RoleARN: 'arn' } },
  Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'b', EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] } },
  Ad: { Type: 'AWS::DirectoryService::MicrosoftAD', Properties: { Edition: 'Standard', Name: 'corp.example.com', Password: 'x', VpcSettings: {} } },
  SimpleAd: { Type: 'AWS::DirectoryService::SimpleAD', Properties: { Size: 'Large', Name: 'corp.example.com', VpcSettings: {} } },
  Dms: { Type: 'AWS::DMS::ReplicationInstance', Properties: { ReplicationInstanceClass: 'dms.t2.micro' } },
  Emr: { Type: 'AWS::EMR::Cluster', Properties: { Instances: { MasterInstanceGroup: { InstanceType: 'm5.xlarge', InstanceCount: 1 }, CoreInstanceGroup: { InstanceType: 'm5.xlarge', InstanceCount: 2 } } } },
  Etl: { Type: 'AWS::Glue::Job', Properties: { Command: { Name: 'glueetl' }, WorkerType: 'G.1X', NumberOfWorkers: 10 } },
  Shell: { Type: 'AWS::Glue::Job', Properties: { Command: { Name: 'pythonshell' } } },
  Runner: { Type: 'AWS::AppRunner::Service', Properties: { SourceConfiguration: {} } },
  // Wrongly free until now.
  FlowToS3: { Type: 'AWS::EC2::FlowLog', Properties: { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::logs', ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL' } },
  FlowToLogs: { Type: 'AWS::EC2::FlowLog', Properties: { LogGroupName: 'g', ResourceId: 'vpc-1', ResourceType: 'VPC', TrafficType: 'ALL' } },
  Insights: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
  PlainCluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
  Advanced: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'v', Tier: 'Advanced' } },
  PrivateCert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'a.internal', CertificateAuthorityArn: 'arn:aws:acm-pca:us-east-1:1:certificate-authority/x' } },
  Ca: { Type: 'AWS::ACMPCA::CertificateAuthority', Properties: { Type: 'ROOT', KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: {} } },
};

const USAGE: { [id: string]: ResourceUsage } = {
  ApiFn: { monthlyRequests: 10_000_000, averageDurationMs: 200 },
  Users: { monthlyRequests: 50_000 },
  Hose: { monthlyDataProcessedGb: 100 },
};

let e: CostEstimate;
beforeAll(() => {
  e = estimate({ template: { Resources: RESOURCES }, catalog: BUNDLED_CATALOG, usage: USAGE });
});

function r(id: string): ResourceCostEstimate {
  const found = e.resources.find((x) => x.logicalId === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found;
}

/** The line items of a resource as description -> monthly cost. */
function lines(id: string): { [description: string]: number } {
  return Object.fromEntries(r(id).lineItems.map((l) => [l.description, l.monthlyCost]));
}

function expectPriced(id: string, expected: { [description: string]: number }): void {
  const res = r(id);
  expect({ id, status: res.status, reason: res.reason }).toEqual({ id, status: ResourceCostStatus.PRICED, reason: undefined });
  const got = lines(id);
  expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
  for (const [d, usd] of Object.entries(expected)) expect([d, got[d]]).toEqual([d, expect.closeTo(usd, 2)]);
}

describe('RDS engines, classes, deployment and storage', () => {
  test('MySQL db.m5.large on gp2, Single-AZ and Multi-AZ', () => {
    expectPriced('MySqlSingle', { 'Instance (db.m5.large, MySQL, Single-AZ)': 0.171 * H, 'Storage (gp2, Single-AZ)': 11.5 });
    expectPriced('MySqlMulti', { 'Instance (db.m5.large, MySQL, Multi-AZ)': 0.342 * H, 'Storage (gp2, Multi-AZ)': 23 });
    expect(r('MySqlMulti').assumptions).toContain('StorageType not set: gp2 (the CloudFormation default)');
  });

  test('PostgreSQL ("Postgres") on a derived 4xlarge, gp3 with IOPS above the 12,000 included from 400 GB', () => {
    expectPriced('PgGp3', {
      'Instance (db.r6g.4xlarge, PostgreSQL, Single-AZ)': 1.798 * H,
      'Storage (gp3, Single-AZ)': 57.5,
      'Provisioned IOPS above 12,000 (gp3, Single-AZ)': 3000 * 0.02,
    });
  });

  test('MariaDB with Iops defaults to io1; magnetic storage adds I/O requests', () => {
    expectPriced('MariaIo1', { 'Instance (db.t3.large, MariaDB, Single-AZ)': 99.28, 'Storage (io1, Single-AZ)': 12.5, 'Provisioned IOPS (io1, 1,000, Single-AZ)': 100 });
    expectPriced('MySqlMagnetic', { 'Instance (db.t3.micro, MySQL, Single-AZ)': 0.017 * H, 'Storage (magnetic, Single-AZ)': 2, 'I/O requests (magnetic)': 0.1 });
  });

  test('Oracle BYOL and license included, SQL Server Web and Standard', () => {
    expectPriced('OracleEe', { 'Instance (db.t3.large, Oracle Enterprise BYOL, Single-AZ)': 99.28, 'Storage (gp2, Single-AZ)': 2.3 });
    expect(r('OracleEe').assumptions).toContain('LicenseModel not set: bring your own license (Oracle Enterprise)');
    expectPriced('OracleSe2', { 'Instance (db.t3.large, Oracle Standard Two, Single-AZ)': 219, 'Storage (gp2, Single-AZ)': 2.3 });
    expectPriced('SqlWeb', { 'Instance (db.t3.large, SQL Server Web, Single-AZ)': 169.36, 'Storage (gp2, Single-AZ)': 2.3 });
    expectPriced('SqlStandard', { 'Instance (db.m5.xlarge, SQL Server Standard, Single-AZ)': 893.52, 'Storage (gp2, Single-AZ)': 2.3 });
  });

  test('SQL Server Express has no Multi-AZ deployment: its instance hours are unpriced saying so, storage is priced', () => {
    expect(r('SqlExpressMulti').status).toBe(ResourceCostStatus.UNPRICED);
    expect(r('SqlExpressMulti').reason).toMatch(/SQL Server Express has no Multi-AZ deployment/);
    expect(lines('SqlExpressMulti')).toEqual({ 'Storage (gp2, Multi-AZ)': expect.closeTo(4.6, 6) });
  });

  test('a combination with no figure is unpriced, naming what is missing; storage is still priced', () => {
    expect(r('SqlWebM5').status).toBe(ResourceCostStatus.UNPRICED);
    expect(r('SqlWebM5').reason).toMatch(/no figure for AmazonRDS InstanceUsage:db\.m5\.large/);
    expect(lines('SqlWebM5')).toEqual({ 'Storage (gp2, Single-AZ)': expect.closeTo(2.3, 6) });
  });
});

describe('Aurora provisioned', () => {
  test('Standard: instance hours on the instance, storage and I/O on the cluster', () => {
    expectPriced('PgWriter', { 'Instance (db.r6g.large, Aurora PostgreSQL)': 0.26 * H });
    expectPriced('PgCluster', { 'Storage (Aurora Standard, Aurora PostgreSQL)': 1, 'I/O requests (Aurora Standard)': 0.2 });
  });

  test('I/O-Optimized: 30% more an instance-hour, $0.225 a GB-month, no I/O charge', () => {
    expectPriced('IoWriter', { 'Instance (db.t4g.medium, Aurora MySQL, I/O-Optimized)': 0.073 * 1.3 * H });
    expectPriced('IoCluster', { 'Storage (Aurora I/O-Optimized, Aurora MySQL)': 2.25 });
  });
});

describe('EC2', () => {
  test('families and sizes, with the public IPv4 address a public subnet gives', () => {
    expectPriced('M5', { 'Instance (m5.large)': 0.096 * H });
    expectPriced('T2', { 'Instance (t2.micro)': 0.0116 * H, 'Public IPv4 address': 3.65 });
    expect(r('T2').assumptions).toContain('public IPv4 address: its subnet PublicSubnet sets MapPublicIpOnLaunch');
    // c6g.4xlarge is derived by doubling c6g.2xlarge ($0.272); the interface declines a public address.
    expectPriced('C6g4x', { 'Instance (c6g.4xlarge)': 0.544 * H });
    expect(r('C6g4x').lineItems[0].priceSource).toMatch(/^Derived: EC2 on-demand Linux prices follow a per-family vCPU rate/);
  });
});

describe('ElastiCache, OpenSearch, Classic Load Balancer', () => {
  test('Redis (any case) and Memcached nodes', () => {
    expectPriced('Redis', { 'Nodes (2 x cache.r6g.large, Redis)': 0.206 * 2 * H });
    expectPriced('Memcached', { 'Nodes (2 x cache.t3.micro, Memcached)': 0.017 * 2 * H });
  });

  test('OpenSearch data and master nodes with EBS per data node', () => {
    expectPriced('Search', {
      'Data nodes (3 x m6g.large.search)': 0.128 * 3 * H,
      'Dedicated masters (3 x m6g.large.search)': 0.128 * 3 * H,
      'EBS storage (gp2, 100 GB x 3 data nodes)': 40.5,
    });
  });

  test('Elasticsearch names, UltraWarm nodes and their managed storage (storageGb, 10 GB by default)', () => {
    expectPriced('WarmSearch', {
      'Data nodes (1 x r6g.large.search)': 0.167 * H,
      'UltraWarm nodes (2 x ultrawarm1.medium.search)': 347.48,
      'UltraWarm managed storage': 10 * 0.024,
      'EBS storage (gp2, 10 GB x 1 data nodes)': 1.35,
    });
    expect(r('WarmSearch').assumptions).toContain('default storageGb = 10: a small warm tier: UltraWarm managed storage');
  });

  test('Classic Load Balancer: hours, GB processed and a public IPv4 address per subnet', () => {
    expectPriced('Clb', { 'Classic load balancer hours': 18.25, 'Data processed': 0.08, 'Public IPv4 addresses (2 AZs)': 7.3 });
  });
});

describe('SAM resources, priced as what they expand to', () => {
  test('a function with an Api event: Lambda plus the implicit REST API at the same requests', () => {
    expectPriced('ApiFn', {
      'Requests (x86)': 2,
      'Duration (x86, 512 MB)': 10_000_000 * 0.2 * 0.5 * 0.0000166667,
      'Implicit REST API requests': 35,
    });
  });

  test('a function with a Schedule event runs as often as its expression says', () => {
    expect(r('CronFn').lineItems.find((l) => l.description === 'Requests (x86)')!.quantity).toBeCloseTo(8760 / 1e6, 9);
  });

  test('SimpleTable is on demand, HttpApi and Api are API Gateway, StateMachine follows Type', () => {
    expectPriced('SamTable', { 'Write request units (on-demand)': 0.625, 'Read request units (on-demand)': 0.125, 'Table storage (Standard)': 0.25 });
    expectPriced('SamHttp', { 'HTTP API requests': 1 });
    expectPriced('SamApi', { 'REST API requests': 3.5, 'API cache (0.5 GB)': 0.02 * H });
    expect(Object.keys(lines('SamFlow'))).toEqual(['Express requests', 'Express duration']);
  });
});

describe('the rest of the catalog breadth', () => {
  test('DocumentDB, MSK, Cognito, Data Firehose, Route 53 health checks, CodeBuild, CodePipeline, Config, CloudTrail', () => {
    expectPriced('DocDb', { 'Instance (db.r5.large)': 0.277 * H });
    expectPriced('Kafka', { 'Brokers (3 x kafka.m5.large)': 0.21 * 3 * H, 'Broker storage (1000 GB x 3)': 300 });
    expectPriced('Users', { 'Monthly active users (Essentials)': 750 });
    expectPriced('Hose', { 'Data ingested': 2.9, 'Format conversion': 1.8 });
    expectPriced('Check', { 'Health check (HTTPS_STR_MATCH)': 0.5, 'Optional features (HTTPS, string matching, fast interval)': 3 });
    expectPriced('Build', { 'Build minutes (Linux, BUILD_GENERAL1_SMALL)': 120 * 0.005 });
    expectPriced('Pipeline', { 'Active pipeline (V1)': 1 });
    expectPriced('Rule', { 'Rule evaluations': 1 });
    expectPriced('Recorder', { 'Configuration items recorded': 3 });
    expectPriced('Trail', { 'Data events': 1 });
  });

  test('Directory Service, DMS, EMR, Glue, App Runner', () => {
    expectPriced('Ad', { 'Domain controllers (2, MicrosoftAD Standard)': 87.6 });
    expectPriced('SimpleAd', { 'Domain controllers (2, SimpleAD Large)': 219 });
    expect(lines('Dms')).toEqual({ 'Replication instance (dms.t2.micro, Single-AZ)': expect.closeTo(13.14, 2) });
    expect(r('Dms').reason).toMatch(/replication storage/);
    expectPriced('Emr', {
      'Primary EC2 instances (1 x m5.xlarge)': 0.192 * H,
      'Primary EMR charge (1 x m5.xlarge)': 0.048 * H,
      'Core EC2 instances (2 x m5.xlarge)': 0.192 * 2 * H,
      'Core EMR charge (2 x m5.xlarge)': 0.048 * 2 * H,
    });
    expectPriced('Etl', { 'DPU-hours (10 DPU, glueetl)': 44 });
    expectPriced('Shell', { 'DPU-hours (0.0625 DPU, pythonshell)': 0.0625 * 10 * 0.44 });
    expectPriced('Runner', { 'Memory (2 GB, provisioned)': 10.22, 'vCPU while active (1 vCPU)': 46.72 });
  });

  test('Neptune instances by class; a class without a figure is unpriced naming it', () => {
    expectPriced('Neptune', { 'Instance (db.r5.large)': 0.348 * H });
    expect(r('NeptuneR6g').status).toBe(ResourceCostStatus.UNPRICED);
    expect(r('NeptuneR6g').reason).toMatch(/no figure for AmazonNeptune InstanceUsage:db\.r6g\.large/);
  });
});

describe('types that were wrongly free', () => {
  test('flow logs to S3 and Container Insights are unpriced with a reason; their plain forms stay free', () => {
    expect([r('FlowToS3').status, r('FlowToS3').reason]).toEqual([ResourceCostStatus.UNPRICED, expect.stringMatching(/flow log delivery to S3: vended-log delivery/)]);
    expect(r('FlowToLogs').status).toBe(ResourceCostStatus.FREE);
    expect([r('Insights').status, r('Insights').reason]).toEqual([ResourceCostStatus.UNPRICED, expect.stringMatching(/Container Insights \(enabled\)/)]);
    expect(r('PlainCluster').status).toBe(ResourceCostStatus.FREE);
  });

  test('an advanced parameter costs $0.05 a month; a private certificate is unpriced; a private CA is $400', () => {
    expectPriced('Advanced', { 'Advanced parameter': 0.05 });
    expect([r('PrivateCert').status, r('PrivateCert').reason]).toEqual([ResourceCostStatus.UNPRICED, expect.stringMatching(/private certificate from AWS Private CA/)]);
    expectPriced('Ca', { 'Private CA (general-purpose mode)': 400 });
  });
});

test('free types found in common templates are free with a reason', () => {
  const types = [
    'AWS::Logs::QueryDefinition', 'AWS::IAM::RolePolicy', 'AWS::CloudFormation::Macro', 'AWS::EC2::EIPAssociation', 'AWS::ServiceCatalog::TagOption',
    'AWS::EC2::DHCPOptions', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain', 'AWS::DocDB::DBSubnetGroup', 'AWS::Neptune::DBClusterParameterGroup',
    'AWS::Redshift::ClusterSubnetGroup', 'AWS::DAX::ParameterGroup', 'AWS::MSK::Configuration', 'AWS::Glue::Database', 'AWS::CodeDeploy::DeploymentGroup',
    'AWS::ApiGateway::UsagePlan', 'AWS::SSM::Document', 'AWS::Serverless::LayerVersion', 'AWS::EC2::VPCDHCPOptionsAssociation', 'AWS::IAM::UserToGroupAddition',
  ];
  const free = estimate({ template: { Resources: Object.fromEntries(types.map((t, i) => [`R${i}`, { Type: t, Properties: {} }])) }, catalog: BUNDLED_CATALOG });
  for (const res of free.resources) expect([res.type, res.status, typeof res.reason]).toEqual([res.type, ResourceCostStatus.FREE, 'string']);
});

test('no output shows [object Object]', () => {
  expect(JSON.stringify(e)).not.toContain('[object Object]');
});

describe('values known only at deploy time, and read replicas', () => {
  const TEMPLATE = {
    Parameters: { Subnet: { Type: 'AWS::EC2::Subnet::Id' } },
    Resources: {
      Vm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 'm5.large', SubnetId: { Ref: 'Subnet' } } },
      Elb: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { AvailabilityZones: { 'Fn::GetAZs': '' }, Listeners: [] } },
      Main: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'mysql', DBInstanceClass: 'db.m5.large', AllocatedStorage: 100 } },
      Replica: { Type: 'AWS::RDS::DBInstance', Properties: { SourceDBInstanceIdentifier: { Ref: 'Main' } } },
    },
  };
  let d: CostEstimate;
  beforeAll(() => {
    d = estimate({ template: TEMPLATE, catalog: BUNDLED_CATALOG });
  });
  const of = (id: string) => d.resources.find((x) => x.logicalId === id)!;

  test('an instance in a parameter subnet is priced, with no public IPv4 assumed', () => {
    expect(of('Vm').status).toBe(ResourceCostStatus.PRICED);
    expect(of('Vm').lineItems.map((l) => l.description)).toEqual(['Instance (m5.large)']);
  });

  test('a Classic Load Balancer across !GetAZs is priced, two AZs assumed for its addresses', () => {
    expect(of('Elb').status).toBe(ResourceCostStatus.PRICED);
    expect(of('Elb').lineItems.find((l) => l.description === 'Public IPv4 addresses (2 AZs)')!.monthlyCost).toBeCloseTo(7.3, 6);
  });

  test('a read replica takes the source\'s engine, class and storage', () => {
    const replica = of('Replica');
    expect(replica.status).toBe(ResourceCostStatus.PRICED);
    expect(Object.fromEntries(replica.lineItems.map((l) => [l.description, l.monthlyCost]))).toEqual({
      'Instance (db.m5.large, MySQL, Single-AZ)': expect.closeTo(124.83, 6),
      'Storage (gp2, Single-AZ)': expect.closeTo(11.5, 6),
    });
  });
});

test('an EKS cluster whose Version is a parameter without default is priced, standard support assumed and said', () => {
  const d = estimate({
    template: { Parameters: { V: { Type: 'String' } }, Resources: { Eks: { Type: 'AWS::EKS::Cluster', Properties: { Version: { Ref: 'V' }, RoleArn: 'arn', ResourcesVpcConfig: {} } } } },
    catalog: BUNDLED_CATALOG,
  });
  const [eks] = d.resources;
  expect(eks.status).toBe(ResourceCostStatus.PRICED);
  expect(eks.monthlyCost.expected).toBeCloseTo(0.1 * H, 6);
  expect(eks.assumptions.join('\n')).toMatch(/standard support assumed; a version past standard support adds \$0.50 a cluster-hour/);
});
