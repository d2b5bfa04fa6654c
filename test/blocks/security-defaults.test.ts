import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { ContainerService, FunctionService, QueueWorker, ScheduledJob } from '../../src/blocks/compute';
import { CacheCluster, MessageQueue, ObjectStore } from '../../src/blocks/data';
import { RegionalWebAcl, StaticSite } from '../../src/blocks/edge';
import { InterfaceEndpointService, NetworkBlock } from '../../src/blocks/network';
import { Observability } from '../../src/blocks/observability';
import { findAcknowledgement } from '../../src/security/acknowledgements';

// The secure defaults the compliance packs need, built into the blocks themselves, and the
// acknowledgements each block makes for a choice it has a reason for.

const acknowledged = (scope: IConstruct, ruleId: string) => findAcknowledgement(scope, ruleId)?.reason;
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';

describe('functions: a role of their own with customer managed policies, and a dead-letter queue', () => {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const api = new FunctionService(stack, 'Api', { vpc });
  const withAuth = new FunctionService(stack, 'Private', { authorizer: new HttpIamAuthorizer() });
  const template = Template.fromStack(stack);

  test('no inline policy and no AWS managed policy; actions only AWS grants on * sit in their own policy', () => {
    template.resourceCountIs('AWS::IAM::Policy', 0);
    for (const role of Object.values(template.findResources('AWS::IAM::Role')) as any[]) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const unscopable = Object.entries(template.findResources('AWS::IAM::ManagedPolicy')).filter(([id]) => id.startsWith('ApiServiceRoleUnscopablePolicy'));
    expect(unscopable).toHaveLength(1);
    const actions = (unscopable[0][1] as any).Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces']));
    expect(acknowledged(stack.node.findChild('Api').node.findChild('ServiceRole').node.findChild('UnscopablePolicy'), 'AwsSolutions-IAM5[Resource::*]'))
      .toMatch(/do not support resource-level permissions/);
  });

  test('failed asynchronous invocations go to an encrypted, TLS-only dead-letter queue', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiDeadLetterQueue'), 'Arn'] } },
    });
    expect(api.deadLetterQueue).toBeDefined();
    expect(acknowledged(api.deadLetterQueue!, 'Serverless-SQSRedrivePolicy')).toMatch(/ends the redrive chain/);
  });

  test('JSON access logs; the open route is acknowledged only when no authorizer is given', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: { Format: Match.serializedJson(Match.objectLike({ requestId: '$context.requestId', status: '$context.status' })) },
    });
    expect(acknowledged(api.httpApi, 'AwsSolutions-APIG4')).toMatch(/application authenticates/);
    expect(acknowledged(withAuth.httpApi, 'AwsSolutions-APIG4')).toBeUndefined();
  });

  test('a queue worker sends failed invocations to its queue\'s dead-letter queue; a scheduled job to its own', () => {
    const s = new Stack();
    const store = new MessageQueue(s, 'Jobs');
    const worker = new QueueWorker(s, 'Worker', { queue: store.queue });
    expect(worker.deadLetterQueue).toBe(store.deadLetterQueue);
    const job = new ScheduledJob(s, 'Job');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsDeadLetterQueue'), 'Arn'] } } });
    t.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobDeadLetterQueue'), 'Arn'] } } });
    // The functions' roles carry customer managed policies; the one inline policy is the one CDK's AwsCustomResource
    // writes for the queue store's redrive allow policy (sqs:SetQueueAttributes on its dead-letter queue).
    expect(Object.keys(t.findResources('AWS::IAM::Policy'))).toEqual([expect.stringMatching(/^JobsRedriveAllowPolicyCustomResourcePolicy/)]);
    const mapping = worker.lambdaFunction.node.children.find((c) => c.node.id.startsWith('SqsEventSource'))!;
    expect(acknowledged(mapping, 'Serverless-LambdaEventSourceMappingDestination')).toMatch(/dead-letter queue/);
    expect(acknowledged(job.node.findChild('SchedulerRole'), `AwsSolutions-IAM5[Resource::<${s.getLogicalId(job.lambdaFunction.node.defaultChild as any)}.Arn>:*]`))
      .toMatch(/this one function/);
  });
});

describe('containers', () => {
  test('task and execution roles keep permissions in managed policies; HTTP without a certificate is acknowledged, with one it is not', () => {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const http = new ContainerService(stack, 'Http', { vpc });
    const https = new ContainerService(stack, 'Https', { vpc, certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERTIFICATE_ARN) });
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    const listener = (s: ContainerService) => s.node.findChild('Service').node.findChild('LB').node.findChild('PublicListener');
    expect(acknowledged(listener(http), 'HIPAA.Security-ELBv2ACMCertificateRequired')).toMatch(/No certificate was given/);
    expect(acknowledged(listener(https), 'HIPAA.Security-ELBv2ACMCertificateRequired')).toBeUndefined();
    expect(acknowledged(http.loadBalancer.connections.securityGroups[0], 'AwsSolutions-EC23')).toMatch(/Internet-facing/);
    expect(acknowledged(http.taskDefinition, 'AwsSolutions-ECS2')).toMatch(/locators only/);
  });
});

describe('data', () => {
  test('an object store replicates every object to a Standard-IA replica, KMS-encrypted objects included', () => {
    const stack = new Stack();
    const store = new ObjectStore(stack, 'Files', { versioned: false });
    const key = new kms.Key(stack, 'Key');
    const replica = store.addReplica(key);
    expect(store.addReplica(key)).toBe(replica);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: {
        Rules: [Match.objectLike({
          Status: 'Enabled',
          DeleteMarkerReplication: { Status: 'Enabled' },
          SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
          Destination: Match.objectLike({ StorageClass: 'STANDARD_IA', EncryptionConfiguration: { ReplicaKmsKeyID: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }),
        })],
      },
    });
    expect(acknowledged(replica, 'PCI.DSS.321-S3BucketReplicationEnabled')).toMatch(/Replica of .*Files: it is the second copy/);
    const actions = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
    expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
    expect(() => new ObjectStore(stack, 'Given', { existingBucket: replica }).addReplica()).toThrow(/needs a bucket this ObjectStore created/);
  });

  test('a single-node cache is acknowledged for Multi-AZ; one with a replica is not', () => {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc');
    const single = new CacheCluster(stack, 'Single', { vpc });
    const pair = new CacheCluster(stack, 'Pair', { vpc, replicasPerNodeGroup: 1 });
    expect(acknowledged(single.replicationGroup!, 'AwsSolutions-AEC4')).toMatch(/Single node by choice/);
    expect(acknowledged(pair.replicationGroup!, 'AwsSolutions-AEC4')).toBeUndefined();
    expect(acknowledged(pair.replicationGroup!, 'AwsSolutions-AEC6')).toMatch(/No shared Redis AUTH token/);
  });
});

describe('edge and network', () => {
  test('a web ACL logs to an aws-waf-logs- group, named by ARN without the :* suffix', () => {
    const stack = new Stack();
    new RegionalWebAcl(stack, 'Acl', { webAclName: 'shop-acl' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-shop-acl', RetentionInDays: 365 });
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LogDestinationConfigs: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:aws-waf-logs-shop-acl']] }],
    });
  });

  test('a static site acknowledges what only its caller can supply: geography, a CloudFront web ACL, a certificate', () => {
    const stack = new Stack();
    const site = new StaticSite(stack, 'Site');
    for (const id of ['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4']) expect(acknowledged(site.distribution, id)).toBeDefined();
    expect(acknowledged(site.bucket, 'HIPAA.Security-S3BucketReplicationEnabled')).toMatch(/deployed from the application's source/);
    Template.fromStack(stack).hasResourceProperties('Custom::CDKBucketDeployment', Match.anyValue());
  });

  test('interface endpoints accept HTTPS from the VPC range written out; flow logs use a managed-policy role', () => {
    const stack = new Stack();
    new NetworkBlock(stack, 'Net', { natGateways: 0, interfaceEndpoints: [InterfaceEndpointService.SECRETS_MANAGER] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 443, ToPort: 443 })],
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::EC2::FlowLog', { DeliverLogsPermissionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NetFlowLogRole'), 'Arn'] } });
  });
});

describe('observability for the security reviewer', () => {
  test('web ACL blocked-request rate, 4xx rates, and one dead-letters alarm per queue', () => {
    const stack = new Stack();
    const obs = new Observability(stack, 'Obs');
    const job = new ScheduledJob(stack, 'Job');
    obs.monitorFunction('job', job.lambdaFunction);
    obs.monitorQueue('job-dlq', job.deadLetterQueue, job.deadLetterQueue);
    obs.monitorWebAcl('web', 'web-acl');
    const alarms = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')) as any[];
    expect(alarms.filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    const waf = alarms.find((a) => JSON.stringify(a.Properties).includes('BlockedRequests'))!;
    expect(waf.Properties).toMatchObject({ Threshold: 10, AlarmDescription: expect.stringMatching(/blocked request rate > 10%/) });
    expect(JSON.stringify(waf.Properties.Metrics)).toContain('"WebACL"');
  });
});
