import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ApplicationStack } from '../../src/app';
import { ApplicationRequirements, ComplianceFramework, DataStoreKind, EnvironmentTier, WorkloadType } from '../../src/requirements';
import { Acknowledgements, SecurityPolicy, SecurityRule, StackSecurity } from '../../src/security';

const requirements = (compliance: ComplianceFramework[] = []): ApplicationRequirements => ({
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  compliance,
  tags: { owner: 'team-a' },
  services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['files'] }],
  dataStores: [{ name: 'files', kind: DataStoreKind.OBJECT_STORAGE }],
});

/** Synthesizes, capturing what it prints and the error a finding stops it with; the templates are read from the outdir. */
function synth(app: App) {
  const errors: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args.join(' ')); });
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  } finally {
    spy.mockRestore();
    process.exitCode = undefined;
  }
  const assembly = {
    directory: app.outdir,
    getStackByName: (name: string) => ({ template: JSON.parse(fs.readFileSync(path.join(app.outdir, `${name}.template.json`), 'utf8')) }),
  };
  return { assembly, failed: message !== '', message, output: errors.join('\n') };
}
const newApp = () => new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cie-sec-')) });

describe('resources added by hand next to ours', () => {
  const app = newApp();
  const stack = new ApplicationStack(app, 'Shop', { requirements: requirements() });
  new s3.Bucket(stack, 'Plain');
  const { failed, assembly } = synth(app);
  const template = Template.fromJSON(assembly.getStackByName('Shop').template);
  const plain = template.toJSON().Resources[stack.getLogicalId(stack.node.findChild('Plain').node.defaultChild as s3.CfnBucket)];

  test('a plain s3.Bucket comes out private, encrypted, TLS-only, logged and versioned', () => {
    expect(plain.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
    });
    expect(plain.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(plain.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: 'SecurityAccessLogsBC9ABA1F' });
    expect(plain.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy'))
      .find((p: any) => JSON.stringify(p.Properties.Bucket).includes('Plain')) as any;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  test('a plain queue gets encryption and a TLS-only policy, a log group retention; explicit settings are kept', () => {
    const other = new ApplicationStack(newApp(), 'Other', { requirements: requirements(), designReport: false });
    const queue = new sqs.Queue(other, 'PlainQueue');
    const kept = new logs.LogGroup(other, 'KeptLogs', { retention: logs.RetentionDays.INFINITE });
    const filled = new logs.CfnLogGroup(other, 'L1Logs');
    const { assembly: a, failed: f } = synth(other.node.root as App);
    const resources = a.getStackByName('Other').template.Resources;
    const id = (c: any) => other.getLogicalId(c);
    expect(resources[id(queue.node.defaultChild)].Properties.SqsManagedSseEnabled).toBe(true);
    expect(JSON.stringify(Object.values(resources).filter((r: any) => r.Type === 'AWS::SQS::QueuePolicy'))).toContain(id(queue.node.defaultChild));
    expect(resources[id(kept.node.defaultChild)].Properties.RetentionInDays).toBeUndefined();
    expect(resources[id(filled)].Properties.RetentionInDays).toBe(365);
    // What only the user can decide is left to the packs: a dead-letter queue, an alarm, keeping
    // production data on deletion (sqs.Queue defaults to DESTROY), and logs kept forever.
    expect(f).toBe(true);
    expect(other.security!.lastEvaluation!.findings.map((x) => `${x.ruleId} ${x.resourcePath}`)).toEqual([
      'AwsSolutions-SQS3 Other/PlainQueue/Resource',
      'CdkInfraEngineer-ComputeAndDataAlarmed Other/PlainQueue/Resource',
      'CdkInfraEngineer-StatefulResourceRetained Other/L1Logs',
      'CdkInfraEngineer-StatefulResourceRetained Other/PlainQueue/Resource',
      'Serverless-CloudWatchLogGroupRetentionPeriod Other/KeptLogs/Resource',
      'Serverless-SQSRedrivePolicy Other/PlainQueue/Resource',
    ]);
  });

  test('the stack synthesizes with no finding, and the evaluation is exposed on the stack', () => {
    expect(failed).toBe(false);
    const evaluation = stack.security!.lastEvaluation!;
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.frameworks.map((f) => f.name)).toEqual(['AwsSolutions', 'Serverless', 'CdkInfraEngineer']);
  });

  test('the design report carries the security section: a score per pack and every acknowledgement with its reason', () => {
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'Shop.design-report.json'), 'utf8'));
    expect(report.security.frameworks[0]).toEqual({
      name: 'AwsSolutions',
      rulesEvaluated: expect.any(Number),
      rulesPassed: expect.any(Number),
      rulesAcknowledged: expect.any(Number),
      compliancePercent: 100,
      rulesFailed: 0,
      rulesWaived: 0,
      notApplicable: false,
      findingsAcknowledged: expect.any(Number),
    });
    for (const f of report.security.frameworks) expect(f.rulesPassed + f.rulesAcknowledged).toBe(f.rulesEvaluated);
    expect(report.security.acknowledgements).toContainEqual({
      ruleId: 'AwsSolutions-APIG4',
      resourcePath: 'Shop/Services/api/HttpApi/DefaultRoute/Resource',
      reason: expect.stringMatching(/application authenticates/),
      kind: 'acknowledgement',
    });
  });
});

describe('a deliberately insecure resource', () => {
  const app = newApp();
  const stack = new ApplicationStack(app, 'Shop', { requirements: requirements(), designReport: false });
  const bucket = new s3.Bucket(stack, 'Public', { publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
  const { failed, message, assembly } = synth(app);

  test('is not silently changed by the aspects', () => {
    const cfn = assembly.getStackByName('Shop').template.Resources[stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket)];
    expect(cfn.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: false,
    });
  });

  test('fails synth naming the rule, the resource path, the fix and how to acknowledge it', () => {
    expect(failed).toBe(true);
    expect(message).toMatch(/^\d+ finding\(s\) stop synthesis:/);
    expect(message).toMatch(/\[AwsSolutions-S2\] Shop\/Public\/Resource \(security of Shop\)\n  What: .*public access.*\n  Fix: .*Acknowledgements\.of\(<the construct at 'Shop\/Public'>\)\.acknowledge\(\{ ruleId: 'AwsSolutions-S2'/);
    // The final template shows what the packs alone would let through: the policy and the block settings.
    expect(message).toContain('[CdkInfraEngineer-S3PublicAccessBlocked] Shop/Public/Resource');
    expect(message).toContain('[CdkInfraEngineer-ResourcePolicyNotPublic] Shop/Public/Policy/Resource');
    expect(stack.security!.lastEvaluation!.frameworks[0].compliancePercent).toBeLessThan(100);
  });

  test('passes once acknowledged on the bucket, and the report lists the acknowledgement with its reason', () => {
    const app2 = newApp();
    const stack2 = new ApplicationStack(app2, 'Shop', { requirements: requirements(), designReport: false });
    const b = new s3.Bucket(stack2, 'Public', { publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    const reason = 'Public downloads of the product catalogue, which holds no personal data.';
    const ids = ['AwsSolutions-S2', 'CdkInfraEngineer-IAMNoWildcardActions', 'AwsSolutions-S5', 'CdkInfraEngineer-S3PublicAccessBlocked',
      'CdkInfraEngineer-ResourcePolicyNotPublic'];
    Acknowledgements.of(b).acknowledge(...ids.map((ruleId) => ({ ruleId, reason })));
    const result = synth(app2);
    expect(result.failed).toBe(false);
    expect(stack2.security!.lastEvaluation!.acknowledgements).toContainEqual({ ruleId: 'AwsSolutions-S2', resourcePath: 'Shop/Public/Resource', reason, kind: 'acknowledgement' });
    expect(stack2.security!.lastEvaluation!.acknowledgements).toContainEqual({
      ruleId: 'CdkInfraEngineer-ResourcePolicyNotPublic', resourcePath: 'Shop/Public/Policy/Resource', reason, kind: 'acknowledgement',
    });
  });

  test('an acknowledgement made stack-wide through CDK is ignored, and the finding says why', () => {
    const app3 = newApp();
    const stack3 = new ApplicationStack(app3, 'Shop', { requirements: requirements(), designReport: false });
    new s3.Bucket(stack3, 'Public', { publicReadAccess: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ACLS_ONLY });
    Validations.of(stack3).acknowledge({ id: 'AwsSolutions-S2', reason: 'Everything in this stack may be public.' });
    const result = synth(app3);
    expect(result.failed).toBe(true);
    const finding = stack3.security!.lastEvaluation!.findings.find((f) => f.ruleId === 'AwsSolutions-S2')!;
    expect(finding.fix).toMatch(/acknowledgement on 'Shop' was ignored: a stack, stage or app is too wide a scope/);
  });
});

describe('a relaxed rule', () => {
  test('is not enforced, and the findings it allows are acknowledged with the relaxation\'s reason', () => {
    const app = newApp();
    const reason = 'Access logs are collected by the organisation\'s central CloudTrail data events instead.';
    const stack = new ApplicationStack(app, 'Shop', {
      requirements: requirements(),
      designReport: false,
      securityPolicy: SecurityPolicy.fromRequirements(requirements()).relax(SecurityRule.ACCESS_LOGS, reason),
    });
    const { failed, assembly } = synth(app);
    expect(failed).toBe(false);
    const buckets = Object.values(assembly.getStackByName('Shop').template.Resources).filter((r: any) => r.Type === 'AWS::S3::Bucket') as any[];
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) expect(b.Properties.LoggingConfiguration).toBeUndefined();
    expect(stack.security!.lastEvaluation!.acknowledgements).toContainEqual({
      ruleId: 'AwsSolutions-S1', resourcePath: 'Shop/Data/files/Bucket/Resource', reason: `Security policy relaxes 'access-logs': ${reason}`, kind: 'policy-relaxation',
    });
  });
});

describe('StackSecurity on a stack of your own', () => {
  test('enforces the policy and scores the packs of its frameworks', () => {
    const app = newApp();
    const stack = new Stack(app, 'Mine', { tags: { 'owner': 'me', 'application': 'mine', 'environment': 'production', 'cost-center': 'cc' } });
    const security = new StackSecurity(stack, {
      policy: SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION, frameworks: [ComplianceFramework.PCI_DSS_321] }),
      failSynthOnFindings: false,
    });
    new s3.Bucket(stack, 'Data');
    synth(app);
    const evaluation = security.evaluate();
    expect(evaluation.frameworks.map((f) => f.name)).toEqual(['AwsSolutions', 'PCI.DSS.321', 'CdkInfraEngineer']);
    // The hand-made bucket is encrypted with the stack's customer managed key; replication is the user's call.
    const template = templateOf(app, 'Mine');
    const bucket = Object.entries(template.Resources).find(([id]) => id.startsWith('Data'))![1] as any;
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault)
      .toEqual({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['SecurityKeyDF37C26B', 'Arn'] } });
    expect(evaluation.findings.map((f) => f.ruleId)).toEqual(['PCI.DSS.321-S3BucketReplicationEnabled']);
  });
});

function templateOf(app: App, stackName: string): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, `${stackName}.template.json`), 'utf8'));
}

describe('the monitoring setup a security reviewer expects', () => {
  const app = newApp();
  new ApplicationStack(app, 'Portal', {
    requirements: {
      name: 'portal',
      environment: EnvironmentTier.STAGING,
      services: [{ name: 'web', workload: WorkloadType.WEB_SERVICE }, { name: 'site', workload: WorkloadType.STATIC_SITE }],
    },
    designReport: false,
  });
  const { failed, assembly: portal } = synth(app);
  const template = Template.fromJSON(portal.getStackByName('Portal').template);
  const logBucket = { Ref: 'SecurityAccessLogsBC9ABA1F' };

  test('synthesizes clean', () => expect(failed).toBe(false));

  test('VPC flow logs, and ALB, CloudFront and S3 access logs into the log bucket, which expires them', () => {
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: logBucket }]),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.objectLike({ Bucket: { 'Fn::GetAtt': ['SecurityAccessLogsBC9ABA1F', 'RegionalDomainName'] } }) }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', { LoggingConfiguration: Match.objectLike({ DestinationBucketName: logBucket }) });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'ExpireAccessLogs', ExpirationInDays: 90 })]) },
    });
  });

  test('WAF request logging, and alarms on the blocked-request rate and on 4xx and 5xx, all to the alarm topic', () => {
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', Match.anyValue());
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as any[];
    const described = (pattern: RegExp) => alarms.filter((a) => pattern.test(a.Properties.AlarmDescription));
    expect(described(/blocked request rate/)).toHaveLength(1);
    expect(described(/4xx/).length).toBeGreaterThanOrEqual(2);
    expect(described(/5xx/).length).toBeGreaterThanOrEqual(3);
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });
});
