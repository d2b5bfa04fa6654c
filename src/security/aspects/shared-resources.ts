import { Aws, CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import { EnforcementContext, LoadBalancerAttribute } from './context';
import { exemptCustomResourceHandlers } from './custom-resource-handlers';
import { allowLoadBalancerLogDelivery } from './load-balancer-log-delivery';
import { SERVICE_MODULES } from './service-modules';
import type { StackBackup } from './stack-backup';
import { exempt } from '../exemptions';
import { SecurityPolicy } from '../policy/security-policy';
import { SecurityRule } from '../policy/security-rule';

/** Construct id of the scope holding the shared security resources (a contract: keep stable). */
export const SECURITY_SCOPE_ID = 'Security';

/**
 * Creates, under `<stack>/Security`, what the enforcers point resources at, once the whole
 * tree is known (the aspect calls this when it visits the stack, before its children):
 *
 * - `AccessLogs`: a bucket for S3, load balancer and CloudFront access logs (SSE-S3, which
 *   those log deliveries require; versioned; expiring after the log retention).
 * - `Key`: a customer managed KMS key (rotated yearly, about $1 a month) whose policy lets
 *   CloudWatch Logs, and account principals through S3 and Secrets Manager, use it: the same
 *   reach as the AWS managed keys it replaces, so existing grants keep working.
 * - `Backup`: a vault, a daily plan and one selection holding every table and database.
 *
 * Idempotent: a second synthesis reuses what exists.
 */
export function provisionSharedResources(stack: Stack, policy: SecurityPolicy): EnforcementContext {
  const all = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
  const has = (type: string) => all.some((r) => r.cfnResourceType === type);
  const scope = (stack.node.tryFindChild(SECURITY_SCOPE_ID) as Construct | undefined) ?? new Construct(stack, SECURITY_SCOPE_ID);
  const ownResources = new Set<IConstruct>();

  const logged = all.some((r) => r.cfnResourceType === 'AWS::S3::Bucket' && !r.node.path.startsWith(`${scope.node.path}/`))
    || has('AWS::ElasticLoadBalancingV2::LoadBalancer') || has('AWS::CloudFront::Distribution');
  const logBucket = policy.isEnforced(SecurityRule.ACCESS_LOGS) && logged ? accessLogBucket(scope, policy) : undefined;
  if (logBucket) {
    ownResources.add(logBucket);
    if (has('AWS::ElasticLoadBalancingV2::LoadBalancer')) allowLoadBalancerLogDelivery(scope, logBucket);
  }

  const needsKey = has('AWS::Logs::LogGroup') || has('AWS::SecretsManager::Secret') || has('AWS::S3::Bucket');
  const key = policy.requiresCustomerManagedKeys && needsKey ? customerManagedKey(stack) : undefined;
  if (key && has('AWS::CloudFront::Distribution')) allowCloudFrontToDecrypt(key);

  let stackBackup: StackBackup | undefined;
  // The type test first: DynamoDB and RDS (with semver) load only for a stack that has a table or a cluster.
  if (policy.isEnforced(SecurityRule.BACKUPS) && all.some((r) => (r.cfnResourceType === 'AWS::DynamoDB::Table' && r instanceof SERVICE_MODULES.dynamodb().CfnTable)
    || (r.cfnResourceType === 'AWS::RDS::DBCluster' && r instanceof SERVICE_MODULES.rds().CfnDBCluster))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const backup = require('./stack-backup') as typeof import('./stack-backup');
    stackBackup = (scope.node.tryFindChild('Backup') as StackBackup | undefined) ?? new backup.StackBackup(scope, 'Backup', policy);
    stackBackup.reset();
  }

  return {
    policy,
    logBucket,
    key,
    addToBackup: stackBackup ? (arn) => stackBackup.add(arn) : undefined,
    ownResources,
    customResourceHandlers: exemptCustomResourceHandlers(stack, all),
    logTargets: logTargetsOf(stack, all),
  };
}

function accessLogBucket(scope: Construct, policy: SecurityPolicy): s3.IBucket {
  const existing = scope.node.tryFindChild('AccessLogs') as s3.Bucket | undefined;
  if (existing) return existing;
  const s3 = SERVICE_MODULES.s3();
  const iam = SERVICE_MODULES.iam();
  const bucket = new s3.Bucket(scope, 'AccessLogs', {
    // S3 server access logs and load balancer access logs are delivered only to SSE-S3 buckets.
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    // CloudFront standard logging writes with ACLs.
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    versioned: true,
    lifecycleRules: [{
      id: 'ExpireAccessLogs',
      expiration: Duration.days(policy.logRetentionDays),
      noncurrentVersionExpiration: Duration.days(1),
      abortIncompleteMultipartUploadAfter: Duration.days(1),
    }],
    // Logs outlive the stack; the lifecycle deletes them after the retention period.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowS3ServerAccessLogs',
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [bucket.arnForObjects('*')],
    conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
  }));
  exempt(bucket, ['S3DefaultEncryptionKMS'],
    'Access-log bucket: S3 server access logs and load balancer access logs can only be delivered to a bucket encrypted with SSE-S3 (an AWS limitation); it holds access logs only.');
  exempt(bucket, ['S3BucketReplicationEnabled'],
    'Access-log bucket: its objects are delivered by AWS services and expire after the log retention period; a replica would double log storage without protecting application data.');
  exempt(bucket, ['S3BucketLoggingEnabled'],
    'Access-log bucket: it is the destination of access logs; logging access to it would write a log record for every log record.');
  return bucket;
}

/** The stack's customer managed key under `<stack>/Security/Key`, created on first use. */
export function customerManagedKey(stack: Stack): kms.Key {
  const scope = (stack.node.tryFindChild(SECURITY_SCOPE_ID) as Construct | undefined) ?? new Construct(stack, SECURITY_SCOPE_ID);
  const existing = scope.node.tryFindChild('Key') as kms.Key | undefined;
  if (existing) return existing;
  const kms = SERVICE_MODULES.kms();
  const iam = SERVICE_MODULES.iam();
  const key = new kms.Key(scope, 'Key', {
    description: 'Encrypts the stack\'s buckets, log groups and secrets (customer managed key required by its compliance frameworks)',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogs',
    principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*` } },
  }));
  // The reach of the AWS managed keys aws/s3 and aws/secretsmanager: any principal of this
  // account that the service authorizes, through that service only.
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowUseThroughS3AndSecretsManagerInThisAccount',
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    resources: ['*'],
    conditions: {
      StringEquals: { 'kms:CallerAccount': Aws.ACCOUNT_ID },
      StringLike: { 'kms:ViaService': [`s3.${Aws.REGION}.amazonaws.com`, `secretsmanager.${Aws.REGION}.amazonaws.com`] },
    },
  }));
  return key;
}

const cloudFrontAllowed = new WeakSet<kms.Key>();

/** Lets CloudFront origin access control read objects encrypted with the key (distributions of this account). */
function allowCloudFrontToDecrypt(key: kms.Key): void {
  if (cloudFrontAllowed.has(key)) return;
  cloudFrontAllowed.add(key);
  const iam = SERVICE_MODULES.iam();
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudFrontOriginAccessControl',
    principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
    actions: ['kms:Decrypt'],
    resources: ['*'],
    conditions: { ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` } },
  }));
}

/** Logical IDs of buckets that other buckets or load balancers already deliver access logs to. */
function logTargetsOf(stack: Stack, all: CfnResource[]): Set<string> {
  const targets = new Set<string>();
  const refs = (value: unknown) => [...JSON.stringify(stack.resolve(value) ?? null).matchAll(/"Ref":"([A-Za-z0-9]+)"/g)].map((m) => m[1]);
  for (const r of all) {
    // The type tests first, so that a stack without load balancers does not load their module.
    if (r.cfnResourceType === 'AWS::S3::Bucket' && r instanceof SERVICE_MODULES.s3().CfnBucket) {
      refs((r.loggingConfiguration as s3.CfnBucket.LoggingConfigurationProperty | undefined)?.destinationBucketName).forEach((id) => targets.add(id));
    } else if (r.cfnResourceType === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && r instanceof SERVICE_MODULES.elbv2().CfnLoadBalancer) {
      const attributes = stack.resolve(r.loadBalancerAttributes) as LoadBalancerAttribute[] | undefined;
      for (const a of attributes ?? []) {
        if ((a.key ?? a.Key) === 'access_logs.s3.bucket') refs(a.value ?? a.Value).forEach((id) => targets.add(id));
      }
    }
  }
  return targets;
}
