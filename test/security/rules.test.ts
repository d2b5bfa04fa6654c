import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { NagRuleCompliance } from 'cdk-nag';
import {
  ComputeAndDataAlarmed, IAMNoWildcardActions, NoPlaintextSecrets, RequiredTagsPresent, resetStackIndexes, StatefulResourceRetained,
} from '../../src/security/rules';

// Each rule is a pure function of one CfnResource: compliant and non-compliant cases, no synthesis.
const { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } = NagRuleCompliance;
const stack = () => new Stack(new App(), 'S');
const ALL_TAGS = [{ key: 'owner', value: 'team' }, { key: 'application', value: 'shop' }, { key: 'environment', value: 'production' },
  { key: 'cost-center', value: 'shop' }];

describe('RequiredTagsPresent', () => {
  test('a resource with owner, application, environment and cost-center is compliant', () => {
    expect(RequiredTagsPresent(new sqs.CfnQueue(stack(), 'Q', { tags: ALL_TAGS }))).toBe(COMPLIANT);
  });
  test('one finding per missing or empty tag', () => {
    const q = new sqs.CfnQueue(stack(), 'Q', { tags: [{ key: 'owner', value: 'team' }, { key: 'cost-center', value: ' ' }] });
    expect(RequiredTagsPresent(q)).toEqual(['Tag::application', 'Tag::environment', 'Tag::cost-center']);
  });
  test('not applicable to resources that take no tags', () => {
    expect(RequiredTagsPresent(new sqs.CfnQueuePolicy(stack(), 'P', { queues: ['q'], policyDocument: {} }))).toBe(NOT_APPLICABLE);
  });
});

describe('StatefulResourceRetained', () => {
  test('a retained table and a snapshotted database are compliant', () => {
    const s = stack();
    const table = new dynamodb.CfnTable(s, 'T', { keySchema: [{ attributeName: 'pk', keyType: 'HASH' }] });
    table.applyRemovalPolicy(RemovalPolicy.RETAIN);
    expect(StatefulResourceRetained(table)).toBe(COMPLIANT);
    const cluster = new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql' });
    cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(StatefulResourceRetained(cluster)).toBe(COMPLIANT);
  });
  test('a destroyed bucket, or a snapshot policy on a type that cannot snapshot, is not', () => {
    const s = stack();
    const bucket = new s3.CfnBucket(s, 'B');
    bucket.applyRemovalPolicy(RemovalPolicy.DESTROY);
    expect(StatefulResourceRetained(bucket)).toBe(NON_COMPLIANT);
    const queue = new sqs.CfnQueue(s, 'Q');
    queue.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    expect(StatefulResourceRetained(queue)).toBe(NON_COMPLIANT);
    expect(StatefulResourceRetained(new s3.CfnBucket(s, 'Unset'))).toBe(NON_COMPLIANT);
  });
  test('not applicable to stateless resources', () => {
    expect(StatefulResourceRetained(new sqs.CfnQueuePolicy(stack(), 'P', { queues: ['q'], policyDocument: {} }))).toBe(NOT_APPLICABLE);
  });
});

describe('IAMNoWildcardActions', () => {
  const doc = (Action: unknown, Effect = 'Allow', extra = {}) => ({ Version: '2012-10-17', Statement: [{ Effect, Action, Resource: '*', ...extra }] });
  test('exact actions are compliant, in policies, managed policies and inline role policies', () => {
    const s = stack();
    expect(IAMNoWildcardActions(new iam.CfnPolicy(s, 'P', { policyName: 'p', policyDocument: doc(['s3:GetObject']) }))).toBe(COMPLIANT);
    expect(IAMNoWildcardActions(new iam.CfnManagedPolicy(s, 'M', { policyDocument: doc('sqs:SendMessage') }))).toBe(COMPLIANT);
    expect(IAMNoWildcardActions(new iam.CfnRole(s, 'R', { assumeRolePolicyDocument: {}, policies: [{ policyName: 'x', policyDocument: doc('kms:Decrypt') }] })))
      .toBe(COMPLIANT);
  });
  test('one finding per wildcard action, and for NotAction in an Allow', () => {
    const s = stack();
    expect(IAMNoWildcardActions(new iam.CfnManagedPolicy(s, 'M', { policyDocument: doc(['s3:Get*', 's3:PutObject', '*']) })))
      .toEqual(['Action::s3:Get*', 'Action::*']);
    expect(IAMNoWildcardActions(new iam.CfnRole(s, 'R', { assumeRolePolicyDocument: {}, policies: [{ policyName: 'x', policyDocument: doc('dynamodb:*') }] })))
      .toEqual(['Action::dynamodb:*']);
    const notAction = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] };
    expect(IAMNoWildcardActions(new iam.CfnPolicy(s, 'N', { policyName: 'n', policyDocument: notAction }))).toEqual(['NotAction']);
  });
  test('a broad Deny is compliant; non-IAM resources are not applicable', () => {
    const s = stack();
    expect(IAMNoWildcardActions(new iam.CfnPolicy(s, 'P', { policyName: 'p', policyDocument: doc('s3:*', 'Deny') }))).toBe(COMPLIANT);
    expect(IAMNoWildcardActions(new s3.CfnBucket(s, 'B'))).toBe(NOT_APPLICABLE);
  });
});

describe('ComputeAndDataAlarmed', () => {
  beforeEach(() => resetStackIndexes());
  test('a queue and a function with an alarm on their metrics are compliant', () => {
    const s = stack();
    const queue = new sqs.Queue(s, 'Q');
    queue.metricApproximateAgeOfOldestMessage().createAlarm(s, 'QA', { threshold: 1, evaluationPeriods: 1 });
    const fn = new lambda.Function(s, 'F', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    new cloudwatch.MathExpression({ expression: 'e', usingMetrics: { e: fn.metricErrors() } }).createAlarm(s, 'FA', { threshold: 1, evaluationPeriods: 1 });
    expect(ComputeAndDataAlarmed(queue.node.defaultChild as CfnResource)).toBe(COMPLIANT);
    expect(ComputeAndDataAlarmed(fn.node.defaultChild as CfnResource)).toBe(COMPLIANT);
  });
  test('a table and an ECS service without an alarm are not', () => {
    const s = stack();
    expect(ComputeAndDataAlarmed(new dynamodb.CfnTable(s, 'T', { keySchema: [] }))).toBe(NON_COMPLIANT);
    expect(ComputeAndDataAlarmed(new ecs.CfnService(s, 'Svc', {}))).toBe(NON_COMPLIANT);
  });
  test('not applicable to CDK\'s custom resource handlers, Aurora instances, buckets; a function of yours used as a service token is checked', () => {
    const s = stack();
    const props = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x') };
    const singleton = new lambda.SingletonFunction(s, 'Singleton', { ...props, uuid: 'a5d1ad4e-0f3c-4b8e-9d3c-2d9e3f1e7a11' });
    new CfnResource(s, 'Custom', { type: 'Custom::Thing', properties: { ServiceToken: singleton.functionArn } });
    const cdkHandler = s.node.findChild('SingletonLambdaa5d1ad4e0f3c4b8e9d3c2d9e3f1e7a11').node.defaultChild as CfnResource;
    expect(ComputeAndDataAlarmed(cdkHandler)).toBe(NOT_APPLICABLE);
    const mine = new lambda.Function(s, 'H', props);
    new CfnResource(s, 'Mine', { type: 'Custom::Thing', properties: { ServiceToken: mine.functionArn } });
    resetStackIndexes();
    expect(ComputeAndDataAlarmed(mine.node.defaultChild as CfnResource)).toBe(NON_COMPLIANT);
    expect(ComputeAndDataAlarmed(new rds.CfnDBInstance(s, 'I', { dbClusterIdentifier: 'c', dbInstanceClass: 'db.serverless' }))).toBe(NOT_APPLICABLE);
    expect(ComputeAndDataAlarmed(new s3.CfnBucket(s, 'B'))).toBe(NOT_APPLICABLE);
  });
  test('a service token is read as the template has it: an override pointing a custom resource at your function is honoured', () => {
    const s = stack();
    const props = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'i.h', code: lambda.Code.fromInline('x') };
    const singleton = new lambda.SingletonFunction(s, 'Singleton', { ...props, uuid: 'b5d1ad4e-0f3c-4b8e-9d3c-2d9e3f1e7a12' });
    const custom = new CfnResource(s, 'Custom', { type: 'Custom::Thing', properties: { ServiceToken: 'arn:aws:lambda:us-east-1:1:function:x' } });
    const cdkHandler = s.node.findChild('SingletonLambdab5d1ad4e0f3c4b8e9d3c2d9e3f1e7a12').node.defaultChild as CfnResource;
    resetStackIndexes();
    // As constructed, the custom resource names no function of the stack: the singleton serves nothing and is checked.
    expect(ComputeAndDataAlarmed(cdkHandler)).toBe(NON_COMPLIANT);
    custom.addPropertyOverride('ServiceToken', singleton.functionArn);
    resetStackIndexes();
    expect(ComputeAndDataAlarmed(cdkHandler)).toBe(NOT_APPLICABLE);
  });
});

describe('NoPlaintextSecrets', () => {
  const fn = (s: Stack, variables: Record<string, unknown>) => new lambda.CfnFunction(s, `F${Object.keys(variables).join('')}`, {
    role: 'r', code: { zipFile: 'x' }, environment: { variables: variables as Record<string, string> },
  });
  test('references and locators are compliant', () => {
    const s = stack();
    const secret = new secretsmanager.Secret(s, 'Secret');
    expect(NoPlaintextSecrets(fn(s, { DB_SECRET_ARN: secret.secretArn, TOKEN_TABLE_NAME: 'tokens', PASSWORD_LENGTH: '32' }))).toBe(COMPLIANT);
    expect(NoPlaintextSecrets(new rds.CfnDBCluster(s, 'C', {
      engine: 'aurora-postgresql', masterUserPassword: secret.secretValueFromJson('password').unsafeUnwrap(),
    }))).toBe(COMPLIANT);
    expect(NoPlaintextSecrets(secret.node.defaultChild as CfnResource)).toBe(COMPLIANT);
  });
  test('a literal named like a secret, in an environment variable or a property, is a finding', () => {
    const s = stack();
    expect(NoPlaintextSecrets(fn(s, { API_KEY: 'abc123', STRIPE_SECRET: 'sk_live_1' })))
      .toEqual(['Property::Environment.Variables.API_KEY', 'Property::Environment.Variables.STRIPE_SECRET']);
    expect(NoPlaintextSecrets(new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql', masterUserPassword: 'hunter22' })))
      .toEqual(['Property::MasterUserPassword']);
    expect(NoPlaintextSecrets(new ecs.CfnTaskDefinition(s, 'T', { containerDefinitions: [{ name: 'app', image: 'i', environment: [{ name: 'DB_PASSWORD', value: 'x' }] }] })))
      .toEqual(['Property::ContainerDefinitions.0.Environment.DB_PASSWORD']);
  });
  test('an access key id or a private key is a finding whatever it is called', () => {
    const s = stack();
    expect(NoPlaintextSecrets(fn(s, { SETTING: 'AKIAABCDEFGHIJKLMNOP' }))).toEqual(['Property::Environment.Variables.SETTING']);
    expect(NoPlaintextSecrets(fn(s, { PEM: '-----BEGIN RSA PRIVATE KEY-----\nabc' }))).toEqual(['Property::Environment.Variables.PEM']);
  });
});
