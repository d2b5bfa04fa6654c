import { CfnResource, Stack } from 'aws-cdk-lib';
import { EnforcementContext } from './context';
import { SecurityRule } from '../policy/security-rule';

type Defaults = Array<[SecurityRule, string, unknown]>;

const ENCRYPTED = SecurityRule.ENCRYPTION_AT_REST;
const TLS = SecurityRule.TLS_ONLY;

/** Secure defaults per resource type: the rule that asks for it, the property path, the value. */
const DEFAULTS: Record<string, (ctx: EnforcementContext) => Defaults> = {
  'AWS::S3::Bucket': (ctx) => [
    [SecurityRule.BLOCK_PUBLIC_ACCESS, 'PublicAccessBlockConfiguration',
      { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }],
    [ENCRYPTED, 'BucketEncryption', { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] }],
    [SecurityRule.BACKUPS, 'VersioningConfiguration', { Status: 'Enabled' }],
    ...(ctx.logBucket ? [[SecurityRule.ACCESS_LOGS, 'LoggingConfiguration', { DestinationBucketName: ctx.logBucket.bucketName }] as Defaults[number]] : []),
  ],
  'AWS::SQS::Queue': () => [[ENCRYPTED, 'SqsManagedSseEnabled', true]],
  'AWS::DynamoDB::Table': () => [
    [ENCRYPTED, 'SSESpecification', { SSEEnabled: true }],
    [SecurityRule.BACKUPS, 'PointInTimeRecoverySpecification', { PointInTimeRecoveryEnabled: true }],
    [SecurityRule.DELETION_PROTECTION, 'DeletionProtectionEnabled', true],
  ],
  'AWS::RDS::DBCluster': () => [[ENCRYPTED, 'StorageEncrypted', true], [SecurityRule.DELETION_PROTECTION, 'DeletionProtection', true]],
  'AWS::RDS::DBInstance': () => [[ENCRYPTED, 'StorageEncrypted', true], [SecurityRule.DELETION_PROTECTION, 'DeletionProtection', true]],
  'AWS::EFS::FileSystem': () => [[ENCRYPTED, 'Encrypted', true]],
  'AWS::EC2::Volume': () => [[ENCRYPTED, 'Encrypted', true]],
  'AWS::ElastiCache::ReplicationGroup': () => [[ENCRYPTED, 'AtRestEncryptionEnabled', true], [TLS, 'TransitEncryptionEnabled', true]],
  'AWS::OpenSearchService::Domain': () => [
    [ENCRYPTED, 'EncryptionAtRestOptions', { Enabled: true }],
    [TLS, 'NodeToNodeEncryptionOptions', { Enabled: true }],
    [TLS, 'DomainEndpointOptions', { EnforceHTTPS: true }],
  ],
  'AWS::KMS::Key': () => [[ENCRYPTED, 'EnableKeyRotation', true]],
  'AWS::Logs::LogGroup': (ctx) => [[SecurityRule.LOG_RETENTION, 'RetentionInDays', ctx.policy.logRetentionDays]],
};

/** Types the raw enforcer knows. */
export const RAW_ENFORCED_TYPES: ReadonlySet<string> = new Set(Object.keys(DEFAULTS));

/**
 * Raw `CfnResource`s (made with `new CfnResource(scope, id, { type })`, not the typed L1
 * classes the other enforcers see) of the types above get the same secure defaults, as
 * property overrides, wherever the property is unset. Explicit values stay: the template
 * check reports them. Settings a typed L2 adds by itself (a TLS-only bucket policy) are
 * left to the template check.
 */
export function enforceRawResource(ctx: EnforcementContext, node: CfnResource): void {
  const defaults = DEFAULTS[node.cfnResourceType];
  if (!defaults) return;
  const rendered = Stack.of(node).resolve((node as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as
    { Resources?: Record<string, { Properties?: Record<string, unknown> }> };
  const properties = Object.values(rendered.Resources ?? {})[0]?.Properties ?? {};
  if (node.cfnResourceType === 'AWS::DynamoDB::Table' || node.cfnResourceType === 'AWS::SQS::Queue') {
    if (properties.KmsMasterKeyId !== undefined) return;
  }
  for (const [rule, property, value] of defaults(ctx)) {
    if (ctx.policy.isEnforced(rule) && properties[property] === undefined) node.addPropertyOverride(property, value);
  }
}

/** True for a resource made with the generic `CfnResource` class rather than a typed L1. */
export function isRawCfnResource(node: CfnResource): boolean {
  return Object.getPrototypeOf(node) === CfnResource.prototype;
}
