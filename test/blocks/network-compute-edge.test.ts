import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ContainerService, FunctionService, QueueWorker, ScheduledJob } from '../../src/blocks/compute';
import { RegionalWebAcl, StaticSite } from '../../src/blocks/edge';
import { InterfaceEndpointService, NetworkBlock } from '../../src/blocks/network';

const EXISTING_FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:existing';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';

function importedVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'ImportedVpc', {
    vpcId: 'vpc-1234',
    availabilityZones: ['az-a', 'az-b'],
    privateSubnetIds: ['subnet-a', 'subnet-b'],
    publicSubnetIds: ['subnet-c', 'subnet-d'],
  });
}

describe('NetworkBlock', () => {
  const stack = new Stack();
  const network = new NetworkBlock(stack, 'Network');
  const template = Template.fromStack(stack);

  test('defaults: 2 AZs, one NAT gateway, private subnets with egress', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    expect(network.natGatewayCount).toBe(1);
    expect(network.privateSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
  });

  test('flow logs of ALL traffic to a log group with one-year retention', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', ResourceType: 'VPC',
    });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 365 }, DeletionPolicy: 'Retain' });
  });

  test('restricted default security group, no public IPs on launch, S3 and DynamoDB gateway endpoints', () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
    template.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' }, 2);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
  });

  test('natGateways 0: no NAT gateway, no public subnets, isolated private subnets, interface endpoints', () => {
    const s = new Stack();
    const isolated = new NetworkBlock(s, 'Network', {
      natGateways: 0,
      interfaceEndpoints: [InterfaceEndpointService.SECRETS_MANAGER, InterfaceEndpointService.ECR_API],
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    t.resourceCountIs('AWS::EC2::InternetGateway', 0);
    t.resourceCountIs('AWS::EC2::Subnet', 2); // env-agnostic stacks see 2 AZs
    t.resourcePropertiesCountIs('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', PrivateDnsEnabled: true }, 2);
    expect(isolated.natGatewayCount).toBe(0);
    expect(isolated.privateSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(isolated.vpc.isolatedSubnets).toHaveLength(2);
  });

  test('existingVpc: nothing is created', () => {
    const s = new Stack();
    const vpc = importedVpc(s);
    const existing = new NetworkBlock(s, 'Network', { existingVpc: vpc });
    expect(existing.vpc).toBe(vpc);
    expect(Object.keys(Template.fromStack(s).toJSON().Resources ?? {})).toHaveLength(0);
  });

  test('NAT gateways without public subnets is rejected with the construct path', () => {
    expect(() => new NetworkBlock(new Stack(), 'Bad', { natGateways: 1, publicSubnets: false }))
      .toThrow(/Bad: natGateways is 1 but publicSubnets is false/);
  });
});

describe('FunctionService', () => {
  const stack = new Stack();
  const api = new FunctionService(stack, 'Api');
  const template = Template.fromStack(stack);

  test('Lambda defaults: ARM, latest Node.js, tracing Active, 512 MB, 10 s, explicit log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Architectures: ['arm64'],
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      MemorySize: 512,
      Timeout: 10,
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('ApiLogGroup') } },
    });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 365 }, 2);
    expect(api.usesPlaceholder).toBe(true);
    expect(api.connections).toBeUndefined();
  });

  test('HTTP API: $default route, $default stage with access logs, no throttling by default', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiAccessLogGroup'), 'Arn'] } },
      DefaultRouteSettings: Match.absent(),
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    expect(stack.resolve(api.url)).toBeDefined();
  });

  test('overrides win: memory, timeout, code, throttling; addEnvironment; VPC connections', () => {
    const s = new Stack();
    const vpc = new ec2.Vpc(s, 'Vpc', { natGateways: 1, maxAzs: 2 });
    const custom = new FunctionService(s, 'Api', {
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 204 })'),
      memorySize: 1024,
      timeout: Duration.seconds(20),
      vpc,
      throttlingRateLimit: 100,
      throttlingBurstLimit: 50,
    });
    custom.addEnvironment('TABLE_NAME', 'orders');
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 20,
      Environment: { Variables: { TABLE_NAME: 'orders' } },
      VpcConfig: Match.objectLike({ SubnetIds: Match.anyValue() }),
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 },
    });
    expect(custom.usesPlaceholder).toBe(false);
    expect(custom.connections).toBeDefined();
  });

  test('existingFunction: no function or function log group created; addEnvironment warns', () => {
    const s = new Stack();
    const existing = lambda.Function.fromFunctionArn(s, 'Existing', EXISTING_FUNCTION_ARN);
    const svc = new FunctionService(s, 'Api', { existingFunction: existing });
    svc.addEnvironment('X', 'y');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.resourceCountIs('AWS::Logs::LogGroup', 1); // access logs only
    expect(svc.lambdaFunction).toBe(existing);
    expect(svc.usesPlaceholder).toBe(false);
    Annotations.fromStack(s).hasWarning('*', Match.stringLikeRegexp('Cannot set environment variable X'));
  });
});

describe('ContainerService', () => {
  const stack = new Stack();
  const network = new NetworkBlock(stack, 'Network');
  const web = new ContainerService(stack, 'Web', { vpc: network.vpc });
  const template = Template.fromStack(stack);

  test('Fargate service: circuit breaker with rollback, private tasks without public IP', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
  });

  test('task definition: unprivileged nginx placeholder, x86, 256/512, awslogs, placeholder keeps a writable root', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      ContainerDefinitions: [Match.objectLike({
        Image: 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine',
        PortMappings: [Match.objectLike({ ContainerPort: 8080 })],
        User: '101:101',
        LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }),
        ReadonlyRootFilesystem: false,
      })],
    });
    expect(web.usesPlaceholder).toBe(true);
    expect(web.grantPrincipal).toBe(web.taskDefinition.taskRole);
  });

  test('ALB drops invalid headers, HTTP listener, scaling on requests and CPU', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }]),
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTP', Port: 80 });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/' });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 4 });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }), TargetValue: 500,
      }),
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, TargetValue: 70,
      }),
    });
  });

  test('overrides win; existing cluster; certificate gives HTTPS with redirect; own image is read-only', () => {
    const s = new Stack();
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(s, 'Shared', { vpc });
    const svc = new ContainerService(s, 'Web', {
      vpc,
      existingCluster: cluster,
      desiredCount: 3,
      cpu: 512,
      memoryLimitMiB: 1024,
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
      containerPort: 8080,
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', CERTIFICATE_ARN),
    });
    svc.addEnvironment('QUEUE_URL', 'q');
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ECS::Cluster', 1);
    t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 3 });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 3, MaxCapacity: 6 });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: '1024',
      Volumes: [{ Name: 'tmp' }],
      ContainerDefinitions: [Match.objectLike({
        ReadonlyRootFilesystem: true,
        Environment: [{ Name: 'QUEUE_URL', Value: 'q' }],
        MountPoints: [{ ContainerPath: '/tmp', SourceVolume: 'tmp', ReadOnly: false }],
        PortMappings: [Match.objectLike({ ContainerPort: 8080 })],
      })],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'HTTPS', Port: 443 });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS' }) })],
    });
    expect(svc.usesPlaceholder).toBe(false);
    expect(stack.resolve(svc.url)).toEqual(expect.anything());
  });
});

describe('QueueWorker', () => {
  const stack = new Stack();
  const worker = new QueueWorker(stack, 'Worker');
  const template = Template.fromStack(stack);

  test('creates an encrypted queue and DLQ, visibility 6x the 30 s timeout, TLS-only policies', () => {
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 180,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 3 },
    });
    template.resourcePropertiesCountIs('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    }, 2);
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 30, TracingConfig: { Mode: 'Active' }, Architectures: ['arm64'] });
    expect(worker.deadLetterQueue).toBeDefined();
    expect(worker.usesPlaceholder).toBe(true);
  });

  test('event source mapping reports batch item failures, batch size 10', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  test('existing queue: no queue created; overrides win', () => {
    const s = new Stack();
    const queue = sqs.Queue.fromQueueArn(s, 'Jobs', 'arn:aws:sqs:us-east-1:123456789012:jobs');
    const w = new QueueWorker(s, 'Worker', { queue, batchSize: 5, maxConcurrency: 4, memorySize: 256 });
    w.addEnvironment('JOBS_QUEUE_URL', queue.queueUrl);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::SQS::Queue', 0);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 5, ScalingConfig: { MaximumConcurrency: 4 }, FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 256,
      Environment: { Variables: { JOBS_QUEUE_URL: Match.anyValue() } },
    });
    expect(w.queue).toBe(queue);
    expect(w.deadLetterQueue).toBeUndefined();
  });
});

describe('ScheduledJob', () => {
  const stack = new Stack();
  const job = new ScheduledJob(stack, 'Job');
  const template = Template.fromStack(stack);

  test('hourly schedule invoking the function with a DLQ and retry policy', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: Match.objectLike({
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('JobDeadLetterQueue'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 300, TracingConfig: { Mode: 'Active' } });
    expect(job.usesPlaceholder).toBe(true);
  });

  test('overrides win; existing function: no new function', () => {
    const s = new Stack();
    new ScheduledJob(s, 'Job', {
      existingFunction: lambda.Function.fromFunctionAttributes(s, 'Existing', {
        functionArn: EXISTING_FUNCTION_ARN, sameEnvironment: true,
      }),
      schedule: scheduler.ScheduleExpression.expression('cron(0 3 * * ? *)'),
      retryAttempts: 5,
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Target: Match.objectLike({ Arn: EXISTING_FUNCTION_ARN, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 5 }) }),
    });
  });
});

describe('StaticSite', () => {
  const stack = new Stack();
  const site = new StaticSite(stack, 'Site');
  const template = Template.fromStack(stack);

  test('private, encrypted, versioned, retained bucket with a TLS-only policy', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
      },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('CloudFront with OAC, HTTPS redirect, security headers, index.html, price class 100; placeholder deployed', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        PriceClass: 'PriceClass_100',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue(),
        }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    expect(site.usesPlaceholder).toBe(true);
    expect(stack.resolve(site.url)['Fn::Join'][1][0]).toBe('https://');
  });

  test('existing bucket, content path, web ACL, certificate (TLS 1.2) and access logs', () => {
    const s = new Stack();
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'site-'));
    fs.writeFileSync(path.join(content, 'index.html'), '<h1>hi</h1>');
    const custom = new StaticSite(s, 'Site', {
      existingBucket: s3.Bucket.fromBucketName(s, 'Existing', 'existing-site-bucket'),
      contentPath: content,
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/abc',
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', CERTIFICATE_ARN),
      domainNames: ['www.example.com'],
      accessLogBucket: s3.Bucket.fromBucketName(s, 'Logs', 'access-logs'),
    });
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::S3::Bucket', 0);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/abc',
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    expect(custom.usesPlaceholder).toBe(false);
  });
});

describe('RegionalWebAcl', () => {
  const stack = new Stack();
  const acl = new RegionalWebAcl(stack, 'Waf');
  acl.associate('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/abc', 'AlbAssociation');
  const template = Template.fromStack(stack);

  test('REGIONAL web ACL with three AWS managed rule groups and a 2000/5 min per-IP rate rule', () => {
    const acls = template.findResources('AWS::WAFv2::WebACL');
    const props = Object.values(acls)[0].Properties;
    expect(props.Scope).toBe('REGIONAL');
    expect(props.Rules).toHaveLength(4);
    const managed = props.Rules.filter((r: any) => r.Statement.ManagedRuleGroupStatement);
    expect(managed.map((r: any) => r.Statement.ManagedRuleGroupStatement.Name).sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    const rate = props.Rules.find((r: any) => r.Statement.RateBasedStatement);
    expect(rate.Statement.RateBasedStatement).toEqual({ Limit: 2000, AggregateKeyType: 'IP' });
    expect(rate.Action).toEqual({ Block: {} });
    for (const rule of [props, ...props.Rules]) {
      expect(rule.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true);
    }
    expect(new Set(props.Rules.map((r: any) => r.Priority)).size).toBe(4);
    expect(props.Name).toBe(acl.webAclName);
  });

  test('associate creates a web ACL association', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: Match.stringLikeRegexp('loadbalancer/app/web'),
      WebACLArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
  });

  test('rate limit override wins; out-of-range limit is rejected', () => {
    const s = new Stack();
    new RegionalWebAcl(s, 'Waf', { rateLimitPer5Minutes: 500, webAclName: 'shop-api' });
    Template.fromStack(s).hasResourceProperties('AWS::WAFv2::WebACL', {
      Name: 'shop-api',
      Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: 'IP' } } })]),
    });
    expect(() => new RegionalWebAcl(new Stack(), 'Bad', { rateLimitPer5Minutes: 5 })).toThrow(/between 10 and/);
  });
});
