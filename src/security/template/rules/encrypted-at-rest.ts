import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateResource, TemplateRule, TemplateRuleResult, Unknown } from '../model';
import { isFalse, isTrue } from '../resolve';

type Check = (p: { [key: string]: unknown }) => string | undefined;

const flag = (name: string): Check => (p) => (isTrue(p[name]) ? undefined : `${name} is ${describe(p[name])}`);
const nested = (parent: string, name: string): Check => (p) => {
  const value = (p[parent] as Record<string, unknown> | undefined)?.[name];
  return isTrue(value) ? undefined : `${parent}.${name} is ${describe(value)}`;
};

/**
 * Per resource type, what leaves data unencrypted at rest. S3 (SSE-S3 by default),
 * DynamoDB, Backup vaults and SQS queues that do not turn SSE off are always encrypted.
 */
const AT_REST: Record<string, Check> = {
  'AWS::SQS::Queue': (p) => (p.KmsMasterKeyId === undefined && (isFalse(p.SqsManagedSseEnabled) || p.SqsManagedSseEnabled instanceof Unknown)
    ? `SqsManagedSseEnabled is ${describe(p.SqsManagedSseEnabled)} and no KmsMasterKeyId` : undefined),
  'AWS::SNS::Topic': (p) => (p.KmsMasterKeyId === undefined ? 'no KmsMasterKeyId' : undefined),
  'AWS::RDS::DBCluster': flag('StorageEncrypted'),
  'AWS::RDS::DBInstance': (p) => (p.DBClusterIdentifier !== undefined ? undefined : flag('StorageEncrypted')(p)),
  'AWS::EFS::FileSystem': flag('Encrypted'),
  'AWS::EC2::Volume': flag('Encrypted'),
  'AWS::ElastiCache::ReplicationGroup': flag('AtRestEncryptionEnabled'),
  'AWS::OpenSearchService::Domain': nested('EncryptionAtRestOptions', 'Enabled'),
  'AWS::Elasticsearch::Domain': nested('EncryptionAtRestOptions', 'Enabled'),
  'AWS::Kinesis::Stream': (p) => (p.StreamEncryption === undefined ? 'no StreamEncryption' : undefined),
  'AWS::EC2::Instance': (p) => unencryptedVolumes(p.BlockDeviceMappings),
  'AWS::EC2::LaunchTemplate': (p) => unencryptedVolumes((p.LaunchTemplateData as Record<string, unknown> | undefined)?.BlockDeviceMappings),
};

/** EBS volumes of an instance or launch template that are not known to be encrypted. */
function unencryptedVolumes(mappings: unknown): string | undefined {
  const open = (Array.isArray(mappings) ? mappings : [])
    .filter((m) => m && typeof m === 'object' && (m as Record<string, unknown>).Ebs !== undefined)
    .filter((m) => !isTrue(((m as Record<string, unknown>).Ebs as Record<string, unknown>)?.Encrypted))
    .map((m) => String((m as Record<string, unknown>).DeviceName ?? '?'));
  return open.length ? `EBS volume(s) ${open.join(', ')} not encrypted (Ebs.Encrypted is not true)` : undefined;
}

/** Encryption at rest for queues, topics, databases, file systems, EBS volumes (also of instances and launch templates), caches, search domains and streams. */
export const EncryptedAtRest: TemplateRule = {
  id: 'EncryptedAtRest',
  info: 'The resource stores data unencrypted at rest.',
  fix: 'Turn encryption on (storageEncrypted, encrypted, atRestEncryptionEnabled, encryptionAtRest, a topic masterKey) or remove the '
    + 'override that turns it off; the security policy turns it on for resources that leave it unset.',
  covers: ['SQSQueueSSE', 'SNSEncryptedKMS', 'RDSStorageEncrypted', 'EFSEncrypted', 'EC2EBSVolumeEncrypted', 'ElastiCacheRedisClusterEncryption',
    'OpenSearchEncryptedAtRest', 'KinesisDataStreamSSE', 'EC2InstanceEBSEncrypted'],
  policyRule: SecurityRule.ENCRYPTION_AT_REST,
  check: (resource) => checkTable(AT_REST, resource),
};

/** Log groups use a customer managed key where the policy asks for one (a compliance framework). */
export const LogGroupEncrypted: TemplateRule = {
  id: 'LogGroupEncrypted',
  info: 'The log group is not encrypted with the customer managed key the compliance framework asks for.',
  fix: 'Set encryptionKey on the log group (the stack key: StackSecurity.customerManagedKey()), or leave it unset so the policy sets it.',
  covers: ['CloudWatchLogGroupEncrypted'],
  policyRule: SecurityRule.CUSTOMER_MANAGED_KEYS,
  check(resource, ctx) {
    if (resource.type !== 'AWS::Logs::LogGroup') return NOT_APPLICABLE;
    if (!ctx.enforces(SecurityRule.CUSTOMER_MANAGED_KEYS)) return NOT_APPLICABLE;
    return resource.properties.KmsKeyId === undefined ? ['no KmsKeyId'] : COMPLIANT;
  },
};

export function checkTable(table: Record<string, Check>, resource: TemplateResource): TemplateRuleResult {
  const check = table[resource.type];
  if (!check) return NOT_APPLICABLE;
  const problem = check(resource.properties);
  return problem ? [problem] : COMPLIANT;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'not set';
  return value instanceof Unknown ? 'not known at synth' : JSON.stringify(value);
}
