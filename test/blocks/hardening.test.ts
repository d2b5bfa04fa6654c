// Hardening gaps a reviewer flags (issue 12), each shown on the template, and blocks that
// raise no aws-cdk-lib warnings of their own (issue 13).
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  BackendFunction, BlockContextKeys, CacheAuthentication, CacheCluster, ContainerService, FunctionService, MessageQueue, NetworkBlock, QueueWorker,
  RelationalDatabase, ScheduledJob, StaticSite, WebSocketService,
} from '../../src/blocks';

function stackWithNetwork(context?: Record<string, string>): { stack: Stack; network: NetworkBlock } {
  const stack = new Stack(new App({ context }), 'S');
  return { stack, network: new NetworkBlock(stack, 'Network') };
}

describe('containers run as a non-root user', () => {
  const { stack, network } = stackWithNetwork();
  const placeholder = new ContainerService(stack, 'Placeholder', { vpc: network.vpc });
  new ContainerService(stack, 'Given', { vpc: network.vpc, image: ecs.ContainerImage.fromRegistry('example/app:1'), containerPort: 3000, user: '1000:1000' });
  const template = Template.fromStack(stack);

  test('the placeholder image is nginx as uid 101 on 8080', () => {
    expect(placeholder.usesPlaceholder).toBe(true);
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Image: 'public.ecr.aws/nginx/nginx-unprivileged:stable-alpine', User: '101:101', PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
      })],
    });
  });

  test('a given image runs as the user prop', () => {
    template.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Image: 'example/app:1', User: '1000:1000', ReadonlyRootFilesystem: true })],
    });
  });

  test('deployments keep the desired count running (minHealthyPercent 100) and CDK has nothing to warn about', () => {
    template.allResourcesProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ MinimumHealthyPercent: 100, MaximumPercent: 200 }),
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('Aurora admin user', () => {
  const secretTemplate = (stack: Stack) => Object.values<any>(Template.fromStack(stack).findResources('AWS::SecretsManager::Secret'))
    .map((r) => r.Properties.GenerateSecretString.SecretStringTemplate);

  test('stays postgres by default, so clusters deployed by earlier releases are not replaced', () => {
    const { stack, network } = stackWithNetwork();
    new RelationalDatabase(stack, 'Db', { vpc: network.vpc });
    expect(secretTemplate(stack)).toEqual(['{"username":"postgres"}']);
  });

  test('a new application names its admin user by prop or context', () => {
    const a = stackWithNetwork();
    new RelationalDatabase(a.stack, 'Db', { vpc: a.network.vpc, adminUsername: 'app_admin' });
    expect(secretTemplate(a.stack)).toEqual(['{"username":"app_admin"}']);
    const b = stackWithNetwork({ [BlockContextKeys.DATABASE_ADMIN_USERNAME]: 'shop_admin' });
    new RelationalDatabase(b.stack, 'Db', { vpc: b.network.vpc });
    expect(secretTemplate(b.stack)).toEqual(['{"username":"shop_admin"}']);
  });

  test('a reserved or malformed name is rejected with the construct path', () => {
    const { stack, network } = stackWithNetwork();
    expect(() => new RelationalDatabase(stack, 'Db', { vpc: network.vpc, adminUsername: 'rdsadmin' }))
      .toThrow(/S\/Db: adminUsername must be 1-63 letters, digits or underscores .* got "rdsadmin"/);
  });

  test('Performance Insights is on for the cluster and every instance, with no CDK warning', () => {
    const { stack, network } = stackWithNetwork();
    new RelationalDatabase(stack, 'Db', { vpc: network.vpc, readers: 1 });
    const template = Template.fromStack(stack);
    template.allResourcesProperties('AWS::RDS::DBInstance', { EnablePerformanceInsights: true });
    template.hasResourceProperties('AWS::RDS::DBCluster', { PerformanceInsightsEnabled: true });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('dead-letter queues and site buckets', () => {
  const stack = new Stack();
  new FunctionService(stack, 'Api');
  new StaticSite(stack, 'Site');
  const template = Template.fromStack(stack);

  test("a function's dead-letter queue may not be any queue's redrive target", () => {
    template.hasResourceProperties('AWS::SQS::Queue', { RedriveAllowPolicy: { redrivePermission: 'denyAll' } });
  });

  test('every function dead-letter queue denies redrive; a queue worker\'s own dead-letter queue takes redrives from its queue only', () => {
    const fns = new Stack();
    new WebSocketService(fns, 'Ws');
    new ScheduledJob(fns, 'Job');
    new BackendFunction(fns, 'Backend');
    new QueueWorker(fns, 'Worker');
    const t = Template.fromStack(fns);
    const dlqs = t.findResources('AWS::SQS::Queue', { Properties: { MessageRetentionPeriod: Match.anyValue() } });
    const deny = Object.entries(dlqs).filter(([, r]) => (r as any).Properties.RedriveAllowPolicy?.redrivePermission === 'denyAll').map(([id]) => id);
    expect(deny.map((id) => id.replace(/DeadLetterQueue.*$/, '')).sort()).toEqual(['Backend', 'Job', 'Ws']);
    const custom = Object.entries(t.findResources('Custom::AWS'));
    expect(custom.map(([id]) => id)).toEqual([expect.stringMatching(/^WorkerRedriveAllowPolicy/)]);
    const create = JSON.stringify(custom[0][1]);
    expect(create).toContain('byQueue');
    expect(create).toContain('WorkerQueue');
  });

  test('a MessageQueue\'s dead-letter queue is restricted to its queue unless restrictRedriveSources is false', () => {
    const queues = new Stack();
    new MessageQueue(queues, 'Restricted');
    new MessageQueue(queues, 'Open', { restrictRedriveSources: false });
    const t = Template.fromStack(queues);
    expect(Object.keys(t.findResources('Custom::AWS'))).toEqual([expect.stringMatching(/^RestrictedRedriveAllowPolicy/)]);
    // One singleton handler for every such resource of the stack.
    t.resourceCountIs('AWS::Lambda::Function', 1);
  });

  test('the site bucket expires old versions after 30 days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' })] },
    });
  });
});

describe('Redis with IAM authentication', () => {
  const { stack, network } = stackWithNetwork();
  const cache = new CacheCluster(stack, 'Cache', { vpc: network.vpc, authentication: CacheAuthentication.IAM });
  const role = new iam.Role(stack, 'Client', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  cache.grantReadWrite(role);
  const template = Template.fromStack(stack);

  test('a user group of a disabled default user and an IAM user is attached to the replication group', () => {
    template.hasResourceProperties('AWS::ElastiCache::User', { UserName: 'default', AccessString: 'off -@all' });
    const iamUsers = template.findResources('AWS::ElastiCache::User', { Properties: { AuthenticationMode: { Type: 'iam' } } });
    const [iamUser] = Object.values<any>(iamUsers);
    expect(iamUser.Properties.UserName).toEqual(iamUser.Properties.UserId);
    expect(iamUser.Properties.UserId).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      UserGroupIds: [{ Ref: Match.stringLikeRegexp('^CacheUserGroup') }], TransitEncryptionEnabled: true,
    });
    expect(cache.connectionEnvironment.CACHE_USER).toEqual(iamUser.Properties.UserName);
  });

  test('grants elasticache:Connect on the group and the user', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'elasticache:Connect', Effect: 'Allow' })] },
    });
  });

  test('by default there is no user group', () => {
    const s = stackWithNetwork();
    new CacheCluster(s.stack, 'Cache', { vpc: s.network.vpc });
    Template.fromStack(s.stack).resourceCountIs('AWS::ElastiCache::UserGroup', 0);
  });
});
