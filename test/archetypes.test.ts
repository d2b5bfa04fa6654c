import { App } from 'aws-cdk-lib';
import { ApplicationStack } from '../src/app';
import {
  ApplicationRequirements, DataStoreKind, EnvironmentTier, RuntimePreference, ServiceRequirements, WorkloadType,
} from '../src/requirements';
import { brokenDeployRules } from './support/invariants';

/** Resource types that prove a store kind was built. */
const STORE_TYPE: Record<DataStoreKind, string> = {
  [DataStoreKind.KEY_VALUE]: 'AWS::DynamoDB::Table',
  [DataStoreKind.RELATIONAL]: 'AWS::RDS::DBCluster',
  [DataStoreKind.OBJECT_STORAGE]: 'AWS::S3::Bucket',
  [DataStoreKind.QUEUE]: 'AWS::SQS::Queue',
  [DataStoreKind.CACHE]: 'AWS::ElastiCache::ReplicationGroup',
};
/** Resource types that prove a workload was built. */
const WORKLOAD_TYPES: Array<[string, ServiceRequirements, string[]]> = [
  ['HTTP_API on Lambda', { name: 'svc', workload: WorkloadType.HTTP_API }, ['AWS::Lambda::Function', 'AWS::ApiGatewayV2::Api']],
  ['HTTP_API on Fargate', { name: 'svc', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER }, ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer']],
  ['WEB_SERVICE', { name: 'svc', workload: WorkloadType.WEB_SERVICE }, ['AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::LoadBalancer']],
  ['QUEUE_WORKER', { name: 'svc', workload: WorkloadType.QUEUE_WORKER }, ['AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping']],
  ['SCHEDULED_JOB', { name: 'svc', workload: WorkloadType.SCHEDULED_JOB }, ['AWS::Lambda::Function', 'AWS::Scheduler::Schedule']],
  ['STATIC_SITE', { name: 'svc', workload: WorkloadType.STATIC_SITE }, ['AWS::CloudFront::Distribution', 'AWS::S3::Bucket']],
];
const TIERS = [EnvironmentTier.DEVELOPMENT, EnvironmentTier.STAGING, EnvironmentTier.PRODUCTION];

function synth(requirements: ApplicationRequirements) {
  const app = new App();
  const stack = new ApplicationStack(app, 'Archetype', { requirements, designReport: false });
  const template = app.synth().getStackArtifact(stack.artifactId).template;
  return { stack, template };
}

function countOf(template: any, type: string): number {
  return Object.values(template.Resources).filter((r: any) => r.Type === type).length;
}

// Each workload with each data store kind it can use (a static site uses none), in each tier.
const cases: Array<[string, string, EnvironmentTier, ServiceRequirements, string[], DataStoreKind | undefined]> = [];
for (const [label, service, types] of WORKLOAD_TYPES) {
  const kinds = service.workload === WorkloadType.STATIC_SITE ? [undefined] : [undefined, ...Object.values(DataStoreKind)];
  for (const kind of kinds) {
    for (const tier of TIERS) cases.push([label, kind ?? 'no store', tier, service, types, kind]);
  }
}

describe('every workload with every store kind it can use, in every tier, synthesizes without credentials', () => {
  test.each(cases)('%s with %s (%s)', (_label, _kind, tier, service, types, kind) => {
    const { stack, template } = synth({
      name: 'app',
      environment: tier,
      services: [{ ...service, dataStores: kind ? ['store'] : [] }],
      dataStores: kind ? [{ name: 'store', kind }] : [],
    });
    for (const type of types) expect(countOf(template, type)).toBeGreaterThanOrEqual(1);
    if (kind) expect(countOf(template, STORE_TYPE[kind])).toBeGreaterThanOrEqual(1);
    expect(brokenDeployRules(template, stack.design)).toEqual([]);
  });
});

describe('a mixed application: HTTP API, worker and scheduled job sharing a relational store and a queue, with a static front end', () => {
  const tiers = TIERS.map((tier) => [tier] as const);
  test.each(tiers)('synthesizes in %s with every part wired', (tier) => {
    const { stack, template } = synth({
      name: 'mixed',
      environment: tier,
      services: [
        { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['db', 'work'], traffic: { monthlyRequests: 20_000_000, peakRequestsPerSecond: 150 } },
        { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['db', 'work'] },
        { name: 'nightly', workload: WorkloadType.SCHEDULED_JOB, dataStores: ['db'], schedule: 'cron(0 2 * * ? *)' },
        { name: 'web', workload: WorkloadType.STATIC_SITE },
      ],
      dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 30 }, { name: 'work', kind: DataStoreKind.QUEUE }],
    });
    expect(countOf(template, 'AWS::Lambda::EventSourceMapping')).toBe(1);
    expect(countOf(template, 'AWS::Scheduler::Schedule')).toBe(1);
    expect(countOf(template, 'AWS::CloudFront::Distribution')).toBe(1);
    expect(countOf(template, 'AWS::RDS::DBCluster')).toBe(1);
    // All three functions reach the database: they run in the VPC, behind the secrets endpoint.
    for (const name of ['api', 'worker', 'nightly']) expect(stack.design.service(name).inVpc).toBe(true);
    expect(stack.design.network.interfaceEndpoints).toEqual(['secretsmanager', 'sqs']);
    // Each function is let in to the database port from its own security group, and nothing else of ours.
    const ingress = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::SecurityGroupIngress'
      && r.Properties.FromPort === 5432 && /^Services(api|worker|nightly)/.test(r.Properties.SourceSecurityGroupId?.['Fn::GetAtt']?.[0] ?? ''));
    expect(ingress).toHaveLength(3);
    expect(brokenDeployRules(template, stack.design)).toEqual([]);
  });
});
