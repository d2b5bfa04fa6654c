import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as rds from 'aws-cdk-lib/aws-rds';
import { BUNDLED_CATALOG } from '../../src/cost/catalog/data/bundled-catalog';
import { estimate } from '../../src/cost/estimator/estimate';
import { CostEstimate, ResourceCostEstimate, ResourceCostStatus } from '../../src/cost/model';

// The cases as aws-cdk-lib synthesizes them (defaults included: gp2 and 100 GB for
// DatabaseInstance), each priced against the us-east-1 list price by hand (730 hours).
const H = 730;

let e: CostEstimate;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Issue10');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  new rds.DatabaseInstance(stack, 'MySql', {
    engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_45 }),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE),
    vpc,
    vpcSubnets: isolated,
  });
  new rds.DatabaseInstance(stack, 'Oracle', {
    engine: rds.DatabaseInstanceEngine.oracleSe2({ version: rds.OracleEngineVersion.VER_19 }),
    licenseModel: rds.LicenseModel.LICENSE_INCLUDED,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.LARGE),
    vpc,
    vpcSubnets: isolated,
  });
  new rds.DatabaseCluster(stack, 'Aurora', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_15_7 }),
    writer: rds.ClusterInstance.provisioned('writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM) }),
    readers: [rds.ClusterInstance.provisioned('reader', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE) })],
    vpc,
    vpcSubnets: isolated,
  });
  new ec2.Instance(stack, 'Web', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.C6I, ec2.InstanceSize.XLARGE),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
  });
  new opensearch.Domain(stack, 'Search', {
    version: opensearch.EngineVersion.OPENSEARCH_2_11,
    capacity: { dataNodeInstanceType: 'm6g.large.search', dataNodes: 2, multiAzWithStandbyEnabled: false },
    ebs: { volumeSize: 20, volumeType: ec2.EbsDeviceVolumeType.GP2 },
    zoneAwareness: { enabled: true, availabilityZoneCount: 2 },
  });
  new elb.LoadBalancer(stack, 'Clb', { vpc, internetFacing: true });
  e = estimate({ template: app.synth().getStackByName('Issue10').template, catalog: BUNDLED_CATALOG });
});

function byPath(part: string, type: string): ResourceCostEstimate {
  const found = e.resources.filter((r) => r.type === type && (r.path ?? '').includes(part));
  expect(found).toHaveLength(1);
  return found[0];
}

function items(r: ResourceCostEstimate): { [description: string]: number } {
  return Object.fromEntries(r.lineItems.map((l) => [l.description, Number(l.monthlyCost.toFixed(2))]));
}

test('rds.DatabaseInstance MySQL db.m5.large: instance hours and its default 100 GB of gp2', () => {
  const db = byPath('/MySql/', 'AWS::RDS::DBInstance');
  expect(db.status).toBe(ResourceCostStatus.PRICED);
  expect(items(db)).toEqual({ 'Instance (db.m5.large, MySQL, Single-AZ)': 124.83, 'Storage (gp2, Single-AZ)': 11.5 });
});

test('Oracle SE2, license included', () => {
  expect(items(byPath('/Oracle/', 'AWS::RDS::DBInstance'))).toEqual({ 'Instance (db.t3.large, Oracle Standard Two, Single-AZ)': 219, 'Storage (gp2, Single-AZ)': 11.5 });
});

test('provisioned Aurora PostgreSQL: db.t4g.medium writer and db.r6g.large reader', () => {
  expect(items(byPath('/Aurora/writer/', 'AWS::RDS::DBInstance'))).toEqual({ 'Instance (db.t4g.medium, Aurora PostgreSQL)': Number((0.073 * H).toFixed(2)) });
  expect(items(byPath('/Aurora/reader/', 'AWS::RDS::DBInstance'))).toEqual({ 'Instance (db.r6g.large, Aurora PostgreSQL)': Number((0.26 * H).toFixed(2)) });
});

test('ec2.Instance c6i.xlarge in a public subnet, with its public IPv4 address', () => {
  expect(items(byPath('/Web/', 'AWS::EC2::Instance'))).toEqual({ 'Instance (c6i.xlarge)': Number((0.17 * H).toFixed(2)), 'Public IPv4 address': 3.65 });
});

test('OpenSearch domain and Classic Load Balancer', () => {
  expect(items(byPath('/Search/', 'AWS::OpenSearchService::Domain'))).toEqual({
    'Data nodes (2 x m6g.large.search)': Number((0.128 * 2 * H).toFixed(2)),
    'EBS storage (gp2, 20 GB x 2 data nodes)': 5.4,
  });
  const clb = byPath('/Clb/', 'AWS::ElasticLoadBalancing::LoadBalancer');
  expect(clb.status).toBe(ResourceCostStatus.PRICED);
  expect(items(clb)['Classic load balancer hours']).toBe(18.25);
});
