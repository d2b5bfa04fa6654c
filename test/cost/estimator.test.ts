import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { shopRequirements } from '../../examples/shop/requirements';
import { ApplicationStack } from '../../src/app';
import { BudgetGuard, CostEstimate, CostEstimator, CostLineItem, ResourceCostEstimate, ResourceCostStatus } from '../../src/cost';
import { BUNDLED_CATALOG } from '../../src/cost/catalog/data/bundled-catalog';
import { PriceBook } from '../../src/cost/catalog/price-book';
import { priceKey } from '../../src/cost/catalog/types';
import { runsPerMonth } from '../../src/cost/models/schedule-expression';
import { costReportContributor } from '../../src/cost/report-contributor';
import { DesignReport } from '../../src/report/model';

const H = 730;

/** Sum of a resource's line items, checked to be quantity x unit price each. */
function checkedItems(r: ResourceCostEstimate) {
  for (const l of r.lineItems) expect(l.monthlyCost).toBeCloseTo(l.quantity * l.unitPrice, 6);
  return Object.fromEntries(r.lineItems.map((l) => [l.description, l]));
}

function byType(e: CostEstimate, type: string, pathPart = ''): ResourceCostEstimate[] {
  return e.resources.filter((r) => r.type === type && (r.path ?? r.logicalId).includes(pathPart));
}

describe('the example shop, synthesized with ApplicationStack', () => {
  // Path metadata is on by default under the cdk CLI; in-process apps need the context flag.
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new ApplicationStack(app, 'Shop', { requirements: shopRequirements, designReport: false });
  const template = app.synth().getStackByName(stack.stackName).template;
  const estimate = CostEstimator.estimateTemplate({
    template,
    usage: {
      'Shop/Services/api': { monthlyRequests: 50_000_000, averageDurationMs: 120 },
      'Shop/Data/orders': { storageGb: 40, monthlyReadRequestUnits: 30_000_000, monthlyWriteRequestUnits: 5_000_000 },
      'Shop/Data/reports': { storageGb: 100 },
    },
  });

  test('every resource is priced, known-free or unpriced with a reason; none silently $0', () => {
    expect(estimate.region).toBe('us-east-1');
    expect(estimate.regionAssumed).toBe(true);
    for (const r of estimate.resources) {
      if (r.status === ResourceCostStatus.PRICED) expect(r.lineItems.length).toBeGreaterThan(0);
      else expect(r.reason).toBeTruthy();
      checkedItems(r);
    }
    expect(estimate.resources.some((r) => r.type === 'AWS::CDK::Metadata')).toBe(false);
    // Only what the catalog cannot price is unpriced, each with the reason.
    expect(estimate.unpricedResources).toEqual([
      expect.stringMatching(/^DatacatalogRotation\w+ \(AWS::Serverless::Application\): a Serverless Application Repository app deploys a nested stack/),
      expect.stringMatching(/^SecurityBackupVault\w+ \(AWS::Backup::BackupVault\): AWS Backup charges per GB-month of backups stored/),
    ]);
    const sum = estimate.resources.reduce((s, r) => s + r.monthlyCost.expected, 0);
    expect(estimate.monthlyCost.expected).toBeCloseTo(sum, 6);
    expect(estimate.resources[0].monthlyCost.expected).toBeGreaterThanOrEqual(estimate.resources[1].monthlyCost.expected);
  });

  test('Lambda (Arm): requests and GB-seconds from the given usage', () => {
    const [api] = byType(estimate, 'AWS::Lambda::Function', 'Services/api');
    const items = checkedItems(api);
    expect(items['Requests (Arm)'].quantity).toBe(50);
    expect(items['Requests (Arm)'].monthlyCost).toBeCloseTo(50 * 0.2, 6);
    const gbs = 50e6 * 0.12 * 0.5;
    expect(items['Duration (Arm, 512 MB)'].quantity).toBeCloseTo(gbs, 3);
    expect(items['Duration (Arm, 512 MB)'].monthlyCost).toBeCloseTo(gbs * 0.0000133334, 6);
    expect(api.assumptions.join()).not.toMatch(/default monthlyRequests/);
  });

  test('scheduled and deploy-time functions default from the template, with the default written down', () => {
    const [nightly] = byType(estimate, 'AWS::Lambda::Function', 'Services/nightly-report');
    expect(checkedItems(nightly)['Requests (Arm)'].quantity).toBeCloseTo((H / 24) / 1e6, 9); // daily cron
    expect(nightly.assumptions.join()).toMatch(/default monthlyRequests = 30.42: runs of/);
    const logRetention = estimate.resources.find((r) => r.type === 'AWS::Lambda::Function' && (r.path ?? '').includes('LogRetention'))!;
    expect(logRetention.monthlyCost.expected).toBe(0);
    expect(logRetention.assumptions.join()).toMatch(/only by CloudFormation custom resources/);
  });

  test('HTTP API requests under the first tier', () => {
    const [api] = byType(estimate, 'AWS::ApiGatewayV2::Api');
    expect(checkedItems(api)['HTTP API requests'].monthlyCost).toBeCloseTo(50 * 1.0, 6);
  });

  test('DynamoDB on-demand and storage', () => {
    const [orders] = byType(estimate, 'AWS::DynamoDB::Table', 'orders');
    const items = checkedItems(orders);
    expect(items['Write request units (on-demand)'].monthlyCost).toBeCloseTo(5 * 0.625, 6);
    expect(items['Read request units (on-demand)'].monthlyCost).toBeCloseTo(30 * 0.125, 6);
    expect(items['Table storage (Standard)'].monthlyCost).toBeCloseTo(40 * 0.25, 6);
  });

  test('S3 storage and requests, defaults recorded', () => {
    const [reports] = byType(estimate, 'AWS::S3::Bucket', 'reports');
    const items = checkedItems(reports);
    expect(items['Storage (S3 Standard)'].monthlyCost).toBeCloseTo(100 * 0.023, 6);
    expect(items['PUT, COPY, POST, LIST requests'].monthlyCost).toBeCloseTo(10 * 0.005, 6);
    expect(items['GET and other requests'].monthlyCost).toBeCloseTo(100 * 0.0004, 6);
    expect(reports.assumptions).toContain('default monthlyPutRequests = 10,000: light writes');
  });

  test('SQS: the dead-letter queue defaults to no traffic; SNS publishes', () => {
    const queues = byType(estimate, 'AWS::SQS::Queue');
    expect(queues.some((q) => q.assumptions.some((a) => /dead-letter queue/.test(a)) && q.monthlyCost.expected === 0)).toBe(true);
    const busy = queues.find((q) => q.monthlyCost.expected > 0)!;
    expect(checkedItems(busy)['Standard queue requests'].monthlyCost).toBeCloseTo(0.4, 6);
    const [topic] = byType(estimate, 'AWS::SNS::Topic');
    expect(checkedItems(topic).Publishes.monthlyCost).toBeCloseTo(0.5, 6);
  });

  test('interface endpoints are priced per AZ-hour; gateway endpoints are free', () => {
    const endpoints = byType(estimate, 'AWS::EC2::VPCEndpoint');
    const iface = endpoints.filter((e) => e.status === ResourceCostStatus.PRICED);
    expect(iface).toHaveLength(2);
    const items = checkedItems(iface[0]);
    expect(items['Interface endpoint (2 AZs)'].monthlyCost).toBeCloseTo(2 * H * 0.01, 6);
    expect(items['Data processed'].monthlyCost).toBeCloseTo(0.01, 6);
    expect(endpoints.filter((e) => e.status === ResourceCostStatus.FREE).every((e) => /gateway endpoints/.test(e.reason!))).toBe(true);
  });

  test('Aurora Serverless v2: ACU-hours per instance from the cluster range; storage and I/O on the cluster', () => {
    const instances = byType(estimate, 'AWS::RDS::DBInstance');
    expect(instances).toHaveLength(2);
    const acu = checkedItems(instances[0])['Serverless v2 capacity (Aurora PostgreSQL)'];
    const cluster = template.Resources[Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::RDS::DBCluster')!];
    const { MinCapacity: min, MaxCapacity: max } = cluster.Properties.ServerlessV2ScalingConfiguration;
    expect(acu.quantity).toBeCloseTo(((min + max) / 2) * H, 6);
    expect(acu.monthlyCost).toBeCloseTo(((min + max) / 2) * H * 0.12, 6);
    expect(acu.monthlyCostRange.low).toBeCloseTo(min * H * 0.12, 6);
    expect(acu.monthlyCostRange.high).toBeCloseTo(max * H * 0.12, 6);
    const [c] = byType(estimate, 'AWS::RDS::DBCluster');
    const items = checkedItems(c);
    expect(items['Storage (Aurora Standard, Aurora PostgreSQL)'].monthlyCost).toBeCloseTo(10 * 0.1, 6);
    expect(items['I/O requests (Aurora Standard)'].monthlyCost).toBeCloseTo(0.2, 6);
  });

  test('CloudFront, KMS, Secrets Manager, Scheduler, alarms, dashboard, log groups', () => {
    const [cdn] = byType(estimate, 'AWS::CloudFront::Distribution');
    const cdnItems = checkedItems(cdn);
    expect(cdnItems['Data transfer out to viewers'].monthlyCost).toBeCloseTo(10 * 0.085, 6);
    expect(cdnItems['HTTPS requests'].monthlyCost).toBeCloseTo(100 * 0.01, 6);
    const [key] = byType(estimate, 'AWS::KMS::Key');
    expect(checkedItems(key)['Customer managed key'].monthlyCost).toBe(1);
    expect(checkedItems(key)['Key requests'].monthlyCost).toBeCloseTo(0.03, 6);
    const [secret] = byType(estimate, 'AWS::SecretsManager::Secret');
    expect(checkedItems(secret).Secret.monthlyCost).toBeCloseTo(0.4, 6);
    const [sched] = byType(estimate, 'AWS::Scheduler::Schedule');
    expect(checkedItems(sched)['Scheduled invocations'].quantity).toBeCloseTo(H / 24 / 1e6, 9);
    const alarms = byType(estimate, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    for (const a of alarms) expect(a.monthlyCost.expected).toBeCloseTo(0.1 * Number(/\((\d+),/.exec(a.lineItems[0].description)![1]), 6);
    const [dash] = byType(estimate, 'AWS::CloudWatch::Dashboard');
    expect(dash.monthlyCost.expected).toBe(3);
    const logs = byType(estimate, 'AWS::Logs::LogGroup');
    const withRetention = logs.find((l) => l.assumptions.some((a) => /months of retention/.test(a)))!;
    expect(checkedItems(withRetention)['Log ingestion'].monthlyCost).toBeCloseTo(0.5, 6);
  });

  test('free tier is a separate deduction; the budget guard names budget, estimate and top drivers', () => {
    expect(estimate.freeTierDeduction).toBeGreaterThan(0);
    expect(estimate.monthlyCostAfterFreeTier.expected).toBeCloseTo(estimate.monthlyCost.expected - estimate.freeTierDeduction, 6);
    const lambdaReq = estimate.freeTier.find((f) => f.description.startsWith('Lambda: 1M'))!;
    expect(lambdaReq.deduction).toBeCloseTo(0.2, 6);
    const within = BudgetGuard.evaluate(estimate, { monthlyUsd: 800, enforcement: 'fail-synth', name: 'shop' });
    expect(within.exceeded).toBe(false);
    const over = BudgetGuard.evaluate(estimate, { monthlyUsd: 100, enforcement: 'fail-synth', name: 'shop' });
    expect(over.exceeded).toBe(true);
    expect(over.failsSynth).toBe(true);
    expect(over.topDrivers).toHaveLength(3);
    expect(over.message).toContain('$100.00');
    expect(over.message).toContain(`$${estimate.monthlyCost.expected.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
    for (const d of over.topDrivers) expect(over.message).toContain(d.logicalId);
    expect(BudgetGuard.evaluate(estimate, { monthlyUsd: 100 }).failsSynth).toBe(false);
    expect(() => BudgetGuard.evaluate(estimate, { monthlyUsd: -1 })).toThrow(/monthlyUsd must be a number >= 0/);
  });

  test('the report contributor fills the cost fields of a design report', () => {
    const resources = Object.entries(template.Resources as { [id: string]: { Type: string } })
      .filter(([, r]) => r.Type !== 'AWS::CDK::Metadata').map(([logicalId, r]) => ({ logicalId, type: r.Type }));
    const report = { stackName: 'Shop', region: 'us-east-1', regionAssumed: true, budget: { monthlyUsd: 100, enforcement: 'fail-synth' }, resources } as unknown as DesignReport;
    let verdict: any;
    const filled = costReportContributor({ onEstimate: (_e, b) => { verdict = b; } }).contribute(report, template);
    expect(filled.pricingCatalogDate).toBe(CostEstimator.catalogEffectiveDate);
    expect(filled.monthlyCost!.expected).toBeGreaterThan(100);
    expect(filled.budget!.withinBudget).toBe(false);
    expect(verdict.failsSynth).toBe(true);
    expect(filled.resources.every((r) => r.status !== undefined && r.monthlyCost !== undefined)).toBe(true);
    // The headline names what the total leaves out; the budget says its check is incomplete.
    expect(filled.costHeadline).toMatch(/^\$[\d,]+\.\d\d a month \+ 2 unpriced: /);
    expect(filled.unpricedResources).toHaveLength(2);
    expect(filled.budget!.incomplete).toBe(true);
    expect(filled.budget!.message).toContain(filled.costHeadline);
  });
});

/** A hand-built template of the types the example app does not use. */
const handBuilt = {
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 512 } },
    Rest: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
    Prov: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } } },
    ProvReadScaling: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MinCapacity: 5, MaxCapacity: 50, ScalableDimension: 'dynamodb:table:ReadCapacityUnits', ResourceId: { 'Fn::Join': ['', ['table/', { Ref: 'Prov' }]] } } },
    SubA: { Type: 'AWS::EC2::Subnet', Properties: {} },
    SubB: { Type: 'AWS::EC2::Subnet', Properties: {} },
    Eip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
    Nat: { Type: 'AWS::EC2::NatGateway', Properties: { AllocationId: { 'Fn::GetAtt': ['Eip', 'AllocationId'] }, SubnetId: { Ref: 'SubA' } } },
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing', Subnets: [{ Ref: 'SubA' }, { Ref: 'SubB' }] } },
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', Subnets: [{ Ref: 'SubA' }] } },
    TaskDef: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: '512', Memory: '1024', RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' } } },
    Svc: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', DesiredCount: 2, TaskDefinition: { Ref: 'TaskDef' } } },
    SvcScaling: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MinCapacity: 2, MaxCapacity: 6, ScalableDimension: 'ecs:service:DesiredCount', ResourceId: { 'Fn::Join': ['', ['service/', { 'Fn::GetAtt': ['Svc', 'Name'] }]] } } },
    Pg: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: '20', StorageType: 'gp3' } },
    Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { CacheNodeType: 'cache.t4g.micro', Engine: 'redis', NumCacheClusters: 2 } },
    Waf: { Type: 'AWS::WAFv2::WebACL', Properties: { Scope: 'REGIONAL', Rules: [{ Name: 'a' }, { Name: 'b' }, { Name: 'c' }] } },
    Vm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro' } },
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
    Role: { Type: 'AWS::IAM::Role', Properties: {} },
    Search: { Type: 'AWS::OpenSearchService::Domain', Properties: {} },
  },
};

describe('hand-built template: every other modelled type, by hand-computed figures', () => {
  const e = CostEstimator.estimateTemplate({ template: handBuilt, region: 'us-east-1', usage: { Rest: { monthlyRequests: 400_000_000 }, Fn: { monthlyRequests: 0 } } });
  const r = (id: string) => e.resources.find((x) => x.logicalId === id)!;

  test('REST API: tiers applied (333M at $3.50, 67M at $2.80)', () => {
    const item = checkedItems(r('Rest'))['REST API requests'];
    expect(item.monthlyCost).toBeCloseTo(333 * 3.5 + 67 * 2.8, 6);
    expect(r('Rest').assumptions.join()).toMatch(/tiered price/);
  });

  test('a field given as 0 means zero', () => {
    expect(r('Fn').monthlyCost.expected).toBe(0);
    expect(r('Fn').status).toBe(ResourceCostStatus.PRICED);
  });

  test('DynamoDB provisioned: capacity hours, autoscaling range', () => {
    const items = checkedItems(r('Prov'));
    expect(items['Write capacity (provisioned)'].monthlyCost).toBeCloseTo(5 * H * 0.00065, 6);
    const read = items['Read capacity (provisioned)'];
    expect(read.monthlyCost).toBeCloseTo(10 * H * 0.00013, 6);
    expect(read.monthlyCostRange.low).toBeCloseTo(5 * H * 0.00013, 6);
    expect(read.monthlyCostRange.high).toBeCloseTo(50 * H * 0.00013, 6);
  });

  test('NAT gateway hours and GB; its EIP is the public IPv4', () => {
    const nat = checkedItems(r('Nat'));
    expect(nat['NAT gateway hours'].monthlyCost).toBeCloseTo(H * 0.045, 6);
    expect(nat['Data processed'].monthlyCost).toBeCloseTo(10 * 0.045, 6);
    expect(r('Nat').assumptions.join()).toMatch(/priced on Eip/);
    expect(r('Eip').monthlyCost.expected).toBeCloseTo(H * 0.005, 6);
  });

  test('ALB hours, LCU and one public IPv4 per AZ; internal NLB without IPv4', () => {
    const alb = checkedItems(r('Alb'));
    expect(alb['ALB hours'].monthlyCost).toBeCloseTo(H * 0.0225, 6);
    expect(alb['ALB capacity units (LCU)'].monthlyCost).toBeCloseTo(H * 0.008, 6);
    expect(alb['Public IPv4 addresses (2 AZs)'].monthlyCost).toBeCloseTo(2 * H * 0.005, 6);
    const nlb = checkedItems(r('Nlb'));
    expect(Object.keys(nlb)).toEqual(['NLB hours', 'NLB capacity units (NLCU)']);
    expect(nlb['NLB capacity units (NLCU)'].monthlyCost).toBeCloseTo(H * 0.006, 6);
  });

  test('Fargate: size from the task definition, count from desired count and autoscaling', () => {
    const items = r('Svc').lineItems;
    const [vcpu, mem] = items;
    expect(vcpu.quantity).toBeCloseTo(2 * 0.5 * H, 6);
    expect(vcpu.monthlyCost).toBeCloseTo(2 * 0.5 * H * 0.04048, 6);
    expect(mem.monthlyCost).toBeCloseTo(2 * 1 * H * 0.004445, 6);
    expect(vcpu.monthlyCostRange.high).toBeCloseTo(6 * 0.5 * H * 0.04048, 6);
    expect(r('Svc').assumptions.join()).toMatch(/task size from TaskDef/);
  });

  test('RDS instance hours and gp3 storage; ElastiCache nodes; WAF; EC2', () => {
    const pg = checkedItems(r('Pg'));
    expect(pg['Instance (db.t4g.micro, PostgreSQL, Single-AZ)'].monthlyCost).toBeCloseTo(H * 0.016, 6);
    expect(pg['Storage (gp3, Single-AZ)'].monthlyCost).toBeCloseTo(20 * 0.115, 6);
    expect(r('Cache').monthlyCost.expected).toBeCloseTo(2 * H * 0.016, 6);
    const waf = checkedItems(r('Waf'));
    expect(waf['Web ACL'].monthlyCost).toBe(5);
    expect(waf['Rules and rule groups (3)'].monthlyCost).toBe(3);
    expect(waf['Requests inspected'].monthlyCost).toBeCloseTo(0.6, 6);
    // No SubnetId: the default VPC, whose subnets give the instance a public IPv4 address.
    expect(r('Vm').monthlyCost.expected).toBeCloseTo(H * 0.0104 + H * 0.005, 6);
  });

  test('known-free and unpriced types are classified and listed', () => {
    expect(r('Sg').status).toBe(ResourceCostStatus.FREE);
    expect(r('Role').status).toBe(ResourceCostStatus.FREE);
    expect(r('TaskDef').status).toBe(ResourceCostStatus.FREE);
    expect(r('Search').status).toBe(ResourceCostStatus.UNPRICED);
    expect(e.unpricedResources).toEqual([expect.stringMatching(/^Search \(AWS::OpenSearchService::Domain\): data node hours \(InstanceType not in the template\)/)]);
  });

  test('a type modelled but without a catalog figure is unpriced with the reason', () => {
    const big = CostEstimator.estimateTemplate({ template: { Resources: { C: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { CacheNodeType: 'cache.r7g.8xlarge', NumCacheClusters: 1 } } } } });
    expect(big.resources[0].status).toBe(ResourceCostStatus.UNPRICED);
    expect(big.resources[0].reason).toMatch(/no figure for AmazonElastiCache NodeUsage:cache.r7g.8xlarge \(cacheEngine=Redis\)/);
  });
});

describe('instance and node sizes: every size the design picks, and common sizes users deploy', () => {
  // Each [type, properties, hourly price from the catalog's source, nodes or instances].
  test.each([
    ['cache.t4g.small Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.t4g.small', Engine: 'redis', NumCacheClusters: 2 }, 0.032, 2],
    ['cache.t4g.medium Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.t4g.medium', NumCacheClusters: 2 }, 0.065, 2],
    ['cache.r7g.large Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.r7g.large', NumCacheClusters: 3 }, 0.219, 3],
    ['cache.r7g.xlarge Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.r7g.xlarge', NumCacheClusters: 1 }, 0.437, 1],
    ['cache.r7g.2xlarge Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.r7g.2xlarge', NumCacheClusters: 2 }, 0.873, 2],
    ['cache.r7g.4xlarge Redis', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.r7g.4xlarge', NumNodeGroups: 2, ReplicasPerNodeGroup: 1 }, 1.745, 4],
    ['cache.m7g.large Redis', 'AWS::ElastiCache::CacheCluster', { CacheNodeType: 'cache.m7g.large', Engine: 'redis', NumCacheNodes: 1 }, 0.158, 1],
    ['cache.t4g.micro Valkey', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.t4g.micro', Engine: 'valkey', NumCacheClusters: 2 }, 0.0128, 2],
    ['cache.r7g.large Valkey', 'AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.r7g.large', Engine: 'Valkey', NumCacheClusters: 2 }, 0.1752, 2],
    ['db.t4g.small Single-AZ', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.small', AllocatedStorage: 20, StorageType: 'gp3' }, 0.032, 1],
    ['db.t4g.small Multi-AZ', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.small', MultiAZ: true, AllocatedStorage: 20, StorageType: 'gp3' }, 0.065, 1],
    ['db.t4g.medium', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.medium', AllocatedStorage: 20, StorageType: 'gp3' }, 0.065, 1],
    ['db.t4g.large', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.large', AllocatedStorage: 20, StorageType: 'gp3' }, 0.129, 1],
    ['db.t3.small', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.small', AllocatedStorage: 20, StorageType: 'gp3' }, 0.036, 1],
    ['db.t3.medium', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.medium', AllocatedStorage: 20, StorageType: 'gp3' }, 0.072, 1],
    ['db.m7g.large', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.m7g.large', AllocatedStorage: 20, StorageType: 'gp3' }, 0.168, 1],
    ['db.r7g.large', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.r7g.large', AllocatedStorage: 20, StorageType: 'gp3' }, 0.239, 1],
    ['t3.nano', 'AWS::EC2::Instance', { InstanceType: 't3.nano' }, 0.0052, 1],
    ['t3.small', 'AWS::EC2::Instance', { InstanceType: 't3.small' }, 0.0208, 1],
    ['t3.medium', 'AWS::EC2::Instance', { InstanceType: 't3.medium' }, 0.0416, 1],
    ['t3.large', 'AWS::EC2::Instance', { InstanceType: 't3.large' }, 0.0832, 1],
    ['t4g.nano', 'AWS::EC2::Instance', { InstanceType: 't4g.nano' }, 0.0042, 1],
    ['t4g.small', 'AWS::EC2::Instance', { InstanceType: 't4g.small' }, 0.0168, 1],
    ['t4g.medium', 'AWS::EC2::Instance', { InstanceType: 't4g.medium' }, 0.0336, 1],
    ['t4g.large', 'AWS::EC2::Instance', { InstanceType: 't4g.large' }, 0.0672, 1],
    ['m7g.large', 'AWS::EC2::Instance', { InstanceType: 'm7g.large' }, 0.0816, 1],
    ['c7g.large', 'AWS::EC2::Instance', { InstanceType: 'c7g.large' }, 0.0725, 1],
    ['m6i.large', 'AWS::EC2::Instance', { InstanceType: 'm6i.large' }, 0.096, 1],
  ])('%s', (_label, type, properties, hourly, count) => {
    const [x] = CostEstimator.estimateTemplate({ template: { Resources: { X: { Type: type, Properties: properties } } } }).resources;
    expect(x.status).toBe(ResourceCostStatus.PRICED);
    const [hours] = x.lineItems;
    expect(hours.quantity).toBeCloseTo(count * H, 6);
    expect(hours.unitPrice).toBe(hourly);
    expect(hours.monthlyCost).toBeCloseTo(count * H * hourly, 6);
  });

  test('Multi-AZ instances use the Multi-AZ usage type and storage price', () => {
    const [x] = CostEstimator.estimateTemplate({ template: { Resources: { X: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', DBInstanceClass: 'db.t4g.small', MultiAZ: 'true', AllocatedStorage: 100, StorageType: 'gp3' } } } } }).resources;
    const items = checkedItems(x);
    expect(items['Instance (db.t4g.small, PostgreSQL, Multi-AZ)'].monthlyCost).toBeCloseTo(H * 0.065, 6);
    expect(items['Storage (gp3, Multi-AZ)'].monthlyCost).toBeCloseTo(100 * 0.23, 6);
    expect(x.monthlyCost.expected).toBeCloseTo(H * 0.065 + 23, 6);
  });

  test('every cache node size the design can pick has a figure', () => {
    const catalog = BUNDLED_CATALOG.regions['us-east-1'];
    for (const nodeType of ['cache.t4g.micro', 'cache.t4g.small', 'cache.t4g.medium', 'cache.r7g.large', 'cache.r7g.xlarge', 'cache.r7g.2xlarge', 'cache.r7g.4xlarge']) {
      expect(catalog[priceKey('AmazonElastiCache', `NodeUsage:${nodeType}`, { cacheEngine: 'Redis' })]).toBeDefined();
    }
  });
});

/** Types beyond the ones the design deploys: what platform teams' own stacks contain. */
const platformTemplate = {
  Resources: {
    Eks: { Type: 'AWS::EKS::Cluster', Properties: { Version: '1.34' } },
    CdkEks: { Type: 'Custom::AWSCDK-EKS-Cluster', Properties: { ServiceToken: 'arn', Config: { version: '1.35' } } },
    OldEks: { Type: 'AWS::EKS::Cluster', Properties: { Version: '1.31' } },
    PinnedEks: { Type: 'AWS::EKS::Cluster', Properties: { Version: '1.31', UpgradePolicy: { SupportType: 'STANDARD' } } },
    Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { InstanceTypes: ['t4g.medium'], ScalingConfig: { MinSize: 2, DesiredSize: 3, MaxSize: 5 } } },
    Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { InstanceType: 't3.small', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3', Iops: 4000, Throughput: 250 } }] } } },
    Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '4', DesiredCapacity: '2', LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: '1' } } },
    Vol: { Type: 'AWS::EC2::Volume', Properties: { Size: 100, VolumeType: 'gp3' } },
    Io: { Type: 'AWS::EC2::Volume', Properties: { Size: 50, VolumeType: 'io1', Iops: 1000 } },
    Vm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }] } },
    Files: { Type: 'AWS::EFS::FileSystem', Properties: {} },
    Repo: { Type: 'AWS::ECR::Repository', Properties: {} },
    Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: {} },
    Fast: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineType: 'EXPRESS' } },
    Shards: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 2 } },
    OnDemand: { Type: 'AWS::Kinesis::Stream', Properties: { StreamModeDetails: { StreamMode: 'ON_DEMAND' } } },
    Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'orders' } },
    Zone: { Type: 'AWS::Route53::HostedZone', Properties: { Name: 'example.com' } },
    Tgw: { Type: 'AWS::EC2::TransitGateway', Properties: {} },
    Attach: { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: { Ref: 'Tgw' } } },
    Rest: { Type: 'AWS::ApiGateway::RestApi', Properties: {} },
    Cached: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Rest' }, CacheClusterEnabled: true, CacheClusterSize: '1.6' } },
    Plain: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: { Ref: 'Rest' } } },
    Ws: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'WEBSOCKET' } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024, EphemeralStorage: { Size: 2048 } } },
    FnVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Fn' } } },
    Live: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Fn' }, FunctionVersion: { 'Fn::GetAtt': ['FnVersion', 'Version'] }, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 } } },
    LiveScaling: {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        MinCapacity: 5,
        MaxCapacity: 20,
        ScalableDimension: 'lambda:function:ProvisionedConcurrency',
        ResourceId: { 'Fn::Join': ['', ['function:', { 'Fn::Select': [6, { 'Fn::Split': [':', { Ref: 'Live' }] }] }, ':live']] },
      },
    },
  },
};

describe('platform stacks: EKS, Auto Scaling, EBS, EFS, ECR, Step Functions, Kinesis, EventBridge, Route 53, Transit Gateway, API caches, WebSockets', () => {
  const e = CostEstimator.estimateTemplate({
    template: platformTemplate,
    usage: {
      Fn: { monthlyRequests: 1_000_000, averageDurationMs: 1000 },
      Files: { storageGb: 50 },
      Repo: { storageGb: 5 },
      Fast: { monthlyRequests: 1_000_000, averageDurationMs: 250 },
      Shards: { monthlyRequests: 5_000_000 },
      OnDemand: { monthlyDataProcessedGb: 10 },
      Bus: { monthlyRequests: 3_000_000 },
      Zone: { monthlyRequests: 2_000_000 },
      Attach: { monthlyDataProcessedGb: 100 },
      Ws: { monthlyRequests: 2_000_000, monthlyConnectionMinutes: 5_000_000 },
    },
  });
  const r = (id: string) => e.resources.find((x) => x.logicalId === id)!;
  const items = (id: string) => checkedItems(r(id));

  test('every resource is priced or known-free; nothing unpriced, nothing silently $0', () => {
    expect(e.unpricedResources).toEqual([]);
    for (const id of ['Tgw', 'Lt', 'Plain', 'FnVersion', 'LiveScaling']) expect(r(id).status).toBe(ResourceCostStatus.FREE);
    for (const x of e.resources.filter((y) => y.status === ResourceCostStatus.PRICED)) expect(x.monthlyCost.expected).toBeGreaterThan(0);
  });

  test('EKS: $0.10 a cluster-hour, for the CloudFormation and the aws-eks custom resource alike; node groups as EC2', () => {
    // On the catalog's date (2026-10-06) 1.34 and 1.35 are in standard support.
    expect(r('Eks').monthlyCost.expected).toBeCloseTo(H * 0.1, 6);
    expect(r('CdkEks').monthlyCost.expected).toBeCloseTo(H * 0.1, 6);
    expect(r('Eks').assumptions.join()).toMatch(/until 2026-12-02; extended support then adds \$0.50/);
    const [nodes] = r('Nodes').lineItems;
    expect(nodes.monthlyCost).toBeCloseTo(3 * H * 0.0336, 6);
    expect(nodes.monthlyCostRange.low).toBeCloseTo(2 * H * 0.0336, 6);
    expect(nodes.monthlyCostRange.high).toBeCloseTo(5 * H * 0.0336, 6);
  });

  test('EKS past standard support: $0.10 plus $0.50 extended support; the STANDARD upgrade policy avoids it', () => {
    const old = items('OldEks');
    expect(old['Cluster control plane'].monthlyCost).toBeCloseTo(H * 0.1, 6);
    expect(old['Extended support'].monthlyCost).toBeCloseTo(H * 0.5, 6);
    expect(r('OldEks').monthlyCost.expected).toBeCloseTo(H * 0.6, 6);
    expect(r('OldEks').assumptions.join()).toMatch(/past standard support \(ended 2025-11-26\)/);
    expect(r('PinnedEks').monthlyCost.expected).toBeCloseTo(H * 0.1, 6);
  });

  test('Auto Scaling group: instances and their gp3 volumes with IOPS and throughput above the baseline', () => {
    const asg = items('Asg');
    expect(asg['Instances (2 (1-4) x t3.small)'].monthlyCost).toBeCloseTo(2 * H * 0.0208, 6);
    expect(asg['EBS /dev/xvda (gp3, 30 GB per instance)'].monthlyCost).toBeCloseTo(2 * 30 * 0.08, 6);
    expect(asg['EBS /dev/xvda: IOPS above 3,000 (1000)'].monthlyCost).toBeCloseTo(2 * 1000 * 0.005, 6);
    const throughput = asg['EBS /dev/xvda: throughput above 125 MiB/s (125 MiB/s)'];
    expect(throughput.monthlyCost).toBeCloseTo(2 * 125 * 0.04, 6);
    expect(throughput.unitPrice).toBeCloseTo(0.04, 9);
    expect(throughput.quantity).toBeCloseTo(250, 6);
  });

  test('an Auto Scaling group at MinSize 0 with no desired count expects one instance, ranging 0 to max', () => {
    const x = CostEstimator.estimateTemplate({
      template: {
        Resources: {
          Lc: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { InstanceType: 't4g.small' } },
          Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '0', MaxSize: '3', LaunchConfigurationName: { Ref: 'Lc' } } },
        },
      },
    }).resources.find((y) => y.logicalId === 'Asg')!;
    expect(x.monthlyCost).toEqual({ low: 0, expected: expect.closeTo(H * 0.0168, 6), high: expect.closeTo(3 * H * 0.0168, 6) });
    expect(x.assumptions.join()).toMatch(/MinSize 0: 1 instance expected/);
  });

  test('EBS volumes: gp3 GB-months; io1 GB-months and IOPS; an instance\'s mapped root volume (gp2 when no type)', () => {
    expect(r('Vol').monthlyCost.expected).toBeCloseTo(100 * 0.08, 6);
    expect(r('Io').monthlyCost.expected).toBeCloseTo(50 * 0.125 + 1000 * 0.065, 6);
    expect(items('Vm')['EBS /dev/xvda (gp2, 8 GB)'].monthlyCost).toBeCloseTo(0.8, 6);
    // No SubnetId: the default VPC, whose subnets give the instance a public IPv4 address.
    expect(items('Vm')['Public IPv4 address'].monthlyCost).toBeCloseTo(H * 0.005, 6);
    expect(r('Vm').monthlyCost.expected).toBeCloseTo(H * 0.0104 + 0.8 + H * 0.005, 6);
  });

  test('EFS Standard and ECR storage', () => {
    expect(r('Files').monthlyCost.expected).toBeCloseTo(50 * 0.3, 6);
    expect(r('Repo').monthlyCost.expected).toBeCloseTo(5 * 0.1, 6);
  });

  test('Step Functions: Standard transitions (10 per execution by default), Express requests and 64 MB duration; 4,000 free transitions', () => {
    expect(r('Flow').monthlyCost.expected).toBeCloseTo(100_000 * 0.000025, 6);
    expect(r('Flow').assumptions.join()).toMatch(/10 per execution = 100000/);
    const fast = items('Fast');
    expect(fast['Express requests'].monthlyCost).toBeCloseTo(1, 6);
    // 250 ms bills as 300 ms: 1M x 0.3 s x 0.0625 GB = 18,750 GB-s.
    expect(fast['Express duration'].quantity).toBeCloseTo(18_750, 6);
    expect(fast['Express duration'].monthlyCost).toBeCloseTo(18_750 * 0.00001667, 6);
    expect(e.freeTier.find((f) => f.description.startsWith('Step Functions'))!.deduction).toBeCloseTo(4000 * 0.000025, 9);
  });

  test('Kinesis: provisioned shards and PUT units; on-demand stream hours, GB in and out', () => {
    expect(r('Shards').monthlyCost.expected).toBeCloseTo(2 * H * 0.015 + 5 * 0.014, 6);
    expect(r('OnDemand').monthlyCost.expected).toBeCloseTo(H * 0.04 + 10 * 0.08 + 10 * 0.04, 6);
  });

  test('EventBridge bus, Route 53 zone and queries, Transit Gateway attachment', () => {
    expect(r('Bus').monthlyCost.expected).toBeCloseTo(3, 6);
    expect(r('Zone').monthlyCost.expected).toBeCloseTo(0.5 + 2 * 0.4, 6);
    expect(r('Attach').monthlyCost.expected).toBeCloseTo(H * 0.05 + 100 * 0.02, 6);
  });

  test('REST API cache hours on the stage; WebSocket messages and connection minutes', () => {
    expect(r('Cached').monthlyCost.expected).toBeCloseTo(H * 0.038, 6);
    const ws = items('Ws');
    expect(ws['WebSocket messages'].monthlyCost).toBeCloseTo(2, 6);
    expect(ws['Connection minutes'].monthlyCost).toBeCloseTo(5 * 0.25, 6);
  });

  test('Lambda: ephemeral storage above 512 MB, and provisioned concurrency on the alias', () => {
    // 1M x 1 s x (2048 - 512) / 1024 GB = 1.5M GB-s of storage.
    const fn = items('Fn');
    expect(fn['Ephemeral storage above 512 MB (2048 MB, x86)'].quantity).toBeCloseTo(1_500_000, 6);
    expect(fn['Ephemeral storage above 512 MB (2048 MB, x86)'].monthlyCost).toBeCloseTo(1_500_000 * 0.0000000309, 9);
    // 10 environments x 1 GB x 730 h x 3,600 s = 26,280,000 GB-s.
    const pc = items('Live')['Provisioned concurrency (10 x 1024 MB)'];
    expect(pc.quantity).toBeCloseTo(26_280_000, 3);
    expect(pc.monthlyCost).toBeCloseTo(26_280_000 * 0.0000041667, 4);
    // Its autoscaling target ranges it from 5 to 20 environments.
    expect(pc.monthlyCostRange.low).toBeCloseTo(26_280_000 / 2 * 0.0000041667, 4);
    expect(pc.monthlyCostRange.high).toBeCloseTo(26_280_000 * 2 * 0.0000041667, 4);
  });
});

describe('what the catalog or the model cannot price is unpriced, with the reason; never a silent $0', () => {
  test.each([
    ['API of an unknown protocol', 'AWS::ApiGatewayV2::Api', { ProtocolType: 'GRPC' }, /GRPC API requests/],
    ['FIFO topic', 'AWS::SNS::Topic', { FifoTopic: true }, /FIFO topic/],
    ['unknown schedule', 'AWS::Scheduler::Schedule', { ScheduleExpression: 'sometimes' }, /not understood; give monthlyRequests/],
    ['Standard-IA table', 'AWS::DynamoDB::Table', { TableClass: 'STANDARD_INFREQUENT_ACCESS' }, /Standard-IA/],
    ['Neptune I/O-Optimized storage', 'AWS::Neptune::DBCluster', { StorageType: 'iopt1' }, /I\/O-Optimized storage/],
    ['unknown cache engine', 'AWS::ElastiCache::ReplicationGroup', { Engine: 'dragonfly', CacheNodeType: 'cache.t4g.micro' }, /dragonfly nodes/],
    ['io2 RDS storage without Iops', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: 100, StorageType: 'io2' }, /io2 provisioned IOPS \(Iops not in the template\)/],
    ['previous-generation cache node', 'AWS::ElastiCache::CacheCluster', { Engine: 'memcached', CacheNodeType: 'cache.m3.medium' }, /no figure for AmazonElastiCache NodeUsage:cache.m3.medium/],
    ['Fargate on Windows', 'AWS::ECS::Service', { LaunchType: 'FARGATE', TaskDefinition: { Ref: 'Win' } }, /Fargate on WINDOWS_SERVER_2022_CORE/],
    ['service without its task definition', 'AWS::ECS::Service', { LaunchType: 'FARGATE', TaskDefinition: 'arn:aws:ecs:task-definition/x' }, /task definition and its Cpu\/Memory are not in the template/],
    ['Gateway Load Balancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'gateway' }, /gateway load balancer/],
    ['Gateway LB endpoint', 'AWS::EC2::VPCEndpoint', { VpcEndpointType: 'GatewayLoadBalancer' }, /GatewayLoadBalancer endpoint/],
    ['high-resolution alarm', 'AWS::CloudWatch::Alarm', { Period: 10 }, /high-resolution/],
    ['anomaly detection alarm', 'AWS::CloudWatch::Alarm', { ThresholdMetricId: 'ad1', Metrics: [] }, /anomaly detection/],
    ['Infrequent Access logs', 'AWS::Logs::LogGroup', { LogGroupClass: 'INFREQUENT_ACCESS' }, /Infrequent Access/],
    ['provisioned concurrency', 'AWS::Lambda::Alias', { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 } }, /provisioned concurrency/],
    ['API cache of a size without a figure', 'AWS::ApiGateway::Stage', { CacheClusterEnabled: true, CacheClusterSize: '6.1' }, /ApiGatewayCacheUsage:6.1GB/],
    ['io2 IOPS above 32,000', 'AWS::EC2::Volume', { Size: 100, VolumeType: 'io2', Iops: 40000 }, /io2 IOPS above 32,000 \(8000/],
    ['volume sized by its snapshot', 'AWS::EC2::Volume', { SnapshotId: 'snap-1' }, /size from a snapshot/],
    ['Spot node group', 'AWS::EKS::Nodegroup', { CapacityType: 'SPOT' }, /Spot/],
    ['node group on an imported launch template', 'AWS::EKS::Nodegroup', { LaunchTemplate: { Id: 'lt-0abc' } }, /launch template and its InstanceType are not in the template/],
    ['EKS Fargate profile', 'AWS::EKS::FargateProfile', {}, /pods on Fargate/],
    ['aws-eks Fargate profile', 'Custom::AWSCDK-EKS-FargateProfile', {}, /pods on Fargate/],
    ['Auto Scaling group with parameterised sizes', 'AWS::AutoScaling::AutoScalingGroup', { MinSize: { Ref: 'Min' }, MaxSize: { Ref: 'Max' }, LaunchConfigurationName: { Ref: 'Lc' } }, /not literal numbers/],
    ['Spot Auto Scaling group', 'AWS::AutoScaling::AutoScalingGroup', { MinSize: '1', MaxSize: '2', LaunchConfigurationName: { Ref: 'SpotLc' } }, /Spot instances/],
    ['EFS elastic throughput', 'AWS::EFS::FileSystem', { ThroughputMode: 'elastic' }, /elastic throughput/],
    ['Auto Scaling group without its launch template', 'AWS::AutoScaling::AutoScalingGroup', { LaunchTemplate: { LaunchTemplateId: 'lt-1' } }, /InstanceType are not in the template/],
    ['provisioned EFS throughput', 'AWS::EFS::FileSystem', { ThroughputMode: 'provisioned' }, /provisioned throughput/],
    ['paid managed rule group', 'AWS::WAFv2::WebACL', { Rules: [{ Statement: { ManagedRuleGroupStatement: { Name: 'AWSManagedRulesBotControlRuleSet' } } }] }, /BotControl/],
    ['EC2 type without a figure', 'AWS::EC2::Instance', {}, /BoxUsage:m1.small/],
  ])('%s', (_label, type, properties, reason) => {
    const template = {
      Resources: {
        X: { Type: type, Properties: properties },
        Win: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } } },
        Lc: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { InstanceType: 't3.micro' } },
        SpotLc: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { InstanceType: 't3.micro', SpotPrice: '0.01' } },
      },
    };
    const e = CostEstimator.estimateTemplate({ template });
    const x = e.resources.find((r) => r.logicalId === 'X')!;
    expect(x.status).toBe(ResourceCostStatus.UNPRICED);
    expect(x.reason).toMatch(reason);
    expect(e.unpricedResources.some((u) => u.startsWith('X ('))).toBe(true);
  });

  // Unpriced before the catalog's breadth (issue 10), priced now.
  test.each([
    ['Aurora MySQL storage', 'AWS::RDS::DBCluster', { Engine: 'aurora-mysql' }],
    ['I/O-Optimized cluster', 'AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', StorageType: 'aurora-iopt1' }],
    ['gp2 storage', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', AllocatedStorage: 20 }],
    ['Multi-AZ db.t4g.micro', 'AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t4g.micro', MultiAZ: true, AllocatedStorage: 20, StorageType: 'gp3' }],
    ['Memcached nodes', 'AWS::ElastiCache::CacheCluster', { Engine: 'memcached', CacheNodeType: 'cache.t4g.micro' }],
  ])('%s is priced', (_label, type, properties) => {
    const [x] = CostEstimator.estimateTemplate({ template: { Resources: { X: { Type: type, Properties: properties } } } }).resources;
    expect(x.status).toBe(ResourceCostStatus.PRICED);
    expect(x.monthlyCost.expected).toBeGreaterThan(0);
  });

  test.each([
    ['ECS on EC2 capacity', 'AWS::ECS::Service', { LaunchType: 'EC2' }, /EC2 or external capacity/],
    ['gateway endpoint', 'AWS::EC2::VPCEndpoint', {}, /gateway endpoints/],
    ['Lambda version', 'AWS::Lambda::Version', {}, /version or alias/],
    ['a CDK helper custom resource', 'Custom::S3AutoDeleteObjects', {}, /CDK helper custom resource/],
  ])('%s is known-free', (_label, type, properties, reason) => {
    const [x] = CostEstimator.estimateTemplate({ template: { Resources: { X: { Type: type, Properties: properties } } } }).resources;
    expect(x.status).toBe(ResourceCostStatus.FREE);
    expect(x.reason).toMatch(reason);
  });

  test('Fargate public IPs, a disabled schedule, an interface endpoint without subnets, an NLB on EIPs', () => {
    const e = CostEstimator.estimateTemplate({
      template: {
        Resources: {
          T: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: '256', Memory: '512', RuntimePlatform: { CpuArchitecture: 'ARM64' } } },
          S: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'T' }, NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } } },
          Off: { Type: 'AWS::Scheduler::Schedule', Properties: { State: 'DISABLED', ScheduleExpression: 'rate(1 minute)' } },
          Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface' } },
          N: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', SubnetMappings: [{ AllocationId: 'eipalloc-1' }] } },
        },
      },
    });
    const r = (id: string) => e.resources.find((x) => x.logicalId === id)!;
    const s = checkedItems(r('S'));
    expect(s['Fargate vCPU (0.25 vCPU x 1 tasks)'].monthlyCost).toBeCloseTo(0.25 * H * 0.03238, 6);
    expect(s['Fargate memory (0.5 GB x 1 tasks)'].monthlyCost).toBeCloseTo(0.5 * H * 0.00356, 6);
    expect(s['Public IPv4 address (one per task)'].monthlyCost).toBeCloseTo(H * 0.005, 6);
    expect(r('S').assumptions.join()).toMatch(/DesiredCount not set: 1 task/);
    expect(r('Off').monthlyCost.expected).toBe(0);
    expect(r('Ep').assumptions.join()).toMatch(/no SubnetIds in the template: 1 AZ assumed/);
    expect(r('N').assumptions.join()).toMatch(/Elastic IPs, priced on the EIP resources/);
  });
});

describe('published AWS pricing examples', () => {
  test('Lambda 512 MB, 3M invocations of 1 s (x86): $25.60 before free tier, $18.73 after', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 512, Architectures: ['x86_64'] } } } },
      usage: { Fn: { monthlyRequests: 3_000_000, averageDurationMs: 1000 } },
    });
    expect(e.monthlyCost.expected).toBeCloseTo(25.6, 2);
    expect(e.monthlyCostAfterFreeTier.expected).toBeCloseTo(18.73, 2);
    expect(Math.abs(e.monthlyCostAfterFreeTier.expected - 18.73)).toBeLessThan(0.01);
  });

  test('data transfer out across its tiers: 10 TB at $0.09, 40 TB at $0.085, 100 TB at $0.07, the rest at $0.05', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Vm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro' } } } },
      usage: { Vm: { monthlyDataTransferOutGb: 200 * 1024 } },
    });
    const dto = checkedItems(e.resources[0])['Data transfer out to the internet'];
    expect(dto.monthlyCost).toBeCloseTo(10240 * 0.09 + 40960 * 0.085 + 102400 * 0.07 + 51200 * 0.05, 6);
  });

  test('REST API requests across all four published tiers (25B requests)', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Rest: { Type: 'AWS::ApiGateway::RestApi', Properties: {} } } },
      usage: { Rest: { monthlyRequests: 25e9 } },
    });
    expect(e.resources[0].status).toBe(ResourceCostStatus.PRICED);
    expect(e.resources[0].lineItems[0].monthlyCost).toBeCloseTo(333 * 3.5 + 667 * 2.8 + 19_000 * 2.38 + 5_000 * 1.51, 4);
  });

  test('Lambda duration crossing the 6B GB-s tier uses both tier prices', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024 } } } },
      usage: { Fn: { monthlyRequests: 10e9, averageDurationMs: 1000 } },
    });
    const duration = e.resources[0].lineItems[1];
    expect(duration.monthlyCost).toBeCloseTo(6e9 * 0.0000166667 + 4e9 * 0.000015, 2);
  });
});

describe('regions', () => {
  test('a region without catalog data is estimated from us-east-1 and every line says so', () => {
    const e = CostEstimator.estimateTemplate({ template: handBuilt, region: 'sa-east-1' });
    expect(e.regionAssumed).toBe(false);
    const priced = e.resources.flatMap((r) => r.lineItems);
    expect(priced.length).toBeGreaterThan(10);
    for (const l of priced) {
      expect(l.estimatedFromOtherRegion).toBe(true);
      expect(l.description).toMatch(/estimated from the us-east-1 price: no sa-east-1 figure/);
    }
    expect(e.assumptions.join()).toMatch(/no sa-east-1 figure/);
  });

  test.each([
    // region, NAT $/hour, NAT $/GB (undefined: not collected), ALB $/hour, Fargate x86 $/vCPU-hour and $/GB-hour
    ['us-west-2', 0.045, undefined, 0.0225, 0.04048, 0.004445],
    ['eu-west-1', 0.048, 0.048, 0.0252, 0.04048, 0.004445],
    ['eu-central-1', 0.052, 0.052, 0.027, 0.04656, 0.00511],
    ['ap-southeast-2', 0.059, 0.059, 0.0252, 0.04856, 0.00532],
  ])('%s: its own figures where collected, us-east-1 elsewhere, line by line', (region, natHour, natGb, albHour, vcpu, gb) => {
    const e = CostEstimator.estimateTemplate({ template: handBuilt, region, usage: { Fn: { monthlyRequests: 1_000_000, averageDurationMs: 200 } } });
    const r = (id: string) => checkedItems(e.resources.find((x) => x.logicalId === id)!);
    const own = (item: CostLineItem, usd: number) => {
      expect(item.unitPrice).toBe(usd);
      expect(item.estimatedFromOtherRegion).toBe(false);
      expect(item.description).not.toMatch(/estimated from/);
    };
    own(r('Nat')['NAT gateway hours'], natHour);
    if (natGb === undefined) expect(r('Nat')['Data processed (estimated from the us-east-1 price: no ' + region + ' figure in the catalog)'].unitPrice).toBe(0.045);
    else own(r('Nat')['Data processed'], natGb);
    own(r('Alb')['ALB hours'], albHour);
    const svc = e.resources.find((x) => x.logicalId === 'Svc')!.lineItems;
    own(svc[0], vcpu);
    own(svc[1], gb);
    const fn = e.resources.find((x) => x.logicalId === 'Fn')!.lineItems;
    own(fn[0], 0.2);
    own(fn[1], 0.0000166667);
    // WAF: AWS prices it the same in every region, so each region carries the figures.
    const wafItems = e.resources.find((x) => x.logicalId === 'Waf')!.lineItems;
    expect(wafItems.map((l) => [l.unitPrice, l.estimatedFromOtherRegion])).toEqual([[5, false], [1, false], [0.6, false]]);
    // Provisioned DynamoDB capacity, RDS instances, ElastiCache: no figure collected for these regions.
    for (const id of ['Prov', 'Pg', 'Cache']) {
      for (const item of e.resources.find((x) => x.logicalId === id)!.lineItems.filter((l) => !l.description.startsWith('Table storage'))) {
        expect(item.estimatedFromOtherRegion).toBe(true);
        expect(item.description).toMatch(new RegExp(`estimated from the us-east-1 price: no ${region} figure`));
      }
    }
  });

  test('eu-west-1 from its Price List extract: HTTP API $1.11 per million, DynamoDB on-demand $0.705/$0.1415 per million', () => {
    const e = CostEstimator.estimateTemplate({
      template: {
        Resources: {
          Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
          Table: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST' } },
        },
      },
      region: 'eu-west-1',
      usage: {
        Api: { monthlyRequests: 10_000_000 },
        Table: { monthlyWriteRequestUnits: 2_000_000, monthlyReadRequestUnits: 4_000_000, storageGb: 10 },
      },
    });
    const api = checkedItems(e.resources.find((r) => r.logicalId === 'Api')!);
    expect(api['HTTP API requests'].monthlyCost).toBeCloseTo(10 * 1.11, 6);
    const table = e.resources.find((r) => r.logicalId === 'Table')!;
    checkedItems(table);
    expect(table.monthlyCost.expected).toBeCloseTo(2 * 0.705 + 4 * 0.1415 + 10 * 0.283, 6);
    expect(table.lineItems.every((l) => !l.estimatedFromOtherRegion)).toBe(true);
  });

  test('a regional tier with no collected figure is unpriced, never the us-east-1 tier price', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024 } } } },
      region: 'eu-central-1',
      usage: { Fn: { monthlyRequests: 10e9, averageDurationMs: 1000 } },
    });
    const [fn] = e.resources;
    expect(fn.status).toBe(ResourceCostStatus.UNPRICED);
    expect(fn.reason).toMatch(/Lambda-GB-Second/);
  });

  test('the PriceBook resolves a region of its own before falling back', () => {
    const catalog = { ...BUNDLED_CATALOG, regions: { ...BUNDLED_CATALOG.regions, 'eu-central-1': { 'AmazonEC2:NatGateway-Hours': { ...BUNDLED_CATALOG.regions['us-east-1']['AmazonEC2:NatGateway-Hours'], tiers: [{ beginRange: 0, endRange: null, usd: 0.052 }] } } } };
    const book = new PriceBook(catalog, 'eu-central-1');
    expect(book.resolve({ serviceCode: 'AmazonEC2', usageType: 'NatGateway-Hours' })).toMatchObject({ region: 'eu-central-1', fellBack: false, tiers: [{ usd: 0.052 }] });
    expect(book.resolve({ serviceCode: 'AmazonEC2', usageType: 'NatGateway-Bytes' })).toMatchObject({ region: 'us-east-1', fellBack: true });
    expect(book.resolve({ serviceCode: 'AmazonCloudFront', usageType: 'US-DataTransfer-Out-Bytes' })).toMatchObject({ fellBack: false });
    expect(book.resolve({ serviceCode: 'AmazonEC2', usageType: 'NoSuchThing' })).toBeUndefined();
  });
});

test('a catalog file written by pricing refresh replaces the bundled prices', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cie-cat-')), 'catalog.json');
  const nat = BUNDLED_CATALOG.regions['us-east-1']['AmazonEC2:NatGateway-Hours'];
  const catalog = { ...BUNDLED_CATALOG, version: 'refreshed', regions: { 'us-east-1': { ...BUNDLED_CATALOG.regions['us-east-1'], 'AmazonEC2:NatGateway-Hours': { ...nat, tiers: [{ beginRange: 0, endRange: null, usd: 0.05 }] } } } };
  fs.writeFileSync(file, JSON.stringify(catalog));
  const e = CostEstimator.estimateTemplate({ template: { Resources: { Nat: { Type: 'AWS::EC2::NatGateway', Properties: {} } } }, catalogFile: file, usage: { Nat: { monthlyDataProcessedGb: 0 } } });
  expect(e.pricingCatalogVersion).toBe('refreshed');
  expect(e.monthlyCost.expected).toBeCloseTo(730 * 0.05, 6);
  fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2 }));
  expect(() => CostEstimator.estimateTemplate({ template: { Resources: {} }, catalogFile: file })).toThrow(/is not a catalog: schemaVersion must be 1/);
});

describe('bad input is a clear error', () => {
  const tpl = { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: {} } } };
  test.each([
    ['a malformed region', { template: tpl, region: 'Mars' }, /region 'Mars' is not an AWS region code/],
    ['an unknown region', { template: tpl, region: 'us-east-9' }, /region 'us-east-9' is not a region the estimator knows/],
    ['a usage key matching no resource', { template: tpl, usage: { Nope: { monthlyRequests: 1 } } }, /usage key 'Nope' matches no resource/],
    ['a negative quantity', { template: tpl, usage: { Fn: { monthlyRequests: -5 } } }, /usage\['Fn'\]\.monthlyRequests must be a number >= 0, got -5/],
    ['an unknown usage field', { template: tpl, usage: { Fn: { monthlyRequest: 5 } } }, /monthlyRequest is not a usage field/],
    ['unparseable JSON', { template: '{ not json' }, /template is not readable: not valid JSON/],
    ['a non-object template', { template: 42 }, /template is not readable: expected a CloudFormation template object/],
    ['Resources that is not an object', { template: { Resources: [] } }, /template is not readable: Resources is not an object of resources/],
    ['a resource without Type', { template: { Resources: { X: { Properties: {} } } } }, /resource 'X' has no Type/],
    ['a missing catalog file', { template: tpl, catalogFile: '/nonexistent/catalog.json' }, /pricing catalog \/nonexistent\/catalog.json is not readable/],
    ['inverted usage factors', { template: tpl, lowUsageFactor: 3 }, /lowUsageFactor <= 1 <= highUsageFactor/],
  ])('%s', (_label, options, message) => {
    expect(() => CostEstimator.estimateTemplate(options as any)).toThrow(message);
  });

  test('usage by construct path: the most specific key wins per field', () => {
    const t = { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: {}, Metadata: { 'aws:cdk:path': 'S/Svc/Fn/Resource' } } } };
    const e = CostEstimator.estimateTemplate({ template: t, usage: { 'S/Svc': { monthlyRequests: 5e6, averageDurationMs: 50 }, 'S/Svc/Fn': { monthlyRequests: 2e6 } } });
    expect(e.resources[0].lineItems[0].quantity).toBe(2);
    expect(e.resources[0].assumptions.join()).toContain('128 MB x 50 ms');
  });
});

describe('schedule expressions', () => {
  test.each([
    ['rate(1 hour)', 730], ['rate(5 minutes)', 8760], ['rate(1 day)', 730 / 24], ['cron(0 3 * * ? *)', 730 / 24],
    ['cron(0/15 * * * ? *)', 4 * 730], ['cron(0 9 ? * MON-FRI *)', (5 * 730) / 24 / 7], ['cron(0 0 1 * ? *)', 1], ['at(2030-01-01T00:00:00)', 1],
  ])('%s', (expr, runs) => {
    expect(runsPerMonth(expr)).toBeCloseTo(runs as number, 6);
  });
  test('unknown expressions are undefined', () => {
    expect(runsPerMonth('every day')).toBeUndefined();
  });
});

describe('properties', () => {
  const usageArb = fc.record({
    monthlyRequests: fc.integer({ min: 0, max: 5e9 }),
    averageDurationMs: fc.integer({ min: 0, max: 900_000 }),
    storageGb: fc.integer({ min: 0, max: 2_000_000 }),
    monthlyDataTransferOutGb: fc.integer({ min: 0, max: 100_000 }),
  });
  const tpl = { Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 1024 } }, B: { Type: 'AWS::S3::Bucket', Properties: {} }, Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: {} }, Api: { Type: 'AWS::ApiGateway::RestApi', Properties: {} } } };
  const cost = (u: object) => CostEstimator.estimateTemplate({ template: tpl, usage: { Fn: u, B: u, Cdn: u } }).monthlyCost;

  test('low <= expected <= high, and the estimate never decreases when usage grows', () => {
    fc.assert(fc.property(usageArb, fc.double({ min: 1, max: 10, noNaN: true }), (u, k) => {
      const a = cost(u);
      expect(a.low).toBeLessThanOrEqual(a.expected + 1e-9);
      expect(a.expected).toBeLessThanOrEqual(a.high + 1e-9);
      const bigger = Object.fromEntries(Object.entries(u).map(([f, v]) => [f, Math.round(v * k)]));
      expect(cost(bigger).expected).toBeGreaterThanOrEqual(a.expected - 1e-6);
    }), { numRuns: 150 });
  });
});
