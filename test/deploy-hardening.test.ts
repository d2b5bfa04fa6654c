// Issue 12's hardening gaps on the synthesized template: dead-letter queues of queue stores take
// redrives from their own queue only, and Redis in a compliance stack authenticates its clients
// (RBAC with IAM) instead of acknowledging the finding.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ApplicationStack } from '../src/app';
import {
  ApplicationRequirements, CacheAuthenticationRequirement, ComplianceFramework, DataStoreKind, EnvironmentTier, WorkloadType,
} from '../src/requirements';
import { findRequirementProblems } from '../src/requirements/validate';
import { AcceptanceKind } from '../src/security';

function synth(requirements: ApplicationRequirements) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-hardening-'));
  const app = new App({ outdir });
  const stack = new ApplicationStack(app, 'App', { requirements });
  const json = app.synth().getStackArtifact(stack.artifactId).template;
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'App.design-report.json'), 'utf8'));
  fs.rmSync(outdir, { recursive: true, force: true });
  return { stack, json, template: Template.fromJSON(json), report };
}

const HIPAA_APP: ApplicationRequirements = {
  name: 'care',
  environment: EnvironmentTier.PRODUCTION,
  compliance: [ComplianceFramework.HIPAA],
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['jobs', 'sessions'] },
    { name: 'worker', workload: WorkloadType.QUEUE_WORKER, consumesQueue: 'jobs', dataStores: ['sessions'] },
  ],
  dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, { name: 'sessions', kind: DataStoreKind.CACHE, storageGb: 1 }],
};

const idOf = (json: any, type: string, prefix: string) =>
  Object.keys(json.Resources).find((id) => id.startsWith(prefix) && json.Resources[id].Type === type)!;

describe('a HIPAA production application with a queue store and a cache', () => {
  const { stack, json, template, report } = synth(HIPAA_APP);
  const queue = idOf(json, 'AWS::SQS::Queue', 'DatajobsQueue');
  const deadLetterQueue = idOf(json, 'AWS::SQS::Queue', 'DatajobsDeadLetterQueue');
  const evaluation = () => stack.security!.lastEvaluation!;

  test('the queue store\'s dead-letter queue accepts redrives from its queue only, set by an AwsCustomResource', () => {
    const [id, resource] = Object.entries<any>(template.findResources('Custom::AWS')).find(([k]) => k.startsWith('DatajobsRedriveAllowPolicy'))!;
    const call = (phase: string) => JSON.stringify(resource.Properties[phase]);
    for (const phase of ['Create', 'Update']) {
      expect(call(phase)).toContain('\\"service\\":\\"SQS\\",\\"action\\":\\"setQueueAttributes\\"');
      expect(call(phase)).toContain(`{"Ref":"${deadLetterQueue}"}`); // QueueUrl of the dead-letter queue
      expect(call(phase)).toContain('\\\\\\"redrivePermission\\\\\\":\\\\\\"byQueue\\\\\\",\\\\\\"sourceQueueArns\\\\\\":[\\\\\\"');
      expect(call(phase)).toContain(`{"Fn::GetAtt":["${queue}","Arn"]}`);
    }
    expect(call('Delete')).toContain('\\\\\\"redrivePermission\\\\\\":\\\\\\"allowAll\\\\\\"');
    expect(call('Delete')).toContain('NonExistentQueue|QueueDoesNotExist');
    // Least privilege: the handler may set attributes on this dead-letter queue and nothing else.
    const policies = Object.values<any>(template.findResources('AWS::IAM::Policy'))
      .filter((p) => resource.DependsOn?.some((d: string) => JSON.stringify(p).includes(d)) || JSON.stringify(p).includes('sqs:SetQueueAttributes'));
    expect(policies).toHaveLength(1);
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      { Action: 'sqs:SetQueueAttributes', Effect: 'Allow', Resource: { 'Fn::GetAtt': [deadLetterQueue, 'Arn'] } },
    ]);
    // The queues themselves are as before: no RedriveAllowPolicy on the dead-letter queue in CloudFormation (it would be circular).
    expect(json.Resources[deadLetterQueue].Properties.RedriveAllowPolicy).toBeUndefined();
    expect(json.Resources[queue].Properties.RedrivePolicy.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': [deadLetterQueue, 'Arn'] });
    expect(id).toBeDefined();
  });

  test('the custom resource\'s singleton function is CDK\'s handler for the gate, and the estimate prices the call as free', () => {
    expect(evaluation().findings).toEqual([]);
    const handler = evaluation().acknowledgements.filter((a) => a.resourcePath.includes('AWS679f53fac002430cb0da5b7982bd2287'));
    expect(handler.length).toBeGreaterThan(0);
    expect(handler.every((a) => a.kind === AcceptanceKind.LIBRARY_EXEMPTION)).toBe(true);
    const custom = report.resources.find((r: any) => r.logicalId.startsWith('DatajobsRedriveAllowPolicy'));
    expect(custom.status).toBe('free');
    const fn = report.resources.find((r: any) => r.logicalId.startsWith('AWS679f53fac002430cb0da5b7982bd2287'));
    expect(fn).toBeDefined();
    expect(fn.status).not.toBe('unpriced');
    expect(fn.monthlyCost.expected).toBeLessThan(0.01);
  });

  test('the cache has a user group of a disabled default user and an IAM user', () => {
    const userGroup = idOf(json, 'AWS::ElastiCache::UserGroup', 'Datasessions');
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', { UserGroupIds: [{ Ref: userGroup }], TransitEncryptionEnabled: true });
    template.hasResourceProperties('AWS::ElastiCache::User', { UserName: 'default', AccessString: 'off -@all' });
    template.hasResourceProperties('AWS::ElastiCache::User', { AuthenticationMode: { Type: 'iam' }, AccessString: 'on ~* +@all' });
  });

  test('each service using the cache may connect as the IAM user and gets its name and the replication group id', () => {
    const replicationGroup = idOf(json, 'AWS::ElastiCache::ReplicationGroup', 'DatasessionsReplicationGroup');
    const iamUser = idOf(json, 'AWS::ElastiCache::User', 'DatasessionsIamUser');
    const connect = Object.values<any>(json.Resources)
      .filter((r) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(r.Type) && JSON.stringify(r.Properties.PolicyDocument).includes('elasticache:Connect'));
    expect(connect).toHaveLength(2); // the API's role and the worker's
    for (const policy of connect) {
      const statement = policy.Properties.PolicyDocument.Statement.find((s: any) => s.Action === 'elasticache:Connect');
      expect(JSON.stringify(statement.Resource)).toContain(`{"Ref":"${replicationGroup}"}`);
      expect(statement.Resource).toContainEqual({ 'Fn::GetAtt': [iamUser, 'Arn'] });
    }
    for (const service of ['Servicesapi', 'Servicesworker']) {
      const fn = Object.entries<any>(template.findResources('AWS::Lambda::Function')).find(([k]) => k.startsWith(`${service}Function`))![1];
      const env = fn.Properties.Environment.Variables;
      expect(env.SESSIONS_CACHE_USER).toMatch(/-iam$/);
      expect(env.SESSIONS_CACHE_REPLICATION_GROUP_ID).toEqual({ Ref: replicationGroup });
    }
  });

  test('the authentication finding is met, not acknowledged, and the design says how clients sign in', () => {
    const onCache = evaluation().acknowledgements.filter((a) => a.resourcePath.includes('sessions/ReplicationGroup'));
    expect(onCache.map((a) => a.ruleId)).not.toEqual(expect.arrayContaining([expect.stringMatching(/AEC6|CacheAuthenticated/)]));
    expect(evaluation().frameworks.find((f) => f.name === 'AwsSolutions')!.rulesFailed).toBe(0);
    const decision = stack.design.decisions.find((d) => d.subject === 'sessions')!;
    expect(decision.choice).toContain('Redis RBAC with IAM authentication');
    expect(decision.rationale).toContain('HIPAA');
  });
});

describe('a compliance cache that opts out of authentication', () => {
  const reason = 'Legacy clients cannot sign in with IAM tokens until the Q3 driver upgrade ships.';
  const optedOut: ApplicationRequirements = {
    ...HIPAA_APP,
    dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, { name: 'sessions', kind: DataStoreKind.CACHE, authentication: CacheAuthenticationRequirement.NONE, authenticationReason: reason }],
  };

  test('keeps the replication group without a user group, acknowledged with the requirements\' reason, shown in the report', () => {
    const { stack, template, report } = synth(optedOut);
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', { UserGroupIds: Match.absent() });
    template.resourceCountIs('AWS::ElastiCache::UserGroup', 0);
    const ack = stack.security!.lastEvaluation!.acknowledgements.filter((a) => a.resourcePath.includes('sessions/ReplicationGroup') && /AEC6|CacheAuthenticated/.test(a.ruleId));
    expect(ack.map((a) => a.ruleId)).toEqual(['CdkInfraEngineer-CacheAuthenticated']); // AwsSolutions-AEC6 is scored by the same finding
    for (const a of ack) expect(a.reason).toBe(`The requirements turn cache authentication off: ${reason}`);
    expect(JSON.stringify(report)).toContain(reason);
  });

  test('needs a reason under a compliance framework; the field takes CACHE stores and the enum\'s values only', () => {
    const stores = (store: object) => findRequirementProblems({ ...HIPAA_APP, dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, store] });
    expect(stores({ name: 'sessions', kind: DataStoreKind.CACHE, authentication: CacheAuthenticationRequirement.NONE })).toEqual([{
      path: 'requirements.dataStores[1].authenticationReason',
      message: expect.stringMatching(/^is required for authentication CacheAuthenticationRequirement\.NONE \('none'\) under a compliance framework.*or use CacheAuthenticationRequirement\.IAM \('iam'\)/),
    }]);
    expect(stores({ name: 'sessions', kind: DataStoreKind.CACHE, authentication: 'password' })).toEqual([{
      path: 'requirements.dataStores[1].authentication',
      message: 'must be one of CacheAuthenticationRequirement.IAM (\'iam\'), CacheAuthenticationRequirement.NONE (\'none\'), got \'password\'',
    }]);
    expect(stores({ name: 'sessions', kind: DataStoreKind.KEY_VALUE, authentication: CacheAuthenticationRequirement.IAM })).toEqual([{
      path: 'requirements.dataStores[1].authentication', message: 'applies only to DataStoreKind.CACHE, not \'key-value\'',
    }]);
    expect(stores({ name: 'sessions', kind: DataStoreKind.CACHE, authenticationReason: reason })).toEqual([{
      path: 'requirements.dataStores[1].authenticationReason', message: 'applies only to authentication CacheAuthenticationRequirement.NONE (\'none\')',
    }]);
    // Without a framework, NONE (the default there) needs no reason.
    const { compliance: _c, ...plain } = HIPAA_APP;
    expect(findRequirementProblems({ ...plain, dataStores: [{ name: 'jobs', kind: DataStoreKind.QUEUE }, { name: 'sessions', kind: DataStoreKind.CACHE, authentication: CacheAuthenticationRequirement.NONE }] })).toEqual([]);
  });
});
