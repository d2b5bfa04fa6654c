import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ApplicationStack, ApplicationStage } from '../src/app';
import { FIXED_OUTPUT_KEY, OUTPUT_PREFIX } from '../src/app/names';
import {
  ApplicationRequirements, DataStoreKind, EnvironmentTier, WorkloadType,
} from '../src/requirements';

/** Synthesizes one stack in its own app (into a temp dir) and returns the template and outdir. */
function synth(requirements: ApplicationRequirements, id = 'Test') {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-'));
  const app = new App({ outdir });
  const stack = new ApplicationStack(app, id, { requirements });
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir };
}

/** IAM policies: roles keep their permissions in customer managed policies (compliance packs forbid inline ones). */
function policies(template: Template): Record<string, any> {
  return { ...template.findResources('AWS::IAM::Policy'), ...template.findResources('AWS::IAM::ManagedPolicy') };
}
/** All IAM policy statements in the template, flattened. */
function statements(template: Template): any[] {
  return Object.values(policies(template))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}
function actionsOf(template: Template, policyPrefix: string): string[] {
  return Object.entries(policies(template))
    .filter(([id]) => id.startsWith(policyPrefix))
    .flatMap(([, p]: any) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: any) => [].concat(s.Action));
}

describe('HTTP API with a key-value store, a queue and a worker (production)', () => {
  const { template, stack, outdir } = synth({
    name: 'shop',
    environment: EnvironmentTier.PRODUCTION,
    tags: { owner: 'team-a' },
    services: [
      { name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders', 'jobs'], readOnlyDataStores: ['catalog'], traffic: { monthlyRequests: 50_000_000, peakRequestsPerSecond: 300 } },
      { name: 'fulfil', workload: WorkloadType.QUEUE_WORKER, dataStores: ['orders', 'jobs'] },
    ],
    dataStores: [
      { name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 40 },
      { name: 'catalog', kind: DataStoreKind.KEY_VALUE },
      { name: 'jobs', kind: DataStoreKind.QUEUE },
    ],
  }, 'Shop');

  test('composes the expected resources', () => {
    // The API, the worker, and CDK's AwsCustomResource handler that sets the jobs dead-letter queue's redrive allow policy.
    template.resourceCountIs('AWS::Lambda::Function', 3);
    template.resourceCountIs('Custom::AWS', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    template.resourceCountIs('AWS::SQS::Queue', 3); // jobs + its dead-letter queue, and the api function's dead-letter queue
    template.resourceCountIs('AWS::EC2::VPC', 0); // nothing needs a VPC
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  test('the API stage is throttled from the peak traffic', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 450, ThrottlingBurstLimit: 900 }),
    });
  });

  test('the worker consumes the declared queue with partial batch failures', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const jobsQueue = Object.keys(queues).find((id) => id.startsWith('DatajobsQueue'))!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [jobsQueue, 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  test('compute gets least-privilege data access: read-write, read-only, no management actions', () => {
    const api = actionsOf(template, 'Servicesapi');
    expect(api).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:GetItem', 'sqs:SendMessage']));
    const all = statements(template).flatMap((s: any) => [].concat(s.Action));
    expect(all).not.toContain('dynamodb:DeleteTable');
    expect(all).not.toContain('dynamodb:*');
    expect(all).not.toContain('sqs:*');
    // catalog is read-only for the api: its statement grants reads and no writes.
    const catalogStatements = statements(template).filter((s: any) => JSON.stringify(s.Resource).includes('DatacatalogTable'));
    const catalogActions = catalogStatements.flatMap((s: any) => [].concat(s.Action));
    expect(catalogActions).toContain('dynamodb:GetItem');
    expect(catalogActions).not.toContain('dynamodb:PutItem');
  });

  test('functions are told where their stores are', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ ORDERS_TABLE_NAME: Match.anyValue(), JOBS_QUEUE_URL: Match.anyValue(), CATALOG_TABLE_NAME: Match.anyValue() }),
      },
    });
  });

  test('stateful resources are retained and protected in production', () => {
    const tables = template.findResources('AWS::DynamoDB::Table');
    for (const t of Object.values(tables) as any[]) {
      expect(t.DeletionPolicy).toBe('Retain');
      expect(t.UpdateReplacePolicy).toBe('Retain');
      expect(t.Properties.DeletionProtectionEnabled).toBe(true);
      expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    }
    for (const q of Object.values(template.findResources('AWS::SQS::Queue')) as any[]) expect(q.DeletionPolicy).toBe('Retain');
  });

  test('alarms cover every function, the API, the queue and the tables, all routed to the topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as any[];
    expect(alarms.length).toBeGreaterThanOrEqual(10);
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    const metricNames = new Set(alarms.map((a) => a.Properties.MetricName ?? 'math'));
    for (const m of ['Errors', 'Throttles', 'ApproximateAgeOfOldestMessage', 'ApproximateNumberOfMessagesVisible']) expect(metricNames).toContain(m);
  });

  test('latency alarms fit the work: an API at 1 s, a queue worker near its 60 s timeout', () => {
    const threshold = (prefix: string) => (Object.entries(template.findResources('AWS::CloudWatch::Alarm'))
      .find(([id]) => id.startsWith(prefix))![1] as any).Properties.Threshold;
    expect(threshold('ObservabilityFunctionapiLatency')).toBe(1000);
    expect(threshold('ObservabilityFunctionfulfilLatency')).toBe(48_000);
  });

  test('tags every resource with application, environment and the user tags', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      Tags: Match.arrayWith([{ Key: 'application', Value: 'shop' }, { Key: 'environment', Value: 'production' }, { Key: 'owner', Value: 'team-a' }]),
    });
  });

  test('outputs say how to reach each part, with descriptions', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(['AlarmTopicArn', 'DashboardName', 'EndpointApi', 'QueueUrlJobs', 'TableCatalog', 'TableOrders']);
    for (const o of Object.values(outputs) as any[]) expect(o.Description.length).toBeGreaterThan(10);
  });

  test('exposes the design it was built from', () => {
    expect(stack.design.service('api').throttleRatePerSecond).toBe(450);
    expect(stack.design.decisions.length).toBeGreaterThan(5);
  });

  test('writes the design report into the cloud assembly, JSON and Markdown', () => {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.design-report.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(expect.arrayContaining([
      'schemaVersion', 'stackName', 'region', 'currency', 'pricingCatalogDate', 'monthlyCost', 'freeTierDeduction',
      'budget', 'resources', 'decisions', 'security', 'reliability', 'accessDetails',
    ]));
    expect(report).toMatchObject({ schemaVersion: 1, stackName: 'Shop', region: 'us-east-1', regionAssumed: true, currency: 'USD' });
    expect(report.decisions).toHaveLength(stack.design.decisions.length);
    expect(report.decisions[0]).toEqual(expect.objectContaining({ area: 'environment', choice: expect.any(String), rationale: expect.any(String), alternatives: expect.any(Array) }));
    const templateJson = JSON.parse(fs.readFileSync(path.join(outdir, 'Shop.template.json'), 'utf8'));
    expect(report.resources).toHaveLength(Object.values(templateJson.Resources).filter((r: any) => r.Type !== 'AWS::CDK::Metadata').length);
    expect(report.accessDetails.map((a: any) => a.outputKey)).toContain('EndpointApi');
    expect(report.dataFlows).toContainEqual({ from: 'jobs', to: 'fulfil', access: 'consume' });
    expect(report.placeholders).toEqual(['api', 'fulfil']);
    const md = fs.readFileSync(path.join(outdir, 'Shop.design-report.md'), 'utf8');
    expect(md).toContain('# Design report: Shop');
    expect(md).toContain('```mermaid');
    expect(md).toContain('api -->|read-write| orders');
    expect(md).toContain('**Why:** the rule earlier releases applied (containers from an average of 100 requests/s)');
    expect(md).toContain('50,000,000 requests/month (average 19/s), peak 300/s');
    expect(md).toContain('| EndpointApi | Endpoint URL of the \'api\' API (API Gateway HTTP API) |');
  });
});

describe('web service on containers with a relational store and a cache (staging)', () => {
  const { template } = synth({
    name: 'portal',
    environment: EnvironmentTier.STAGING,
    services: [{
      name: 'web',
      workload: WorkloadType.WEB_SERVICE,
      dataStores: ['db', 'sessions'],
      traffic: { monthlyRequests: 10_000_000, peakRequestsPerSecond: 250 },
      containerImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/portal/web:1.4.2',
      containerPort: 8080,
      healthCheckPath: '/health',
    }],
    dataStores: [{ name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 50 }, { name: 'sessions', kind: DataStoreKind.CACHE, storageGb: 0.2 }],
  });

  test('Fargate behind an ALB, sized from the traffic, with circuit breaker and WAF', () => {
    template.hasResourceProperties('AWS::ECS::Service', {
      LaunchType: 'FARGATE',
      DesiredCount: 2,
      DeploymentConfiguration: Match.objectLike({ DeploymentCircuitBreaker: { Enable: true, Rollback: true } }),
    });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024' });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 4 });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  test('the container listens where the requirements say, and its private ECR image can be pulled', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        PortMappings: [Match.objectLike({ ContainerPort: 8080 })],
        Image: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('123456789012.dkr.ecr.us-east-1.'), Match.stringLikeRegexp('/portal/web:1.4.2')])] },
      })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 80, HealthCheckPath: '/health' });
    const pull = statements(template).filter((s: any) => ([] as string[]).concat(s.Action).includes('ecr:BatchGetImage'));
    expect(JSON.stringify(pull)).toContain('repository/portal/web');
    // Scale out at 70% of 100 requests/s per task, counted per minute by the ALB.
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 4200 }),
    });
  });

  test('one NAT gateway in staging, across two AZs, with flow logs', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
  });

  test('the service reaches the database and cache over their ports only', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', { Port: 5432 });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 5432, ToPort: 5432, IpProtocol: 'tcp' });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 6380, ToPort: 6380, IpProtocol: 'tcp' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Environment: Match.arrayWith([Match.objectLike({ Name: 'DB_DB_SECRET_ARN' }), Match.objectLike({ Name: 'SESSIONS_CACHE_ENDPOINT' })]) })],
    });
  });

  test('Aurora Serverless v2 with credentials in Secrets Manager, retained but not deletion-protected in staging', () => {
    const clusters = Object.values(template.findResources('AWS::RDS::DBCluster')) as any[];
    expect(clusters).toHaveLength(1);
    expect(clusters[0].DeletionPolicy).toBe('Retain');
    expect(clusters[0].Properties).toMatchObject({ Engine: 'aurora-postgresql', StorageEncrypted: true, DeletionProtection: false, ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 } });
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', { CacheNodeType: 'cache.t4g.micro', TransitEncryptionEnabled: true, AtRestEncryptionEnabled: true });
  });

  test('outputs include the database endpoint and secret ARN, and the cache endpoint', () => {
    expect(Object.keys(template.findOutputs('*')).sort()).toEqual(['AlarmTopicArn', 'CacheEndpointSessions', 'DashboardName', 'DatabaseEndpointDb', 'DatabaseSecretArnDb', 'EndpointWeb']);
  });
});

describe('scheduled job, static site and object storage (development)', () => {
  const { template } = synth({
    name: 'reports',
    environment: EnvironmentTier.DEVELOPMENT,
    services: [
      { name: 'nightly', workload: WorkloadType.SCHEDULED_JOB, schedule: 'cron(0 3 * * ? *)', dataStores: ['files'] },
      { name: 'site', workload: WorkloadType.STATIC_SITE },
    ],
    dataStores: [{ name: 'files', kind: DataStoreKind.OBJECT_STORAGE, storageGb: 100 }],
  });

  test('the job runs on its schedule with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Target: Match.objectLike({ RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }), DeadLetterConfig: Match.anyValue() }),
    });
  });

  test('the site is served by CloudFront from a private bucket through origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasOutput('SiteUrlSite', { Description: Match.stringLikeRegexp('static site') });
  });

  test('development data is disposable: destroyed with the stack, not versioned', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    const files = Object.entries(buckets).find(([id]) => id.startsWith('Datafiles'))![1] as any;
    expect(files.DeletionPolicy).toBe('Delete');
    expect(files.Properties.VersioningConfiguration).toBeUndefined();
    // Emptied on deletion, or CloudFormation could not delete a bucket with objects in it.
    const emptied = Object.values(template.findResources('Custom::S3AutoDeleteObjects')).map((r: any) => r.Properties.BucketName.Ref);
    expect(emptied).toEqual(expect.arrayContaining([Object.keys(buckets).find((id) => id.startsWith('Datafiles'))]));
    // Only the access-log bucket outlives a development stack: logs are audit evidence, and its lifecycle expires them.
    const retained = Object.entries(template.toJSON().Resources).filter(([, r]: any) => r.DeletionPolicy === 'Retain').map(([id]) => id);
    expect(retained).toEqual([expect.stringMatching(/^SecurityAccessLogs/)]);
  });
});

describe('output keys', () => {
  test('prefixes are prefix-free, so no two outputs can share a key', () => {
    const keys = [...Object.values(OUTPUT_PREFIX), ...Object.values(FIXED_OUTPUT_KEY)];
    for (const a of keys) {
      for (const b of keys) {
        if (a !== b) expect(b.startsWith(a)).toBe(false);
      }
    }
  });
});

describe('stateful logical IDs', () => {
  // These IDs are a contract: a library upgrade that changes one makes CloudFormation replace
  // the resource, and with it the data. Change this list only with a migration note.
  test('are pinned for every kind of stateful resource, and all are retained in production', () => {
    const { template } = synth({
      name: 'shop',
      environment: EnvironmentTier.PRODUCTION,
      services: [{ name: 'web', workload: WorkloadType.WEB_SERVICE, dataStores: ['orders', 'jobs', 'db', 'c', 'files'] }],
      dataStores: [
        { name: 'orders', kind: DataStoreKind.KEY_VALUE }, { name: 'jobs', kind: DataStoreKind.QUEUE },
        { name: 'db', kind: DataStoreKind.RELATIONAL }, { name: 'c', kind: DataStoreKind.CACHE }, { name: 'files', kind: DataStoreKind.OBJECT_STORAGE },
      ],
    }, 'Shop');
    const stateful = ['AWS::DynamoDB::Table', 'AWS::SQS::Queue', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance',
      'AWS::ElastiCache::ReplicationGroup', 'AWS::S3::Bucket', 'AWS::SecretsManager::Secret'];
    const found: Record<string, string> = {};
    for (const type of stateful) {
      for (const [id, r] of Object.entries(template.findResources(type)) as any[]) {
        found[id] = type;
        expect(r.DeletionPolicy).toBe('Retain');
      }
    }
    expect(found).toEqual({
      DataordersTableE0A43303: 'AWS::DynamoDB::Table',
      DatajobsQueueA2AE5DC6: 'AWS::SQS::Queue',
      DatajobsDeadLetterQueueF8D6D6A3: 'AWS::SQS::Queue',
      DatadbCluster12206244: 'AWS::RDS::DBCluster',
      DatadbClusterwriter3CCA5CAE: 'AWS::RDS::DBInstance',
      DatadbClusterreader17CBC3176: 'AWS::RDS::DBInstance',
      DatacReplicationGroup998F2A72: 'AWS::ElastiCache::ReplicationGroup',
      DatafilesBucketF9BC31B7: 'AWS::S3::Bucket',
      ShopDatadbClusterSecret7BE9F30D3fdaad7efa858a3daf9490cf0a702aeb: 'AWS::SecretsManager::Secret',
      // The access-log bucket of the security policy (added with it; its ID is pinned from then on).
      SecurityAccessLogsBC9ABA1F: 'AWS::S3::Bucket',
    });
  });
});

describe('ApplicationStack and ApplicationStage entry points', () => {
  test('invalid requirements fail before any construct is made, naming every field', () => {
    const app = new App();
    expect(() => new ApplicationStack(app, 'Bad', {
      requirements: { name: 'Bad', environment: EnvironmentTier.PRODUCTION, services: [{ name: 'api', workload: WorkloadType.HTTP_API, traffic: { peakRequestsPerSecond: -5 } }] },
    })).toThrow(/requirements\.name must be a DNS-style name[\s\S]*requirements\.services\[0\]\.traffic\.peakRequestsPerSecond must be a number > 0 and <= 1000000, got -5/);
    expect(app.node.children).toHaveLength(0);
  });

  test('a 99.99% target needs three AZs, which an environment-agnostic stack cannot have: a clear error', () => {
    const requirements: ApplicationRequirements = {
      name: 'shop',
      environment: EnvironmentTier.PRODUCTION,
      availability: { targetPercent: 99.99 },
      services: [{ name: 'web', workload: WorkloadType.WEB_SERVICE }],
    };
    expect(() => new ApplicationStack(new App(), 'Agnostic', { requirements }))
      .toThrow('requirements.availability.targetPercent 99.99 needs 3 availability zones, but an environment-agnostic stack can only use 2');
    const stack = new ApplicationStack(new App(), 'Pinned', { requirements, env: { account: '123456789012', region: 'eu-west-1' } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('an open choice is reported with the context key that pins it; once pinned it is kept, and the notice says what switching would save', () => {
    const requirements: ApplicationRequirements = {
      name: 'shop',
      environment: EnvironmentTier.STAGING,
      services: [{ name: 'api', workload: WorkloadType.HTTP_API, traffic: { monthlyRequests: 3_000_000, peakRequestsPerSecond: 20 } }],
    };
    const infos = (stack: ApplicationStack) => stack.node.metadata.filter((m) => m.type === 'aws:cdk:info').map((m) => String(m.data));
    const fresh = new ApplicationStack(new App(), 'Shop', { requirements });
    expect(infos(fresh)).toEqual([expect.stringContaining('"cdk-infra-engineer:Shop:runtime:api": "lambda"')]);
    const pinned = new ApplicationStack(new App({ context: { 'cdk-infra-engineer:Shop:runtime:api': 'fargate' } }), 'Shop', { requirements });
    expect(pinned.design.service('api').runtime).toBe('fargate');
    expect(infos(pinned).filter((i) => i.includes('runtime:api'))).toEqual([]);
    const warnings = pinned.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/AWS Lambda would now be \$\d+\.\d\d a month less than the pinned ECS Fargate: remove the pin 'runtime:api' to switch/)]));
  });

  test('a stage holds the stack, named after the application and tier, for CDK Pipelines', () => {
    const app = new App();
    const stage = new ApplicationStage(app, 'Prod', {
      requirements: { name: 'shop', environment: EnvironmentTier.PRODUCTION, services: [{ name: 'api', workload: WorkloadType.HTTP_API }] },
    });
    expect(stage.stack.stackName).toBe('shop-production');
    const assembly = stage.synth();
    expect(assembly.stacks.map((s) => s.stackName)).toEqual(['shop-production']);
    expect(fs.existsSync(path.join(assembly.directory, `${stage.stack.artifactId}.design-report.json`))).toBe(true);
  });
});
