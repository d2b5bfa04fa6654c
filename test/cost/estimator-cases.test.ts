// The cases of issue 10, one test each: parameters, conditions, mappings, ForEach, nested
// stacks, empty stacks, classification and the headline. Prices are us-east-1 list prices.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnOutput, NestedStack, Stack, aws_ec2 as ec2, aws_rds as rds, aws_sqs as sqs, aws_sns as sns } from 'aws-cdk-lib';
import { CostReport } from '../../src/app/cost-report';
import { BudgetGuard, CostEstimate, CostEstimator, ResourceCostEstimate, ResourceCostStatus } from '../../src/cost';

const H = 730;

function estimate(resources: object, extra: object = {}, options: { parameters?: { [k: string]: string }; region?: string } = {}): CostEstimate {
  return CostEstimator.estimateTemplate({ template: { ...extra, Resources: resources }, ...options });
}
function res(e: CostEstimate, id: string): ResourceCostEstimate {
  const r = e.resources.find((x) => x.logicalId === id);
  if (!r) throw new Error(`no ${id} in ${e.resources.map((x) => x.logicalId).join(', ')}`);
  return r;
}
const within5 = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(0.05);

describe('parameters: Default, caller values, and what stays unknown', () => {
  const params = {
    Parameters: {
      Rcu: { Type: 'Number', Default: 100 },
      Wcu: { Type: 'Number', Default: 50 },
      Size: { Type: 'Number', Default: 500 },
      SizeNoDefault: { Type: 'Number' },
      Memory: { Type: 'Number', Default: 1024 },
      InstanceType: { Type: 'String', Default: 't3.micro' },
      TypeNoDefault: { Type: 'String' },
      Ami: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: '/aws/service/ami' },
    },
  };

  test('a provisioned DynamoDB table sized by Ref parameters is priced at the Defaults, saying so', () => {
    const e = estimate({ T: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: { Ref: 'Rcu' }, WriteCapacityUnits: { Ref: 'Wcu' } } } } }, params);
    const t = res(e, 'T');
    expect(t.status).toBe(ResourceCostStatus.PRICED);
    const capacity = t.lineItems.filter((l) => l.description.includes('capacity')).reduce((s, l) => s + l.monthlyCost, 0);
    within5(capacity, 100 * H * 0.00013 + 50 * H * 0.00065);
    expect(t.assumptions).toEqual(expect.arrayContaining(["Rcu = 100: the Default of parameter 'Rcu'", "Wcu = 50: the Default of parameter 'Wcu'"]));
  });

  test('an EBS volume sized by a parameter: the Default, a caller value, or unpriced naming the parameter', () => {
    const withDefault = res(estimate({ V: { Type: 'AWS::EC2::Volume', Properties: { Size: { Ref: 'Size' }, VolumeType: 'gp3', AvailabilityZone: 'us-east-1a' } } }, params), 'V');
    within5(withDefault.monthlyCost.expected, 500 * 0.08);
    const given = res(estimate({ V: { Type: 'AWS::EC2::Volume', Properties: { Size: { Ref: 'SizeNoDefault' }, VolumeType: 'gp3' } } }, params, { parameters: { SizeNoDefault: '200' } }), 'V');
    within5(given.monthlyCost.expected, 200 * 0.08);
    const unknown = res(estimate({ V: { Type: 'AWS::EC2::Volume', Properties: { Size: { Ref: 'SizeNoDefault' }, VolumeType: 'gp3' } } }, params), 'V');
    expect(unknown.status).toBe(ResourceCostStatus.UNPRICED);
    expect(unknown.reason).toBe("Size is the parameter 'SizeNoDefault' with no default: pass parameters");
    expect(unknown.monthlyCost.expected).toBe(0);
  });

  test('Lambda memory from a parameter is not "not set: 128 MB"', () => {
    const f = res(estimate({ F: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: { Ref: 'Memory' } } } }, params), 'F');
    expect(f.lineItems.map((l) => l.description)).toContain('Duration (x86, 1024 MB)');
    expect(f.assumptions.join('\n')).not.toMatch(/128 MB/);
  });

  test('InstanceType: !Ref is the Default, the caller\'s value, or unpriced naming the parameter; never m1.small', () => {
    const byDefault = res(estimate({ I: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'InstanceType' }, SubnetId: 'subnet-1' } } }, params), 'I');
    within5(byDefault.monthlyCost.expected, H * 0.0104);
    expect(byDefault.lineItems[0].description).toBe('Instance (t3.micro)');
    const given = res(estimate({ I: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'InstanceType' }, SubnetId: 'subnet-1' } } }, params, { parameters: { InstanceType: 'm5.large' } }), 'I');
    within5(given.monthlyCost.expected, H * 0.096);
    const unknown = res(estimate({ I: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'TypeNoDefault' }, ImageId: { Ref: 'Ami' } } } }, params), 'I');
    expect(unknown.status).toBe(ResourceCostStatus.UNPRICED);
    expect(unknown.reason).toContain("InstanceType is the parameter 'TypeNoDefault' with no default: pass parameters");
    expect(JSON.stringify(unknown)).not.toMatch(/m1\.small|\[object Object\]/);
  });

  test('a parameter the template does not declare is an error naming it and the declared ones', () => {
    expect(() => estimate({}, params, { parameters: { Nope: '1' } })).toThrow(/parameters 'Nope' not declared by the template \(declared: Rcu, Wcu/);
  });

  test('a parameter value outside AllowedValues, or not a number for a Number, is an error naming it and the accepted values', () => {
    const allowed = { Parameters: { Size: { Type: 'String', AllowedValues: ['small', 'large'] }, Count: { Type: 'Number', Default: 1 } } };
    expect(() => estimate({}, allowed, { parameters: { Size: 'huge' } })).toThrow('parameters.Size must be one of small, large, got "huge"');
    expect(() => estimate({}, allowed, { parameters: { Count: 'many' } })).toThrow('parameters.Count must be a number (its Type is Number), got "many"');
  });

  test('no [object Object] in any label: load balancer type, cache node type, RDS class, EKS version from parameters', () => {
    const extra = { Parameters: { LbType: { Type: 'String' }, Node: { Type: 'String' }, Class: { Type: 'String' }, Version: { Type: 'String' } } };
    const e = estimate({
      Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: { Ref: 'LbType' } } },
      Cache: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { CacheNodeType: { Ref: 'Node' }, Engine: 'redis', NumCacheNodes: 1 } },
      Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: { Ref: 'Class' }, Engine: 'postgres', AllocatedStorage: '20' } },
      Eks: { Type: 'AWS::EKS::Cluster', Properties: { Version: { Ref: 'Version' }, RoleArn: 'arn', ResourcesVpcConfig: {} } },
    }, extra);
    expect(JSON.stringify(e)).not.toContain('[object Object]');
    expect(res(e, 'Lb').reason).toContain("Type is the parameter 'LbType'");
    expect(res(e, 'Cache').reason).toContain("CacheNodeType is the parameter 'Node'");
    expect(res(e, 'Db').reason).toContain("DBInstanceClass is the parameter 'Class'");
    // The EKS model prices standard support and says the version is the parameter.
    expect(res(e, 'Eks').assumptions.join()).toMatch(/Version is parameter Version: standard support assumed/);
    expect(e.headline).toMatch(/^\$[\d.,]+ a month \+ 3 unpriced: /);
  });
});

describe('conditions, mappings, pseudo parameters and constant functions', () => {
  const extra = {
    Parameters: { Env: { Type: 'String', Default: 'prod', AllowedValues: ['prod', 'dev'] }, Size: { Type: 'String' } },
    Conditions: {
      IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
      IsDev: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      InUsEast: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
      ProdInUsEast: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'InUsEast' }] },
      Large: { 'Fn::Equals': [{ Ref: 'Size' }, 'large'] },
      DevOrLarge: { 'Fn::Or': [{ Condition: 'IsDev' }, { Condition: 'Large' }] },
    },
    Mappings: { Sizes: { prod: { Instance: 'm5.large' }, dev: { Instance: 't3.micro' } } },
  };
  const resources = {
    Prod: { Type: 'AWS::EC2::NatGateway', Condition: 'ProdInUsEast', Properties: { SubnetId: 's' } },
    Dev: { Type: 'AWS::EC2::NatGateway', Condition: 'IsDev', Properties: { SubnetId: 's' } },
    Maybe: { Type: 'AWS::EC2::NatGateway', Condition: 'DevOrLarge', Properties: { SubnetId: 's' } },
    Vm: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: 's', InstanceType: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Instance'] } } },
    Pick: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: 's', InstanceType: { 'Fn::If': ['IsProd', { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,c5.large'] }] }, 't3.nano'] } } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { MemorySize: 512, FunctionName: { 'Fn::Sub': '${AWS::StackName}-fn' }, Timeout: { 'Fn::If': ['IsDev', 3, { Ref: 'AWS::NoValue' }] } } },
  };

  test('a resource whose condition is false is excluded and listed; a true one is priced', () => {
    const e = estimate(resources, extra);
    expect(e.excludedResources).toEqual([{ logicalId: 'Dev', type: 'AWS::EC2::NatGateway', reason: "not deployed: its condition 'IsDev' is false" }]);
    expect(e.resources.map((r) => r.logicalId)).not.toContain('Dev');
    within5(res(e, 'Prod').lineItems[0].monthlyCost, H * 0.045);
  });

  test('a condition on a parameter with no value: unpriced naming the condition and parameter, not counted in the total', () => {
    const e = estimate(resources, extra);
    const maybe = res(e, 'Maybe');
    expect(maybe.status).toBe(ResourceCostStatus.UNPRICED);
    expect(maybe.reason).toMatch(/^deployed only if its condition 'DevOrLarge' is true, which depends on the parameter 'Size' with no default: pass parameters/);
    expect(maybe.monthlyCost.expected).toBe(0);
    expect(maybe.assumptions.join()).toMatch(/if deployed: \$3\d\.\d\d a month expected/);
    const given = estimate(resources, extra, { parameters: { Size: 'large' } });
    expect(res(given, 'Maybe').status).toBe(ResourceCostStatus.PRICED);
    expect(estimate(resources, extra, { parameters: { Size: 'small' } }).excludedResources.map((x) => x.logicalId)).toEqual(['Dev', 'Maybe']);
  });

  test('Fn::FindInMap, Fn::If, Select/Split, AWS::Region, AWS::NoValue resolve before the models', () => {
    const prod = estimate(resources, extra);
    expect(res(prod, 'Vm').lineItems[0].description).toBe('Instance (m5.large)');
    expect(res(prod, 'Pick').lineItems[0].description).toBe('Instance (c5.large)');
    const dev = estimate(resources, extra, { parameters: { Env: 'dev' } });
    expect(res(dev, 'Vm').lineItems[0].description).toBe('Instance (t3.micro)');
    expect(res(dev, 'Pick').lineItems[0].description).toBe('Instance (t3.nano)');
    expect(dev.excludedResources.map((x) => x.logicalId)).toEqual(['Prod']);
    // In another region the region condition turns the production NAT gateway off.
    expect(estimate(resources, extra, { region: 'eu-west-1' }).excludedResources.map((x) => x.logicalId).sort()).toEqual(['Dev', 'Prod']);
    expect(res(prod, 'Fn').status).toBe(ResourceCostStatus.PRICED);
  });
});

describe('SAM Globals', () => {
  test('a function without its own MemorySize takes the Globals one; its own value wins; maps merge', () => {
    const e = estimate({
      Plain: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: '.' } },
      Own: { Type: 'AWS::Serverless::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs20.x', CodeUri: '.', MemorySize: 256 } },
    }, { Transform: 'AWS::Serverless-2016-10-31', Globals: { Function: { MemorySize: 1024, Timeout: 10, Environment: { Variables: { A: '1' } } } } });
    const duration = (id: string) => res(e, id).lineItems.map((l) => l.description).find((d) => d.startsWith('Duration'));
    expect(duration('Plain')).toMatch(/1024 MB/);
    expect(duration('Own')).toMatch(/256 MB/);
  });
});

describe('Fn::ForEach (AWS::LanguageExtensions)', () => {
  test('loops over a list and a CommaDelimitedList parameter expand into priced resources; loops nest', () => {
    const e = estimate({
      'Fn::ForEach::Queues': ['Name', { Ref: 'Names' }, {
        'Queue${Name}': { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Sub': '${Name}-q' } } },
      }],
      'Fn::ForEach::Outer': ['Env', ['dev', 'prod'], {
        'Fn::ForEach::Inner': ['Kind', ['a', 'b'], {
          'Table&{Env}${Kind}': { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', TableName: { 'Fn::Join': ['-', [{ Ref: 'Env' }, { Ref: 'Kind' }]] } } },
        }],
      }],
    }, { Transform: 'AWS::LanguageExtensions', Parameters: { Names: { Type: 'CommaDelimitedList', Default: 'orders, jobs' } } });
    expect(e.resources.map((r) => r.logicalId).sort()).toEqual(['Queueorders', 'Queuejobs', 'Tabledeva', 'Tabledevb', 'Tableproda', 'Tableprodb'].sort());
    expect(e.resources.every((r) => r.status === ResourceCostStatus.PRICED)).toBe(true);
  });

  test('a loop over a parameter with no value is unpriced naming it, not a throw', () => {
    const e = estimate({ 'Fn::ForEach::Q': ['N', { Ref: 'Names' }, { 'Q${N}': { Type: 'AWS::SQS::Queue' } }] }, { Parameters: { Names: { Type: 'CommaDelimitedList' } } });
    expect(e.resources).toEqual([expect.objectContaining({
      logicalId: 'Q${N}',
      type: 'AWS::SQS::Queue',
      status: ResourceCostStatus.UNPRICED,
      reason: "one resource per item of Fn::ForEach 'Q', whose collection is the parameter 'Names' with no default: pass parameters",
    })]);
  });
});

describe('classification: the wrongly-free cases are priced or unpriced with a reason', () => {
  const e = estimate({
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: 'vpc', CidrBlock: '10.0.0.0/24', MapPublicIpOnLaunch: true } },
    PublicVm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro', SubnetId: { Ref: 'Subnet' } } },
    AssociatedVm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: 'true', SubnetId: 'subnet-1' }] } },
    PrivateVm: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro', SubnetId: 'subnet-private' } },
    FlowLogS3: { Type: 'AWS::EC2::FlowLog', Properties: { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b', ResourceId: 'vpc', ResourceType: 'VPC', TrafficType: 'ALL' } },
    FlowLogCw: { Type: 'AWS::EC2::FlowLog', Properties: { LogDestinationType: 'cloud-watch-logs', ResourceId: 'vpc', ResourceType: 'VPC', TrafficType: 'ALL' } },
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
    PlainCluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
    Advanced: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x', Tier: 'Advanced' } },
    Standard: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x' } },
    PrivateCert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'a.internal', CertificateAuthorityArn: 'arn:aws:acm-pca:us-east-1:1:certificate-authority/x' } },
    PublicCert: { Type: 'AWS::CertificateManager::Certificate', Properties: { DomainName: 'example.com' } },
    AdConnector: { Type: 'Custom::ADConnector', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:1:function:x' } },
    Generic: { Type: 'AWS::CloudFormation::CustomResource', Properties: { ServiceToken: 'arn' } },
    CdkHelper: { Type: 'Custom::S3AutoDeleteObjects', Properties: { ServiceToken: 'arn' } },
  });

  test('the public IPv4 of an instance in a public subnet or with AssociatePublicIpAddress is priced ($0.005 an hour)', () => {
    for (const id of ['PublicVm', 'AssociatedVm']) {
      const ip = res(e, id).lineItems.find((l) => l.description === 'Public IPv4 address');
      within5(ip!.monthlyCost, H * 0.005);
    }
    expect(res(e, 'PrivateVm').lineItems.map((l) => l.description)).not.toContain('Public IPv4 address');
  });

  test.each([
    ['FlowLogS3', /S3/],
    ['Cluster', /Container Insights/],
    ['Advanced', /Advanced/],
    ['PrivateCert', /private/i],
    ['AdConnector', /^custom resource: may create billable resources outside the template$/],
    ['Generic', /^custom resource: may create billable resources outside the template$/],
  ])('%s is not free: priced, or unpriced with the reason', (id, reason) => {
    const r = res(e, id);
    expect(r.status).not.toBe(ResourceCostStatus.FREE);
    if (r.status === ResourceCostStatus.UNPRICED) expect(r.reason).toMatch(reason);
    else expect(r.monthlyCost.expected).toBeGreaterThan(0);
  });

  test.each(['FlowLogCw', 'PlainCluster', 'Standard', 'PublicCert', 'CdkHelper'])('%s stays free', (id) => {
    expect(res(e, id).status).toBe(ResourceCostStatus.FREE);
  });

  test.each([
    'AWS::Logs::QueryDefinition', 'AWS::IAM::RolePolicy', 'AWS::CloudFormation::Macro', 'AWS::EC2::EIPAssociation',
    'AWS::ServiceCatalog::TagOption', 'AWS::EC2::DHCPOptions', 'AWS::Cognito::UserPoolClient', 'AWS::Cognito::UserPoolDomain',
    'AWS::DocDB::DBSubnetGroup', 'AWS::Neptune::DBSubnetGroup', 'AWS::Redshift::ClusterSubnetGroup', 'AWS::DAX::SubnetGroup',
    'AWS::Redshift::ClusterParameterGroup', 'AWS::DocDB::DBClusterParameterGroup', 'AWS::EC2::VPCDHCPOptionsAssociation',
    'AWS::IAM::UserToGroupAddition', 'AWS::IAM::AccessKey', 'AWS::ApiGateway::Model', 'AWS::ApiGateway::RequestValidator',
    'AWS::ApiGateway::UsagePlan', 'AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::UsagePlanKey', 'AWS::ApiGateway::BasePathMapping',
    'AWS::Cognito::UserPoolGroup', 'AWS::Cognito::IdentityPoolRoleAttachment', 'AWS::EC2::VPCCidrBlock',
    'AWS::EC2::EgressOnlyInternetGateway', 'AWS::SSM::Document', 'AWS::Glue::Database', 'AWS::CodeDeploy::Application',
  ])('%s is free with a reason (not unpriced noise)', (type) => {
    const [r] = estimate({ X: { Type: type, Properties: {} } }).resources;
    expect(r.status).toBe(ResourceCostStatus.FREE);
    expect(r.reason).toBeTruthy();
  });
});

describe('engine names are matched case-insensitively', () => {
  test.each([['MySQL', 'mysql'], ['Postgres', 'postgres']])('%s prices like %s', (upper, lower) => {
    const db = (engine: string) => res(estimate({ D: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: engine, DBInstanceClass: 'db.t3.micro', AllocatedStorage: '20', StorageType: 'gp3' } } }), 'D');
    expect(db(upper).status).toBe(db(lower).status);
    expect(db(upper).monthlyCost).toEqual(db(lower).monthlyCost);
  });
});

describe('nothing hidden in the headline', () => {
  const e = estimate({
    Fleet: { Type: 'AWS::GameLift::Fleet', Properties: {} },
    Fleet2: { Type: 'AWS::GameLift::Fleet', Properties: {} },
    Ad: { Type: 'Custom::ADConnector', Properties: { ServiceToken: 'x' } },
    Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: 's' } },
  });

  test('the total names how many resources are unpriced and their types', () => {
    expect(e.headline).toMatch(/^\$\d+\.\d\d a month \+ 3 unpriced: AWS::GameLift::Fleet x2, Custom::ADConnector$/);
    expect(CostEstimator.headline(e)).toBe(e.headline);
    expect(CostEstimator.formatHeadline(422.4, ['AWS::GameLift::Fleet', 'Custom::X'])).toBe('$422.40 a month + 2 unpriced: AWS::GameLift::Fleet, Custom::X');
    expect(CostEstimator.formatHeadline(1234.5, [])).toBe('$1,234.50 a month');
  });

  test('a budget check over unpriced resources says it is incomplete; WARN never suggests WARN', () => {
    const warn = BudgetGuard.evaluate(e, { monthlyUsd: 10, enforcement: 'warn', name: 'shop' });
    expect(warn.incomplete).toBe(true);
    expect(warn.message).toContain(e.headline);
    expect(warn.message).toMatch(/The check is incomplete: 3 unpriced resource\(s\) are not in the figure \(Fleet \(AWS::GameLift::Fleet\), /);
    expect(warn.remedy).not.toMatch(/WARN/);
    const fail = BudgetGuard.evaluate(e, { monthlyUsd: 10, enforcement: 'fail-synth' });
    expect(fail.remedy).toMatch(/BudgetEnforcement\.WARN/);
    const complete = BudgetGuard.evaluate(estimate({ Nat: { Type: 'AWS::EC2::NatGateway', Properties: {} } }), { monthlyUsd: 100 });
    expect(complete.incomplete).toBe(false);
    expect(complete.message).not.toMatch(/incomplete/);
  });
});

describe('whole applications: nested stacks, outputs-only stacks, titles', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'h2-apps-'));
  const app = new App({ outdir });
  const parent = new Stack(app, 'Parent');
  new sqs.Queue(parent, 'ParentQueue');
  const nested = new NestedStack(parent, 'Inner');
  new sns.Topic(nested, 'Topic');
  const deeper = new NestedStack(nested, 'Deeper');
  new sqs.Queue(deeper, 'DeepQueue');
  CostReport.of(parent);
  CostReport.of(nested);
  const outputsOnly = new Stack(app, 'OutputsOnly');
  new CfnOutput(outputsOnly, 'Hello', { value: 'world' });
  CostReport.of(outputsOnly);
  const mysqlStack = new Stack(app, 'Mysql');
  const vpc = new ec2.Vpc(mysqlStack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  new rds.DatabaseInstance(mysqlStack, 'Db', {
    engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
  CostReport.of(mysqlStack);
  const other = new Stack(app, 'Other');
  new sqs.Queue(other, 'Q');
  CostReport.of(other);
  app.synth();
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(outdir, name), 'utf8'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('a nested stack is priced inside its parent\'s total and listed as such, at every depth', () => {
    const report = read('Parent.cost-report.json');
    const inner = report.resources.find((r: any) => r.type === 'AWS::CloudFormation::Stack');
    expect(inner.status).toBe('free');
    expect(inner.reason).toMatch(/^nested stack: its 3 resources are priced in this estimate/);
    const topic = report.resources.find((r: any) => r.type === 'AWS::SNS::Topic');
    expect(topic).toEqual(expect.objectContaining({ status: 'priced', nestedStack: inner.logicalId }));
    const deep = report.resources.find((r: any) => r.type === 'AWS::SQS::Queue' && r.nestedStack?.includes('/'));
    expect(deep.status).toBe('priced');
    const sum = report.resources.reduce((s: number, r: any) => s + (r.monthlyCost?.expected ?? 0), 0);
    expect(report.monthlyCost.expected).toBeCloseTo(sum, 6);
    expect(report.monthlyCost.expected).toBeGreaterThan(0.4 + 0.5);
    expect(report.costHeadline).toMatch(/^\$\d+\.\d\d a month$/);
  });

  test('a nested stack\'s own report is titled by its construct path, not a token', () => {
    const file = fs.readdirSync(outdir).find((f) => f.endsWith('.cost-report.json') && f.includes('Inner'))!;
    const report = read(file);
    expect(report.stackName).toBe('Parent/Inner');
    expect(JSON.stringify(report)).not.toMatch(/\$\{Token/);
    expect(fs.readFileSync(path.join(outdir, file.replace('.json', '.md')), 'utf8')).not.toMatch(/\$\{Token/);
  });

  test('an outputs-only stack gets an empty report; the other stacks are unaffected', () => {
    const report = read('OutputsOnly.cost-report.json');
    expect(report.monthlyCost).toEqual({ low: 0, expected: 0, high: 0 });
    expect(report.resources).toEqual([]);
    expect(read('Other.cost-report.json').resources).toHaveLength(1);
  });

  test('a CDK RDS MySQL db.m5.large on its default gp2 storage is priced at list price, not "$0.45 a month"', () => {
    const report = read('Mysql.cost-report.json');
    const db = report.resources.find((r: any) => r.type === 'AWS::RDS::DBInstance');
    expect(db.status).toBe('priced');
    // db.m5.large MySQL Single-AZ $0.171 an hour; CDK's default 100 GB of gp2 at $0.115 a GB-month.
    within5(db.monthlyCost.expected, H * 0.171 + 100 * 0.115);
    expect(report.costHeadline).toMatch(/^\$1[34]\d\.\d\d a month/);
  });

  test('estimateTemplate prices nested templates given by logical ID; without them the nested stack is unpriced', () => {
    const parentTemplate = { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/x.json', Parameters: { Size: '2' } } } } };
    const child = {
      Parameters: { Size: { Type: 'Number' } },
      Resources: { Nat: { Type: 'AWS::EC2::NatGateway', Properties: {} }, Vm: { Type: 'AWS::EC2::Instance', Condition: 'Big', Properties: { InstanceType: 't3.micro', SubnetId: 's' } } },
      Conditions: { Big: { 'Fn::Equals': [{ Ref: 'Size' }, '2'] } },
    };
    const e = CostEstimator.estimateTemplate({ template: parentTemplate, nestedTemplates: { Child: child }, usage: { 'Child/Nat': { monthlyDataProcessedGb: 0 } } });
    expect(e.resources.filter((r) => r.nestedStack === 'Child').map((r) => r.logicalId).sort()).toEqual(['Nat', 'Vm']);
    within5(e.monthlyCost.expected, H * 0.045 + H * 0.0104);
    // A nested stack that deploys only under an unknown condition: its resources are not counted either.
    const conditional = CostEstimator.estimateTemplate({
      template: { Parameters: { Env: { Type: 'String' } }, Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, Resources: { Child: { ...parentTemplate.Resources.Child, Condition: 'Prod' } } },
      nestedTemplates: { Child: child },
    });
    expect(conditional.monthlyCost.expected).toBe(0);
    expect(conditional.resources.find((r) => r.logicalId === 'Nat')!.reason).toMatch(/^its nested stack Child is deployed only if its condition 'Prod' is true, which depends on the parameter 'Env'/);
    const missing = CostEstimator.estimateTemplate({ template: parentTemplate });
    expect(missing.resources[0].status).toBe(ResourceCostStatus.UNPRICED);
    expect(missing.headline).toMatch(/\+ 1 unpriced: AWS::CloudFormation::Stack$/);
  });
});

describe('a replica bucket is priced in the storage class its source replicates into, without reads', () => {
  const source = (Destination: object) => ({
    Type: 'AWS::S3::Bucket',
    Properties: { VersioningConfiguration: { Status: 'Enabled' }, ReplicationConfiguration: { Role: 'arn:aws:iam::1:role/r', Rules: [{ Status: 'Enabled', Destination }] } },
  });
  const replica = { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } };
  const usage = { Replica: { storageGb: 500, monthlyPutRequests: 600_000 } };

  test('STANDARD_IA: $0.0125/GB-month, PUTs at $0.01 per 1,000, no GETs by default', () => {
    const e = CostEstimator.estimateTemplate({
      template: { Resources: { Source: source({ Bucket: { 'Fn::GetAtt': ['Replica', 'Arn'] }, StorageClass: 'STANDARD_IA' }), Replica: replica } }, usage,
    });
    const r = res(e, 'Replica');
    expect(r.status).toBe(ResourceCostStatus.PRICED);
    const item = (re: RegExp) => r.lineItems.find((i) => re.test(i.description))!;
    expect(item(/^Storage/).description).toBe('Storage (S3 Standard-IA)');
    within5(item(/^Storage/).monthlyCost, 500 * 0.0125);
    within5(item(/^PUT/).monthlyCost, 600 * 0.01);
    expect(item(/^GET/).monthlyCost).toBe(0);
    expect(r.assumptions.join('\n')).toMatch(/a replica of Source, stored in S3 Standard-IA/);
    // The source stays S3 Standard.
    expect(res(e, 'Source').lineItems[0].description).toBe('Storage (S3 Standard)');
  });

  test('no StorageClass: the source object\'s class (Standard); a class without a figure is unpriced naming it', () => {
    const standard = CostEstimator.estimateTemplate({ template: { Resources: { Source: source({ Bucket: { 'Fn::GetAtt': ['Replica', 'Arn'] } }), Replica: replica } }, usage });
    within5(res(standard, 'Replica').lineItems.find((i) => /^Storage/.test(i.description))!.monthlyCost, 500 * 0.023);
    const glacier = CostEstimator.estimateTemplate({
      template: { Resources: { Source: source({ Bucket: { 'Fn::GetAtt': ['Replica', 'Arn'] }, StorageClass: 'DEEP_ARCHIVE' }), Replica: replica } }, usage,
    });
    expect(res(glacier, 'Replica').status).toBe(ResourceCostStatus.UNPRICED);
    expect(res(glacier, 'Replica').reason).toMatch(/DEEP_ARCHIVE, the class Source replicates into this bucket in/);
  });
});
