import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ComplianceFramework, EnvironmentTier } from '../../src/requirements';
import { AcceptanceKind, Acknowledgements, SecurityPolicy, SecurityRule } from '../../src/security';
import { findAcknowledgement } from '../../src/security/acknowledgements';

const REASON = 'This bucket only receives exports that are public by design.';

describe('SecurityPolicy: defaults per tier, relaxing only with a reason', () => {
  test('production enforces every rule', () => {
    const policy = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION, frameworks: [ComplianceFramework.HIPAA] });
    expect(policy.relaxations).toEqual([]);
    for (const rule of Object.values(SecurityRule)) expect(policy.isEnforced(rule)).toBe(true);
    expect(policy.logRetentionDays).toBe(365);
  });

  test('development relaxes deletion protection, and without a framework backups and customer managed keys, each with a reason', () => {
    const dev = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT });
    expect(dev.relaxations.map((r) => r.rule)).toEqual([SecurityRule.DELETION_PROTECTION, SecurityRule.BACKUPS, SecurityRule.CUSTOMER_MANAGED_KEYS]);
    for (const r of dev.relaxations) expect(r.reason.length).toBeGreaterThan(40);
    expect(dev.logRetentionDays).toBe(30);
    // A framework keeps backups and customer managed keys enforced in every tier.
    const hipaaDev = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT, frameworks: [ComplianceFramework.HIPAA] });
    expect(hipaaDev.relaxations.map((r) => r.rule)).toEqual([SecurityRule.DELETION_PROTECTION]);
    expect(hipaaDev.requiresCustomerManagedKeys).toBe(true);
  });

  test('relax returns a new policy; enforce tightens a tier default', () => {
    const base = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.STAGING });
    const relaxed = base.relax(SecurityRule.ACCESS_LOGS, 'Access logs go to the organisation-wide log archive instead.');
    expect(base.isEnforced(SecurityRule.ACCESS_LOGS)).toBe(true);
    expect(relaxed.relaxationOf(SecurityRule.ACCESS_LOGS)?.reason).toMatch(/log archive/);
    expect(base.enforce(SecurityRule.DELETION_PROTECTION).isEnforced(SecurityRule.DELETION_PROTECTION)).toBe(true);
  });

  test('relaxing without a sentence of reason is an error naming the field', () => {
    const base = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION });
    expect(() => base.relax(SecurityRule.TLS_ONLY, 'legacy')).toThrow(/relaxations\[0\]\.reason \(relaxing 'tls-only'\) must be at least a sentence.*got "legacy"/);
    expect(() => SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION, relaxations: [{ rule: 'nope' as SecurityRule, reason: REASON }] }))
      .toThrow(/relaxations\[0\]\.rule must be one of/);
    expect(() => SecurityPolicy.forEnvironment({ environment: EnvironmentTier.PRODUCTION, logRetentionDays: 0 })).toThrow(/logRetentionDays/);
  });
});

describe('Acknowledgements: a reason of at least a sentence, on a resource', () => {
  test('an acknowledgement on a resource is found from the resource and its children', () => {
    const bucket = new s3.Bucket(new Stack(new App(), 'S'), 'B');
    Acknowledgements.of(bucket).acknowledge({ ruleId: 'AwsSolutions-S1', reason: REASON });
    const found = findAcknowledgement(bucket.node.defaultChild!, 'AwsSolutions-S1');
    expect(found).toMatchObject({ reason: REASON, blanket: false });
    expect(findAcknowledgement(bucket.node.defaultChild!, 'AwsSolutions-S2')).toBeUndefined();
  });

  test('granular ids with several "::" are accepted (CDK\'s own acknowledge rejects them)', () => {
    const bucket = new s3.Bucket(new Stack(new App(), 'S'), 'B');
    const id = 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::bucket/*]';
    Acknowledgements.of(bucket).acknowledge({ ruleId: id, reason: REASON });
    expect(findAcknowledgement(bucket, id)?.reason).toBe(REASON);
  });

  test('no reason, or less than a sentence, is an error naming the rule and the path', () => {
    const bucket = new s3.Bucket(new Stack(new App(), 'S'), 'B');
    expect(() => Acknowledgements.of(bucket).acknowledge({ ruleId: 'AwsSolutions-S1', reason: '' }))
      .toThrow(/Acknowledgement of 'AwsSolutions-S1' on 'S\/B': reason must be at least a sentence/);
    expect(() => Acknowledgements.of(bucket).acknowledge({ ruleId: 'AwsSolutions-S1', reason: 'not needed' })).toThrow(/got "not needed"/);
    expect(() => Acknowledgements.of(bucket).acknowledge({ ruleId: 'AwsSolutions-S1' } as never)).toThrow(/got null/);
  });

  test('a stack, stage or app scope is refused', () => {
    const app = new App();
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'S');
    const ack = { ruleId: 'AwsSolutions-S1', reason: REASON };
    expect(() => Acknowledgements.of(stack).acknowledge(ack)).toThrow(/on 'Prod\/S' refused: the scope is a whole stack/);
    expect(() => Acknowledgements.of(stage).acknowledge(ack)).toThrow(/the scope is a whole stage/);
    expect(() => Acknowledgements.of(app).acknowledge(ack)).toThrow(/on '<app>' refused: the scope is a whole app/);
  });

  test('a malformed rule id is an error', () => {
    const bucket = new s3.Bucket(new Stack(new App(), 'S'), 'B');
    expect(() => Acknowledgements.of(bucket).acknowledge({ ruleId: 'S1', reason: REASON })).toThrow(/ruleId must be a finding id/);
  });
});

describe('one acknowledgement channel, scored honestly', () => {
  test('a group of constructs is not one resource: refused by the API, ignored (with the reason why) when written as metadata', () => {
    const stack = new Stack(new App(), 'S');
    const group = new Construct(stack, 'Group');
    const bucket = new s3.Bucket(group, 'B');
    expect(() => Acknowledgements.of(group).acknowledge({ ruleId: 'AwsSolutions-S1', reason: REASON })).toThrow(/on 'S\/Group' refused: it names no single resource/);
    Validations.of(group).acknowledge({ id: 'AwsSolutions-S1', reason: REASON });
    expect(findAcknowledgement(bucket.node.defaultChild!, 'AwsSolutions-S1')?.refused).toMatch(/on 'S\/Group' was ignored: it names no single resource/);
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S2', reason: 'ok' });
    expect(findAcknowledgement(bucket.node.defaultChild!, 'AwsSolutions-S2')?.refused).toMatch(/its reason must be at least a sentence/);
  });

  test('a pack that evaluates no rule is not applicable, never 100%', () => {
    const app = new App();
    const security = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT }).applyTo(new Stack(app, 'Empty'));
    app.synth();
    const scores = security.lastEvaluation!.frameworks;
    expect(scores.length).toBeGreaterThan(0);
    for (const s of scores) {
      expect({ name: s.name, notApplicable: s.notApplicable, percent: s.compliancePercent })
        .toEqual({ name: s.name, notApplicable: true, percent: 0 });
    }
  });

  test('CDK\'s own custom resource handlers are recognised by the construct CDK creates and listed with their reason', () => {
    const app = new App();
    const stack = new Stack(app, 'Handlers', { tags: { 'owner': 'o', 'application': 'a', 'environment': 'development', 'cost-center': 'c' } });
    const security = SecurityPolicy.forEnvironment({ environment: EnvironmentTier.DEVELOPMENT }).applyTo(stack);
    new cr.AwsCustomResource(stack, 'Call', {
      onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: 'x' }, physicalResourceId: cr.PhysicalResourceId.of('x') },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: ['arn:aws:ssm:us-east-1:111111111111:parameter/x'] }),
    });
    app.synth();
    expect(security.lastEvaluation!.findings).toEqual([]);
    // AwsCustomResource runs on a SingletonFunction: CDK's construct, recognised as such.
    const handler = security.lastEvaluation!.acknowledgements.filter((a) => a.resourcePath.startsWith('Handlers/AWS679f53fac002430cb0da5b7982bd2287/'));
    expect(handler.map((a) => a.ruleId)).toEqual(expect.arrayContaining(['AwsSolutions-L1', 'Serverless-LambdaDLQ', 'AwsSolutions-IAM5[Resource::*]']));
    for (const a of handler) expect(a).toMatchObject({ kind: AcceptanceKind.LIBRARY_EXEMPTION, reason: expect.stringMatching(/^CDK deployment machinery/) });
  });
});
