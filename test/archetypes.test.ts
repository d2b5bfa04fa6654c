import { App } from 'aws-cdk-lib';
import { ApplicationStack } from '../src/app';
import { compositeAvailability } from '../src/reliability';
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
  ['BACKEND_SERVICE on Lambda', { name: 'svc', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.FUNCTION }, ['AWS::Lambda::Function']],
  ['BACKEND_SERVICE on Fargate', { name: 'svc', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.CONTAINER },
    ['AWS::ECS::Service', 'AWS::ServiceDiscovery::Service', 'AWS::ServiceDiscovery::PrivateDnsNamespace']],
  ['WEBSOCKET_API', { name: 'svc', workload: WorkloadType.WEBSOCKET_API }, ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Route', 'AWS::DynamoDB::Table']],
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

describe('services that call services: a public API calls a backend on containers and one on functions; a WebSocket API calls the function backend', () => {
  const { stack, template } = synth({
    name: 'calls',
    environment: EnvironmentTier.STAGING,
    services: [
      { name: 'api', workload: WorkloadType.HTTP_API, calls: ['pricing', 'ledger'], traffic: { monthlyRequests: 3_000_000, peakRequestsPerSecond: 20 } },
      { name: 'pricing', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.CONTAINER, containerPort: 8080 },
      { name: 'ledger', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.FUNCTION, dataStores: ['entries'] },
      { name: 'live', workload: WorkloadType.WEBSOCKET_API, calls: ['ledger'] },
    ],
    dataStores: [{ name: 'entries', kind: DataStoreKind.KEY_VALUE }],
  });
  const resources = Object.entries<any>(template.Resources);
  const fnOf = (name: string) => resources.find(([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith(`Services${name}Function`))!;

  test('backends have no internet-facing entry point', () => {
    expect(countOf(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe(0);
    expect(resources.filter(([id, r]) => r.Type.startsWith('AWS::ApiGatewayV2::Api') && /^Services(pricing|ledger)/.test(id))).toEqual([]);
    expect(stack.design.service('pricing').publicEndpoint).toBe(false);
    expect(stack.design.service('ledger').publicEndpoint).toBe(false);
  });

  test('the caller gets each callee\'s endpoint in its environment', () => {
    const env = fnOf('api')[1].Properties.Environment.Variables;
    expect(env.PRICING_URL).toBe('http://pricing.pricing.internal:8080');
    expect(env.LEDGER_FUNCTION_NAME).toEqual({ Ref: fnOf('ledger')[0] });
    expect(fnOf('live')[1].Properties.Environment.Variables.LEDGER_FUNCTION_NAME).toEqual({ Ref: fnOf('ledger')[0] });
  });

  test('least privilege: invoke on the function backend only, and the container backend\'s port opened to the caller only', () => {
    const invoke = resources.filter(([, r]) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(r.Type) && JSON.stringify(r.Properties.PolicyDocument).includes('lambda:InvokeFunction'));
    const granted = invoke.map(([, r]) => (r.Properties.Roles ?? []).map((x: any) => x.Ref)).flat();
    expect(granted.some((role: string) => role.startsWith('Servicesapi'))).toBe(true);
    expect(granted.some((role: string) => role.startsWith('Serviceslive'))).toBe(true);
    expect(granted.some((role: string) => role.startsWith('Servicespricing'))).toBe(false);
    const ingress = resources.filter(([, r]) => r.Type === 'AWS::EC2::SecurityGroupIngress' && r.Properties.FromPort === 8080);
    expect(ingress.map(([, r]) => r.Properties.SourceSecurityGroupId['Fn::GetAtt'][0])).toEqual([expect.stringMatching(/^Servicesapi/)]);
    // A caller of a backend in the VPC runs in the VPC.
    expect(stack.design.service('api').inVpc).toBe(true);
  });

  test('the callee\'s SLA sits on the caller\'s request path', () => {
    const path = compositeAvailability(stack.design).paths.find((p) => p.service === 'api')!;
    expect(path.components.map((c) => c.service)).toEqual(expect.arrayContaining(['AWS Cloud Map', 'Amazon ECS on Fargate', 'Amazon DynamoDB']));
  });

  test('the WebSocket API is alarmed and priced by messages and connection minutes', () => {
    const alarms = resources.filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties.AlarmDescription);
    expect(alarms).toEqual(expect.arrayContaining([expect.stringMatching(/^live: more than 5 integration errors/), expect.stringMatching(/^pricing: CPU above 85%/)]));
    const usage = stack.design._usageEntries().find((u) => u.block === 'live' && u.path === 'Api')!;
    expect(usage.usage).toEqual({ monthlyRequests: 1_000_000, monthlyConnectionMinutes: 1_000_000 });
    expect(brokenDeployRules(template, stack.design)).toEqual([]);
  });
});
