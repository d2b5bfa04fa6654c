import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  CacheCluster, KeyValueTable, MessageQueue, ObjectStore, RelationalDatabase, TableCapacityMode,
} from '../../src/blocks/data';
import { AlarmGrouping, Observability } from '../../src/blocks/observability';
import {
  cacheAlarms, databaseAlarms, distributionAlarms, functionAlarms, httpApiAlarms, loadBalancedServiceAlarms, queueAlarms, tableAlarms, watched,
  webAclAlarms,
} from '../../src/design/alarms';
import { AlarmMetricSource, MonitoredResourceKind } from '../../src/design/model';

/** All IAM actions in every identity policy attached to the given role. */
function actionsOf(template: Template, roleLogicalId: string): string[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleLogicalId }]) },
  });
  return Object.values(policies).flatMap((p: any) =>
    p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
}

function roleIn(stack: Stack, id: string): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

function logicalId(stack: Stack, role: iam.Role): string {
  return stack.getLogicalId(role.node.defaultChild as iam.CfnRole);
}

function peerIn(stack: Stack, vpc: ec2.IVpc): ec2.SecurityGroup {
  return new ec2.SecurityGroup(stack, 'Peer', { vpc });
}

describe('KeyValueTable', () => {
  const stack = new Stack();
  const table = new KeyValueTable(stack, 'Orders');
  const reader = roleIn(stack, 'Reader');
  const writer = roleIn(stack, 'Writer');
  table.grantRead(reader);
  table.grantReadWrite(writer);
  const template = Template.fromStack(stack);

  test('defaults: pk/sk strings, on-demand, PITR, SSE, retained, no deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: false,
      },
    });
    expect(Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]).toMatch(/^OrdersTable/);
    expect(Object.keys(table.connectionEnvironment)).toEqual(['TABLE_NAME']);
  });

  test('grants data actions only', () => {
    const read = actionsOf(template, logicalId(stack, reader));
    expect(read).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(read).not.toContain('dynamodb:PutItem');
    const write = actionsOf(template, logicalId(stack, writer));
    expect(write).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
    expect([...read, ...write]).not.toContain('dynamodb:DeleteTable');
    expect([...read, ...write]).not.toContain('dynamodb:*');
  });

  test('provisioned with autoscaling, customer key, deletion protection, removal override', () => {
    const s = new Stack();
    new KeyValueTable(s, 'T', {
      billing: TableCapacityMode.PROVISIONED,
      writeCapacity: 10,
      maxReadCapacity: 50,
      encryptionKey: new kms.Key(s, 'Key'),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.DESTROY,
      partitionKeyName: 'id',
      sortKeyName: 'version',
    });
    const t = Template.fromStack(s);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: 'version', KeyType: 'RANGE' }],
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 10 },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        DeletionProtectionEnabled: true,
      },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget',
      { ScalableDimension: 'dynamodb:table:ReadCapacityUnits', MinCapacity: 5, MaxCapacity: 50 });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget',
      { ScalableDimension: 'dynamodb:table:WriteCapacityUnits', MinCapacity: 10, MaxCapacity: 40 });
    t.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 2);
  });

  test('existing table: no new table', () => {
    const s = new Stack();
    const kv = new KeyValueTable(s, 'T', { existingTable: dynamodb.Table.fromTableName(s, 'Imported', 'legacy') });
    Template.fromStack(s).resourceCountIs('AWS::DynamoDB::Table', 0);
    expect(kv.connectionEnvironment).toEqual({ TABLE_NAME: 'legacy' });
  });
});

describe('RelationalDatabase', () => {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const db = new RelationalDatabase(stack, 'Db', { vpc });
  const reader = roleIn(stack, 'Reader');
  db.grantRead(reader);
  db.allowConnectionsFrom(peerIn(stack, vpc));
  const template = Template.fromStack(stack);

  test('Aurora PostgreSQL 16 Serverless v2, encrypted, IAM auth, backups, logs, snapshot on removal', () => {
    template.resourceCountIs('AWS::RDS::DBCluster', 1);
    template.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Snapshot',
      Properties: {
        Engine: 'aurora-postgresql',
        EngineVersion: Match.stringLikeRegexp('^16\\.'),
        StorageEncrypted: true,
        EnableIAMDatabaseAuthentication: true,
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
        BackupRetentionPeriod: 7,
        CopyTagsToSnapshot: true,
        EnableCloudwatchLogsExports: ['postgresql'],
        DatabaseName: 'app',
        DeletionProtection: false,
        PerformanceInsightsEnabled: true,
      },
    });
    expect(Object.keys(template.findResources('AWS::RDS::DBCluster'))[0]).toMatch(/^DbCluster/);
    template.hasResourceProperties('Custom::LogRetention', { RetentionInDays: 365 });
  });

  test('force_ssl parameter group, one private serverless writer, generated secret kept with the snapshot', () => {
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Parameters: { 'rds.force_ssl': '1' } });
    template.resourceCountIs('AWS::RDS::DBInstance', 1);
    template.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless', PubliclyAccessible: false });
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: { GenerateSecretString: Match.objectLike({ SecretStringTemplate: '{"username":"postgres"}' }) },
    });
    expect(Object.keys(db.connectionEnvironment).sort()).toEqual(['DB_ENDPOINT', 'DB_NAME', 'DB_PORT', 'DB_SECRET_ARN']);
    expect(db.connectionEnvironment.DB_NAME).toBe('app');
  });

  test('grants read the secret only; allowConnectionsFrom opens the Postgres port', () => {
    const actions = actionsOf(template, logicalId(stack, reader));
    expect(actions).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']));
    expect(actions).not.toContain('secretsmanager:PutSecretValue');
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      SourceSecurityGroupId: Match.anyValue(),
      FromPort: 5432,
      ToPort: 5432,
    });
  });

  test('the master password rotates every 30 days, in the cluster\'s subnets, and enhanced monitoring is on', () => {
    template.hasResourceProperties('AWS::SecretsManager::RotationSchedule', { RotationRules: { ScheduleExpression: 'rate(30 days)' } });
    template.resourceCountIs('AWS::Serverless::Application', 1);
    template.hasResourceProperties('AWS::RDS::DBInstance', { MonitoringInterval: 60 });
  });

  test('readers, retain and deletion protection overrides', () => {
    const s = new Stack();
    new RelationalDatabase(s, 'Db', {
      vpc: new ec2.Vpc(s, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }),
      readers: 2,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      maxCapacity: 8,
    });
    const t = Template.fromStack(s);
    t.hasResource('AWS::RDS::DBCluster', {
      DeletionPolicy: 'Retain',
      Properties: { DeletionProtection: true, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 8 } },
    });
    t.resourceCountIs('AWS::RDS::DBInstance', 3);
    t.hasResourceProperties('AWS::RDS::DBInstance', { PromotionTier: 1 });
  });

  test('existing cluster and secret: no new cluster, secret grant and environment from them', () => {
    const s = new Stack();
    const cluster = rds.DatabaseCluster.fromDatabaseClusterAttributes(s, 'Imported', {
      clusterIdentifier: 'legacy',
      clusterEndpointAddress: 'legacy.example.internal',
      port: 5432,
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(s, 'Sg', 'sg-12345')],
    });
    const secret = secretsmanager.Secret.fromSecretCompleteArn(s, 'Secret',
      'arn:aws:secretsmanager:us-east-1:111111111111:secret:legacy-AbCdEf');
    const imported = new RelationalDatabase(s, 'Db', { vpc: new ec2.Vpc(s, 'Vpc'), existingCluster: cluster, existingSecret: secret });
    const role = roleIn(s, 'Role');
    imported.grantReadWrite(role);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::RDS::DBCluster', 0);
    t.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(actionsOf(t, logicalId(s, role))).toContain('secretsmanager:GetSecretValue');
    expect(imported.connectionEnvironment).toMatchObject({ DB_ENDPOINT: 'legacy.example.internal', DB_PORT: '5432' });
  });
});

describe('ObjectStore', () => {
  const stack = new Stack();
  const store = new ObjectStore(stack, 'Files');
  const reader = roleIn(stack, 'Reader');
  const writer = roleIn(stack, 'Writer');
  store.grantRead(reader);
  store.grantReadWrite(writer);
  const template = Template.fromStack(stack);

  test('private, SSE-S3, versioned, lifecycle, retained', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: [Match.objectLike({
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
          })],
        },
      },
    });
    expect(Object.keys(template.findResources('AWS::S3::Bucket'))[0]).toMatch(/^FilesBucket/);
    expect(Object.keys(store.connectionEnvironment)).toEqual(['BUCKET_NAME']);
  });

  test('bucket policy denies non-TLS and TLS below 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  test('grants object actions only', () => {
    const read = actionsOf(template, logicalId(stack, reader));
    expect(read.sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    const write = actionsOf(template, logicalId(stack, writer));
    expect(write.sort()).toEqual(['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    // Exact actions only: no wildcard grows when S3 adds actions.
    expect([...read, ...write].filter((a) => a.includes('*'))).toEqual([]);
  });

  test('KMS key, access logs with prefix, removal override', () => {
    const s = new Stack();
    new ObjectStore(s, 'Files', {
      encryptionKey: new kms.Key(s, 'Key'),
      removalPolicy: RemovalPolicy.DESTROY,
      serverAccessLogsBucket: s3.Bucket.fromBucketName(s, 'Logs', 'access-logs'),
      serverAccessLogsPrefix: 'files/',
    });
    Template.fromStack(s).hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Delete',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }), BucketKeyEnabled: true })],
        },
        LoggingConfiguration: { DestinationBucketName: 'access-logs', LogFilePrefix: 'files/' },
      },
    });
  });

  test('existing bucket: no new bucket', () => {
    const s = new Stack();
    new ObjectStore(s, 'Files', { existingBucket: s3.Bucket.fromBucketName(s, 'Imported', 'legacy') });
    Template.fromStack(s).resourceCountIs('AWS::S3::Bucket', 0);
  });
});

describe('MessageQueue', () => {
  const stack = new Stack();
  const mq = new MessageQueue(stack, 'Jobs');
  const reader = roleIn(stack, 'Reader');
  const writer = roleIn(stack, 'Writer');
  mq.grantRead(reader);
  mq.grantReadWrite(writer);
  const template = Template.fromStack(stack);

  test('queue and DLQ: SSE, redrive, retention, visibility, retained', () => {
    template.resourceCountIs('AWS::SQS::Queue', 2);
    const ids = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/^JobsQueue/), expect.stringMatching(/^JobsDeadLetterQueue/)]));
    const dlqId = ids.find(id => id.startsWith('JobsDeadLetterQueue'))!;
    template.hasResource('AWS::SQS::Queue', {
      DeletionPolicy: 'Retain',
      Properties: {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: 30,
        MessageRetentionPeriod: 345600,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 },
      },
    });
    template.hasResource('AWS::SQS::Queue', {
      DeletionPolicy: 'Retain', Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
    });
    expect(Object.keys(mq.connectionEnvironment)).toEqual(['QUEUE_URL']);
  });

  test('both queues deny non-TLS requests', () => {
    template.resourceCountIs('AWS::SQS::QueuePolicy', 2);
    template.allResourcesProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('grants: consume for read, send and consume for read-write, never queue management', () => {
    const read = actionsOf(template, logicalId(stack, reader));
    expect(read).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']));
    expect(read).not.toContain('sqs:SendMessage');
    const write = actionsOf(template, logicalId(stack, writer));
    expect(write).toEqual(expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:SendMessage']));
    expect([...read, ...write]).not.toContain('sqs:DeleteQueue');
  });

  test('KMS key and overrides; existing queue creates none', () => {
    const s = new Stack();
    new MessageQueue(s, 'Q', {
      encryptionKey: new kms.Key(s, 'Key'), maxReceiveCount: 3, visibilityTimeout: Duration.minutes(2), removalPolicy: RemovalPolicy.DESTROY,
    });
    const t = Template.fromStack(s);
    t.hasResource('AWS::SQS::Queue', {
      DeletionPolicy: 'Delete',
      Properties: { KmsMasterKeyId: Match.anyValue(), VisibilityTimeout: 120, RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) },
    });

    const e = new Stack();
    const existing = new MessageQueue(e, 'Q', { existingQueue: sqs.Queue.fromQueueArn(e, 'Imported', 'arn:aws:sqs:us-east-1:111111111111:legacy') });
    Template.fromStack(e).resourceCountIs('AWS::SQS::Queue', 0);
    expect(existing.deadLetterQueue).toBeUndefined();
  });
});

describe('CacheCluster', () => {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cache = new CacheCluster(stack, 'Cache', { vpc });
  const role = roleIn(stack, 'Role');
  cache.grantReadWrite(role);
  cache.allowConnectionsFrom(peerIn(stack, vpc));
  const template = Template.fromStack(stack);

  test('Redis OSS 7, encrypted at rest and in transit, private subnet group, retained', () => {
    template.resourceCountIs('AWS::ElastiCache::ReplicationGroup', 1);
    template.hasResource('AWS::ElastiCache::ReplicationGroup', {
      DeletionPolicy: 'Retain',
      Properties: {
        Engine: 'redis',
        EngineVersion: Match.stringLikeRegexp('^7\\.'),
        CacheNodeType: 'cache.t4g.micro',
        AtRestEncryptionEnabled: true,
        TransitEncryptionEnabled: true,
        NumCacheClusters: 1,
        MultiAZEnabled: false,
        AutomaticFailoverEnabled: false,
        SnapshotRetentionLimit: 1,
        Port: 6380,
      },
    });
    expect(Object.keys(template.findResources('AWS::ElastiCache::ReplicationGroup'))[0]).toMatch(/^CacheReplicationGroup/);
    const privateSubnetRefs = vpc.privateSubnets.map(sn => ({ Ref: stack.getLogicalId(sn.node.defaultChild as ec2.CfnSubnet) }));
    template.hasResourceProperties('AWS::ElastiCache::SubnetGroup', { SubnetIds: privateSubnetRefs });
    expect(Object.keys(cache.connectionEnvironment).sort()).toEqual(['CACHE_ENDPOINT', 'CACHE_PORT']);
    expect(cache.connectionEnvironment.CACHE_PORT).toBe('6380');
    // A retained cache keeps the subnet group and security group it still uses.
    template.hasResource('AWS::ElastiCache::SubnetGroup', { DeletionPolicy: 'Retain' });
    template.hasResource('AWS::EC2::SecurityGroup', {
      DeletionPolicy: 'Retain', Properties: { GroupDescription: 'ElastiCache replication group' },
    });
  });

  test('an existing cache: nothing created, access through its security group', () => {
    const s = new Stack();
    const v = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(s, 'CacheSg', 'sg-0123456789abcdef0');
    const existing = new CacheCluster(s, 'Cache', {
      vpc: v,
      existingCache: { replicationGroupId: 'shop-cache', endpointAddress: 'master.shop-cache.abc123.use1.cache.amazonaws.com', port: 6380, securityGroup, nodeCount: 2 },
    });
    existing.allowConnectionsFrom(peerIn(s, v));
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::ElastiCache::ReplicationGroup', 0);
    t.resourceCountIs('AWS::ElastiCache::SubnetGroup', 0);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', FromPort: 6380, ToPort: 6380 });
    expect(existing.replicationGroup).toBeUndefined();
    expect([existing.replicationGroupId, existing.nodeCount]).toEqual(['shop-cache', 2]);
    expect(existing.connectionEnvironment).toEqual({ CACHE_ENDPOINT: 'master.shop-cache.abc123.use1.cache.amazonaws.com', CACHE_PORT: '6380' });
  });

  test('refuses public-only VPCs and invalid replica counts', () => {
    const s = new Stack();
    const publicOnly = new ec2.Vpc(s, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'pub', subnetType: ec2.SubnetType.PUBLIC }] });
    expect(() => new CacheCluster(s, 'Cache', { vpc: publicOnly })).toThrow(/private or isolated subnets/);
    expect(() => new CacheCluster(s, 'Bad', { vpc: publicOnly, replicasPerNodeGroup: 6 })).toThrow(/0 to 5, got 6/);
  });

  test('access is network only: ingress on 6380 (not the well-known 6379), no IAM policy', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { IpProtocol: 'tcp', FromPort: 6380, ToPort: 6380 });
    expect(actionsOf(template, logicalId(stack, role))).toEqual([]);
  });

  test('replicas turn on Multi-AZ and failover; removal override', () => {
    const s = new Stack();
    new CacheCluster(s, 'Cache', { vpc: new ec2.Vpc(s, 'Vpc', { natGateways: 1 }), replicasPerNodeGroup: 1, removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(s).hasResource('AWS::ElastiCache::ReplicationGroup', {
      DeletionPolicy: 'Delete',
      Properties: { NumCacheClusters: 2, MultiAZEnabled: true, AutomaticFailoverEnabled: true },
    });
  });
});

/** One of each resource Observability watches, in `stack`; with no NAT the database goes into isolated subnets. */
function watchedResources(stack: Stack, opts: { natGateways: number }) {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: opts.natGateways });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const api = new apigwv2.HttpApi(stack, 'Api');
  const cluster = new ecs.Cluster(stack, 'EcsCluster', { vpc });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, 'TaskDef');
  taskDefinition.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), portMappings: [{ containerPort: 80 }] });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition });
  const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
  const targetGroup = new elbv2.ApplicationTargetGroup(stack, 'Tg', { vpc, port: 80, targets: [service] });
  alb.addListener('Http', { port: 80, defaultTargetGroups: [targetGroup] });
  const dlq = new sqs.Queue(stack, 'Dlq');
  const queue = new sqs.Queue(stack, 'Queue', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
  const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  const db = new rds.DatabaseCluster(stack, 'Aurora', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_13 }),
    writer: rds.ClusterInstance.serverlessV2('writer'),
    vpc,
    ...(opts.natGateways === 0 ? { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } } : {}),
  });
  const distribution = new cloudfront.Distribution(stack, 'Cdn', { defaultBehavior: { origin: new origins.HttpOrigin('example.com') } });
  return { vpc, fn, api, service, alb, targetGroup, dlq, queue, table, db, distribution };
}

describe('Observability', () => {
  const stack = new Stack();
  const obs = new Observability(stack, 'Obs', { dashboardName: 'shop' });
  const { fn, api, service, alb, targetGroup, dlq, queue, table, db, distribution } = watchedResources(stack, { natGateways: 1 });

  const counts = {
    function: obs.monitorFunction('api', fn).length,
    httpApi: obs.monitorHttpApi('api', api).length,
    service: obs.monitorLoadBalancedService('web', service, alb, targetGroup).length,
    queue: obs.monitorQueue('jobs', queue, dlq, 600).length,
    queueWithoutDlq: obs.monitorQueue('events', queue).length,
    table: obs.monitorTable('orders', table).length,
    database: obs.monitorDatabase('main', db, 8).length,
    cache: obs.monitorCache('sessions', 'my-cache', 2).length,
    distribution: obs.monitorDistribution('site', distribution).length,
  };
  const template = Template.fromStack(stack);

  test('each monitor method adds its alarms', () => {
    expect(counts).toEqual({
      function: 3, httpApi: 3, service: 6, queue: 2, queueWithoutDlq: 1, table: 3, database: 3, cache: 2, distribution: 2,
    });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 25);
    expect(obs.alarms).toHaveLength(25);
  });

  test('every alarm notifies the topic and treats missing data as not breaching', () => {
    const topicId = stack.getLogicalId(obs.alarmTopic.node.defaultChild as sns.CfnTopic);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [{ Ref: topicId }], TreatMissingData: 'notBreaching',
    });
  });

  test('alarms watch the right metrics with the right thresholds', () => {
    const alarm = (props: object) => template.hasResourceProperties('AWS::CloudWatch::Alarm', props);
    alarm({ Namespace: 'AWS/Lambda', MetricName: 'Errors', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    alarm({ Namespace: 'AWS/Lambda', MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 1000 });
    alarm({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    alarm({ Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', Threshold: 1 });
    alarm({ Namespace: 'AWS/ApplicationELB', MetricName: 'UnHealthyHostCount' });
    alarm({ Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Threshold: 80 });
    alarm({ Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 600 });
    alarm({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
    alarm({ Namespace: 'AWS/DynamoDB', MetricName: 'ReadThrottleEvents' });
    alarm({ Namespace: 'AWS/RDS', MetricName: 'ServerlessDatabaseCapacity', Threshold: 7.2 });
    alarm({ Namespace: 'AWS/RDS', MetricName: 'FreeLocalStorage', ComparisonOperator: 'LessThanThreshold' });
    alarm({ Metrics: Match.arrayWith([Match.objectLike({ Expression: 'MAX([n1,n2])' })]), Threshold: 80 });
    alarm({ Namespace: 'AWS/CloudFront', MetricName: '5xxErrorRate', Threshold: 5 });
    // Alarm construct ids come from the name argument.
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm'))).toEqual(expect.arrayContaining([
      expect.stringMatching(/^ObsFunctionapiErrors/), expect.stringMatching(/^ObsCachesessionsMemory/),
    ]));
  });

  test('dashboard exists with the given name; topic is encrypted, TLS-only and publishable by CloudWatch', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'shop' });
    expect(obs.dashboardName).toBe('shop');
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]),
      },
    });
  });

  test('given topic is used; distribution alarm skipped outside us-east-1', () => {
    const app = new App();
    const s = new Stack(app, 'Eu', { env: { region: 'eu-west-1' } });
    const topic = new sns.Topic(s, 'Mine');
    const o = new Observability(s, 'Obs', { alarmTopic: topic });
    const d = new cloudfront.Distribution(s, 'Cdn', { defaultBehavior: { origin: new origins.HttpOrigin('example.com') } });
    expect(o.monitorDistribution('site', d)).toHaveLength(0);
    const t = Template.fromStack(s);
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.resourceCountIs('AWS::KMS::Key', 0);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    t.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    Annotations.fromStack(s).hasWarning('/Eu/Obs', Match.stringLikeRegexp('CloudFront metrics live in us-east-1'));
  });
});

describe('Observability builds alarms given as data (the design\'s)', () => {
  const stack = new Stack(new App(), 'Data', { env: { account: '111111111111', region: 'us-east-1' } });
  const { fn, api, service, alb, targetGroup, dlq, queue, table, db, distribution } = watchedResources(stack, { natGateways: 0 });
  const topic = new sns.Topic(stack, 'Topic');

  // The block's own monitor methods (for blocks used alone) and the design's alarms, on the same resources.
  const own = new Observability(stack, 'Own', { alarmTopic: topic });
  own.monitorFunction('api', fn);
  own.monitorHttpApi('api', api);
  own.monitorWebAcl('web', 'web-acl');
  own.monitorLoadBalancedService('web', service, alb, targetGroup);
  own.monitorQueue('jobs', queue, dlq);
  own.monitorTable('orders', table);
  own.monitorDatabase('main', db, 8);
  own.monitorCache('sessions', 'my-cache', 2);
  own.monitorDistribution('site', distribution);
  const fromDesign = new Observability(stack, 'Design', { alarmTopic: topic });
  const K = MonitoredResourceKind;
  fromDesign._addAlarms([
    ...watched('api', K.FUNCTION, 'api', functionAlarms(1000, false)),
    ...watched('api', K.HTTP_API, 'api', httpApiAlarms(1000)),
    ...watched('web', K.WEB_ACL, 'web', webAclAlarms()),
    ...watched('web', K.LOAD_BALANCED_SERVICE, 'web', loadBalancedServiceAlarms(1000)),
    ...watched('jobs', K.QUEUE, 'jobs', queueAlarms(AlarmMetricSource.QUEUE, true)),
    ...watched('orders', K.TABLE, 'orders', tableAlarms()),
    ...watched('main', K.DATABASE, 'main', databaseAlarms(8)),
    ...watched('sessions', K.CACHE, 'sessions', cacheAlarms(2)),
    ...watched('site', K.DISTRIBUTION, 'site', distributionAlarms()),
  ], {
    function: fn,
    httpApi: api,
    webAclMetricName: 'web-acl',
    containerService: service,
    loadBalancer: alb,
    targetGroup,
    queue,
    deadLetterQueue: dlq,
    table,
    database: db,
    cacheReplicationGroupId: 'my-cache',
    distribution,
  });
  const alarmsUnder = (obs: Observability) => new Map(obs.alarms.map((a) => [a.node.path.split('/').slice(2).join('/'),
    stack.resolve((a.node.defaultChild as any)._toCloudFormation()).Resources]));

  test('the design\'s alarms are the block\'s defaults: same conditions, metrics, dimensions and thresholds', () => {
    const ownAlarms = alarmsUnder(own);
    const designAlarms = alarmsUnder(fromDesign);
    expect([...designAlarms.keys()]).toEqual([...ownAlarms.keys()]);
    expect(ownAlarms.size).toBe(25);
    for (const [key, resources] of designAlarms) {
      expect([key, JSON.stringify(Object.values(resources)[0])]).toEqual([key, JSON.stringify(Object.values(ownAlarms.get(key)!)[0])]);
    }
  });

  test('a metric whose resource was not given fails naming the alarm and the resource', () => {
    const s = new Stack();
    const o = new Observability(s, 'Obs');
    expect(() => o._addAlarms(watched('api', K.FUNCTION, 'api', functionAlarms(1000, true)), {
      function: new lambda.Function(s, 'Fn', {
        runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
      }),
    })).toThrow("alarm 'Function-api/DeadLetters' watches a metric of the dead-letter-queue (ApproximateNumberOfMessagesVisible), but no dead-letter queue was given");
  });

  test('AlarmGrouping.PER_RESOURCE groups data alarms as it groups the monitor methods\' alarms', () => {
    const s = new Stack();
    const o = new Observability(s, 'Obs', { alarmGrouping: AlarmGrouping.PER_RESOURCE });
    const f = new lambda.Function(s, 'Fn', {
      runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    const created = o._addAlarms(watched('api', K.FUNCTION, 'api', functionAlarms(1000, false)), { function: f });
    // Errors and throttles fire at once (one alarm); p99 duration is sustained (another).
    expect(created.map((a) => a.node.id)).toEqual(['Failures', 'Latency']);
  });
});
