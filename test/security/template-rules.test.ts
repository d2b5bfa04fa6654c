import { App, Stack } from 'aws-cdk-lib';
import { SecurityRule } from '../../src/security';
import { checkTemplates } from '../../src/security/template/check';
import { TemplateJson, TemplateRule } from '../../src/security/template/model';
import * as rules from '../../src/security/template/rules';

const stack = new Stack(new App(), 'S');
const ANYONE = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' };
const ACCOUNT_ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };

/** Runs one rule over a template of `resources` (production, every policy rule enforced); returns `logicalId: problem` lines. */
function run(rule: TemplateRule, resources: Record<string, unknown>, opts: { production?: boolean; relaxed?: SecurityRule[] } = {}): string[] {
  const template = { Resources: resources } as TemplateJson;
  return checkTemplates([{ stack, template, constructs: new Map() }],
    { production: opts.production ?? true, enforces: (r) => !(opts.relaxed ?? []).includes(r) }, [rule])
    .flatMap((r) => r.problems.map((p) => `${r.resource.logicalId}: ${p}`));
}
const res = (Type: string, Properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({ Type, Properties, ...extra });

describe('template rules: compliant and non-compliant final templates', () => {
  test('S3PublicAccessBlocked: an override turning a setting off (or to an unknown value) is a finding; absent or all true is not', () => {
    expect(run(rules.S3PublicAccessBlocked, {
      Off: res('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: 'false', IgnorePublicAcls: true, RestrictPublicBuckets: { Ref: 'P' } } }),
      Default: res('AWS::S3::Bucket'),
      On: res('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true } }),
    })).toEqual(['Off: BlockPublicAcls is false', 'Off: BlockPublicPolicy is "false"', 'Off: RestrictPublicBuckets is not known at synth']);
  });

  test('CacheAuthenticated: a user group counts only when the template shows its default user disabled or needing a password', () => {
    const rg = (extra: Record<string, unknown>) => res('AWS::ElastiCache::ReplicationGroup', { Engine: 'redis', ...extra });
    const user = (UserName: string, AccessString: string, Type: string) => res('AWS::ElastiCache::User', { UserName, AccessString, AuthenticationMode: { Type } });
    expect(run(rules.CacheAuthenticated, {
      Off: user('default', 'off -@all', 'no-password-required'),
      Open: user('default', 'on ~* +@all', 'no-password-required'),
      Pwd: user('default', 'on ~* +@all', 'password'),
      GroupOff: res('AWS::ElastiCache::UserGroup', { UserIds: [{ Ref: 'Off' }] }),
      GroupOpen: res('AWS::ElastiCache::UserGroup', { UserIds: [{ Ref: 'Open' }] }),
      GroupPwd: res('AWS::ElastiCache::UserGroup', { UserIds: [{ Ref: 'Pwd' }] }),
      Rbac: rg({ UserGroupIds: [{ Ref: 'GroupOff' }] }),
      Password: rg({ UserGroupIds: [{ Ref: 'GroupPwd' }] }),
      Token: rg({ AuthToken: '{{resolve:secretsmanager:s}}' }),
      None: rg({}),
      NopassDefault: rg({ UserGroupIds: [{ Ref: 'GroupOpen' }] }),
      Elsewhere: rg({ UserGroupIds: ['shared-group'] }),
    })).toEqual([
      'None: neither UserGroupIds nor AuthToken is set',
      'NopassDefault: user group GroupOpen: its default user is enabled without a password (on ~* +@all)',
      'Elsewhere: a user group outside this template: its default user cannot be checked',
    ]);
  });

  test('S3NoPublicAcl: PublicRead, PublicReadWrite and AuthenticatedRead are findings; Private is not', () => {
    expect(run(rules.S3NoPublicAcl, {
      A: res('AWS::S3::Bucket', { AccessControl: 'PublicReadWrite' }), B: res('AWS::S3::Bucket', { AccessControl: 'Private' }),
    })).toEqual(['A: AccessControl is PublicReadWrite']);
  });

  test('ResourcePolicyNotPublic: principal * without a restricting condition on bucket, queue, topic, key and OpenSearch policies', () => {
    const doc = (statement: unknown) => ({ Version: '2012-10-17', Statement: [statement] });
    expect(run(rules.ResourcePolicyNotPublic, {
      Bucket: res('AWS::S3::BucketPolicy', { Bucket: 'b', PolicyDocument: doc(ANYONE) }),
      Queue: res('AWS::SQS::QueuePolicy', { Queues: [], PolicyDocument: doc({ ...ANYONE, Principal: { AWS: '*' }, Action: 'sqs:*' }) }),
      Search: res('AWS::OpenSearchService::Domain', { AccessPolicies: doc({ ...ANYONE, Action: 'es:*' }) }),
      IfExists: res('AWS::SNS::TopicPolicy', { Topics: [], PolicyDocument: doc({ ...ANYONE, Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '1' } } }) }),
      // Compliant: a condition on the source account, a named account, a service built from pseudo parameters, a Deny.
      Scoped: res('AWS::S3::BucketPolicy', { Bucket: 'b', PolicyDocument: doc({ ...ANYONE, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }) }),
      Key: res('AWS::KMS::Key', { KeyPolicy: doc({ ...ANYONE, Principal: { AWS: ACCOUNT_ROOT }, Action: 'kms:*' }) }),
      Logs: res('AWS::KMS::Key', { KeyPolicy: doc({ ...ANYONE, Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } }) }),
      Deny: res('AWS::S3::BucketPolicy', { Bucket: 'b', PolicyDocument: doc({ ...ANYONE, Effect: 'Deny' }) }),
    })).toEqual([
      "Bucket: Statement[0] allows s3:GetObject to principal '*' without a condition on account, source or network",
      "Queue: Statement[0] allows sqs:* to principal '*' without a condition on account, source or network",
      "Search: Statement[0] allows es:* to principal '*' without a condition on account, source or network",
      "IfExists: Statement[0] allows s3:GetObject to principal '*' without a condition on account, source or network",
    ]);
  });

  test('DatabaseNotPublic: publicly accessible RDS instances and clusters', () => {
    expect(run(rules.DatabaseNotPublic, {
      Db: res('AWS::RDS::DBInstance', { PubliclyAccessible: true }),
      Cluster: res('AWS::RDS::DBCluster', { PubliclyAccessible: { Ref: 'Open' } }),
      Private: res('AWS::RDS::DBInstance', { PubliclyAccessible: false }),
    })).toEqual(['Db: PubliclyAccessible is true', 'Cluster: PubliclyAccessible is not known at synth']);
  });

  test('LambdaUrlAuthenticated and LambdaPermissionNotPublic: URLs with auth NONE, invoke for * without a source', () => {
    expect(run(rules.LambdaUrlAuthenticated, {
      Open: res('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: 'x' }), Iam: res('AWS::Lambda::Url', { AuthType: 'AWS_IAM', TargetFunctionArn: 'x' }),
    })).toEqual(['Open: AuthType is "NONE"']);
    expect(run(rules.LambdaPermissionNotPublic, {
      Url: res('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE', FunctionName: 'f' }),
      Star: res('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: '*', FunctionName: 'f' }),
      Sourced: res('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com', SourceArn: 'arn:x', FunctionName: 'f' }),
      OrgScoped: res('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: '*', PrincipalOrgID: 'o-1', FunctionName: 'f' }),
    })).toEqual([
      'Url: grants invoke through a function URL without authentication (FunctionUrlAuthType NONE)',
      "Star: grants lambda:InvokeFunction to principal '*' without SourceArn, SourceAccount or PrincipalOrgID",
    ]);
  });

  test('EncryptedAtRest: SQS SSE off, topics, databases, file systems, volumes, caches and search domains without encryption', () => {
    expect(run(rules.EncryptedAtRest, {
      Queue: res('AWS::SQS::Queue', { SqsManagedSseEnabled: false }),
      Topic: res('AWS::SNS::Topic'),
      Cluster: res('AWS::RDS::DBCluster', { StorageEncrypted: false }),
      Efs: res('AWS::EFS::FileSystem'),
      Volume: res('AWS::EC2::Volume', { Encrypted: 'false' }),
      Cache: res('AWS::ElastiCache::ReplicationGroup', {}),
      Search: res('AWS::OpenSearchService::Domain', { EncryptionAtRestOptions: { Enabled: false } }),
      Instance: res('AWS::EC2::Instance', { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }, { DeviceName: '/dev/sdb', Ebs: { Encrypted: true } }] }),
      // Compliant
      SqsDefault: res('AWS::SQS::Queue'),
      SqsKms: res('AWS::SQS::Queue', { KmsMasterKeyId: 'alias/aws/sqs', SqsManagedSseEnabled: false }),
      KeyedTopic: res('AWS::SNS::TopicPolicy'),
      AuroraInstance: res('AWS::RDS::DBInstance', { DBClusterIdentifier: 'c' }),
      EncryptedEfs: res('AWS::EFS::FileSystem', { Encrypted: true }),
      Bucket: res('AWS::S3::Bucket'),
    })).toEqual([
      'Queue: SqsManagedSseEnabled is false and no KmsMasterKeyId', 'Topic: no KmsMasterKeyId', 'Cluster: StorageEncrypted is false',
      'Efs: Encrypted is not set', 'Volume: Encrypted is "false"', 'Cache: AtRestEncryptionEnabled is not set',
      'Search: EncryptionAtRestOptions.Enabled is false',
      'Instance: EBS volume(s) /dev/xvda not encrypted (Ebs.Encrypted is not true)',
    ]);
  });

  test('LogGroupEncrypted applies only where the policy asks for customer managed keys', () => {
    const groups = { Plain: res('AWS::Logs::LogGroup'), Keyed: res('AWS::Logs::LogGroup', { KmsKeyId: 'arn:k' }) };
    expect(run(rules.LogGroupEncrypted, groups)).toEqual(['Plain: no KmsKeyId']);
    expect(run(rules.LogGroupEncrypted, groups, { relaxed: [SecurityRule.CUSTOMER_MANAGED_KEYS] })).toEqual([]);
  });

  test('EncryptedInTransit: bucket, queue and topic policies deny requests without TLS; OpenSearch HTTPS and node-to-node; cache TLS', () => {
    const tlsOnly = { Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
    expect(run(rules.EncryptedInTransit, {
      Open: res('AWS::S3::Bucket'),
      Safe: res('AWS::S3::Bucket'),
      SafePolicy: res('AWS::S3::BucketPolicy', { Bucket: { Ref: 'Safe' }, PolicyDocument: tlsOnly }),
      Queue: res('AWS::SQS::Queue'),
      QueuePolicy: res('AWS::SQS::QueuePolicy', { Queues: [{ Ref: 'Queue' }], PolicyDocument: tlsOnly }),
      Website: res('AWS::S3::Bucket', { WebsiteConfiguration: { IndexDocument: 'index.html' } }),
      Search: res('AWS::OpenSearchService::Domain', { DomainEndpointOptions: { EnforceHTTPS: false }, NodeToNodeEncryptionOptions: { Enabled: true } }),
      Cache: res('AWS::ElastiCache::ReplicationGroup', { TransitEncryptionEnabled: true }),
    })).toEqual([
      'Open: no policy statement denies requests without TLS (aws:SecureTransport false)',
      'Search: DomainEndpointOptions.EnforceHTTPS is false',
    ]);
  });

  test('StatefulResourceRetained (production): Delete policies on stateful resources; not applied outside production', () => {
    const resources = {
      Table: res('AWS::DynamoDB::Table', {}, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Retain' }),
      Db: res('AWS::RDS::DBCluster', {}, { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' }),
      Kept: res('AWS::S3::Bucket', {}, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
      Fn: res('AWS::Lambda::Function'),
    };
    expect(run(rules.StatefulDataRetained, resources)).toEqual(['Table: DeletionPolicy is "Delete"']);
    expect(run(rules.StatefulDataRetained, resources, { production: false })).toEqual([]);
  });

  test('DeletionProtected and BackupsEnabled: protection and PITR off, backups of 0 days', () => {
    const resources = {
      Table: res('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }),
      Db: res('AWS::RDS::DBInstance', { DeletionProtection: true, BackupRetentionPeriod: 0 }),
      Good: res('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    };
    expect(run(rules.DeletionProtected, resources)).toEqual(['Table: DeletionProtectionEnabled is false']);
    expect(run(rules.BackupsEnabled, resources)).toEqual([
      'Table: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is false', 'Db: BackupRetentionPeriod is 0',
    ]);
  });

  test('NoOpenIngress: 0.0.0.0/0 and ::/0 except 80/443 on a load balancer group', () => {
    const web = (port: number, cidr = '0.0.0.0/0') => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: cidr });
    expect(run(rules.NoOpenIngress, {
      LbGroup: res('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [web(443), web(80)] }),
      Lb: res('AWS::ElasticLoadBalancingV2::LoadBalancer', { SecurityGroups: [{ 'Fn::GetAtt': ['LbGroup', 'GroupId'] }] }),
      Ssh: res('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [web(22), web(5432, '10.0.0.0/16')] }),
      AppGroup: res('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' }] }),
      All: res('AWS::EC2::SecurityGroupIngress', { GroupId: { 'Fn::GetAtt': ['Ssh', 'GroupId'] }, IpProtocol: '-1', CidrIp: '0.0.0.0/0' }),
    })).toEqual([
      'Ssh: ingress from 0.0.0.0/0 on tcp 22', 'AppGroup: ingress from ::/0 on tcp 443 (not a load balancer)', 'All: ingress from 0.0.0.0/0 on all traffic',
    ]);
  });

  test('IAMNoWildcardActionOnAnyResource: wildcard actions on resource *, in policies and inline role policies', () => {
    const doc = (Action: unknown, Resource: unknown) => ({ Statement: [{ Effect: 'Allow', Action, Resource }] });
    expect(run(rules.IAMNoWildcardActionOnAnyResource, {
      Admin: res('AWS::IAM::Policy', { PolicyDocument: doc('*', '*') }),
      Role: res('AWS::IAM::Role', { Policies: [{ PolicyName: 'p', PolicyDocument: doc(['s3:Get*', 'sqs:SendMessage'], '*') }] }),
      Exact: res('AWS::IAM::Policy', { PolicyDocument: doc(['xray:PutTraceSegments'], '*') }),
      Scoped: res('AWS::IAM::Policy', { PolicyDocument: doc('s3:*', 'arn:aws:s3:::b/*') }),
    })).toEqual(['Admin: Statement[0] allows * on resource *', 'Role: Statement[0] allows s3:Get* on resource *']);
  });

  test('NoPlaintextSecretsInTemplate: well-known formats anywhere, high-entropy values under secret names, references are fine', () => {
    const env = (Variables: Record<string, unknown>) => res('AWS::Lambda::Function', { Environment: { Variables } });
    expect(run(rules.NoPlaintextSecretsInTemplate, {
      Fn: env({
        DATABASE_URL: 'postgres://admin:S3cret@host/db',
        STRIPE_SK: 'sk_live_51HxYzAbCdEfGhIjKlMn',
        JWT_SIGNING_KEY: 'q8Fz2LmP0vX7rT4wKc9B1nY6',
        GH: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
        SLACK: 'xoxb-123456789012-abcdefghijkl',
        SESSION: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
        AWS_KEY: { 'Fn::Join': ['', ['AKIA', 'ABCDEFGHIJKLMNOP']] },
      }),
      Safe: env({
        TABLE_NAME: 'orders',
        SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:x',
        API_URL: 'https://api.example.com/v1',
        DB_PASSWORD: '{{resolve:secretsmanager:db:SecretString:password}}',
        SIGNING_KEY: { Ref: 'KeyParam' },
        URL_WITH_REF: { 'Fn::Join': ['', ['postgres://admin:', { Ref: 'Pw' }, '@host/db']] },
        FEATURE_KEY: 'enabled',
      }),
      Pool: res('AWS::Cognito::UserPoolClient', { TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' } }),
      Code: res('AWS::Lambda::Function', { Code: { S3Key: '0f3c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a.zip' } }),
      Db: res('AWS::RDS::DBCluster', { MasterUserPassword: 'hunter22', MasterUsername: 'admin' }),
      Task: res('AWS::ECS::TaskDefinition', { ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: 'DB_PASSWORD', Value: 'x' }, { Name: 'PASSWORD_LENGTH', Value: '32' }] }] }),
    })).toEqual([
      'Fn: Environment.Variables.DATABASE_URL holds credentials in a URL',
      'Fn: Environment.Variables.STRIPE_SK holds a Stripe live key',
      "Fn: Environment.Variables.JWT_SIGNING_KEY holds a high-entropy literal under a secret's name",
      'Fn: Environment.Variables.GH holds a GitHub token',
      'Fn: Environment.Variables.SLACK holds a Slack token',
      'Fn: Environment.Variables.SESSION holds a JSON Web Token',
      'Fn: Environment.Variables.AWS_KEY holds an AWS access key id',
      "Db: MasterUserPassword holds a literal under a secret's name",
      "Task: ContainerDefinitions.0.Environment.DB_PASSWORD holds a literal under a secret's name",
    ]);
  });

  test('a relaxed policy rule does not stop the rule from reporting (the evaluation accepts it with the reason)', () => {
    expect(run(rules.EncryptedAtRest, { Topic: res('AWS::SNS::Topic') }, { relaxed: [SecurityRule.ENCRYPTION_AT_REST] })).toEqual(['Topic: no KmsMasterKeyId']);
  });
});
