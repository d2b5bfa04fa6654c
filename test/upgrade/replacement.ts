// What an upgrade of the library, or a change of requirements, must never do to a deployed
// application: remove a stateful resource or a subnet, or change a property whose change makes
// CloudFormation replace it. The property lists follow the CloudFormation resource reference
// ("Update requires: Replacement").

/** Stateful and network types, with their replacement-forcing properties. */
export const REPLACEMENT_PROPERTIES: { readonly [type: string]: readonly string[] } = {
  'AWS::EC2::VPC': ['CidrBlock', 'InstanceTenancy', 'Ipv4IpamPoolId'],
  'AWS::EC2::Subnet': ['CidrBlock', 'AvailabilityZone', 'AvailabilityZoneId', 'VpcId', 'Ipv6Native', 'OutpostArn'],
  'AWS::RDS::DBSubnetGroup': ['DBSubnetGroupName'],
  'AWS::ElastiCache::SubnetGroup': ['CacheSubnetGroupName'],
  'AWS::RDS::DBCluster': ['Engine', 'DBClusterIdentifier', 'MasterUsername', 'DatabaseName', 'StorageEncrypted', 'KmsKeyId', 'DBSubnetGroupName', 'EngineMode', 'SourceDBClusterIdentifier', 'SnapshotIdentifier'],
  'AWS::RDS::DBInstance': ['Engine', 'DBInstanceIdentifier', 'DBClusterIdentifier', 'MasterUsername', 'DBName', 'StorageEncrypted', 'KmsKeyId', 'DBSubnetGroupName', 'AvailabilityZone', 'CharacterSetName'],
  'AWS::DynamoDB::Table': ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  'AWS::DynamoDB::GlobalTable': ['TableName', 'KeySchema', 'LocalSecondaryIndexes'],
  'AWS::S3::Bucket': ['BucketName', 'ObjectLockEnabled'],
  'AWS::SQS::Queue': ['QueueName', 'FifoQueue'],
  'AWS::SNS::Topic': ['TopicName', 'FifoTopic'],
  'AWS::ElastiCache::ReplicationGroup': ['ReplicationGroupId', 'CacheSubnetGroupName', 'AtRestEncryptionEnabled', 'KmsKeyId', 'Port', 'NumNodeGroups', 'DataTieringEnabled'],
  'AWS::ElastiCache::CacheCluster': ['ClusterName', 'Engine', 'CacheSubnetGroupName', 'Port', 'AZMode'],
  'AWS::KMS::Key': ['KeySpec', 'KeyUsage', 'MultiRegion', 'Origin'],
  'AWS::Logs::LogGroup': ['LogGroupName'],
  'AWS::SecretsManager::Secret': ['Name'],
  'AWS::EFS::FileSystem': ['Encrypted', 'KmsKeyId', 'PerformanceMode', 'AvailabilityZoneName'],
  'AWS::Backup::BackupVault': ['BackupVaultName', 'EncryptionKeyArn'],
};

/** A template reduced to what the comparison needs: every resource's type and deletion policy, and the properties above. */
export interface ReducedTemplate {
  readonly [logicalId: string]: { readonly Type: string; readonly DeletionPolicy?: string; readonly Properties?: { [key: string]: unknown } };
}

export function reduceTemplate(template: any): ReducedTemplate {
  const out: { [id: string]: any } = {};
  for (const [id, r] of Object.entries<any>(template.Resources ?? {})) {
    const keys = REPLACEMENT_PROPERTIES[r.Type];
    const entry: any = { Type: r.Type };
    if (r.DeletionPolicy) entry.DeletionPolicy = r.DeletionPolicy;
    if (keys) {
      const props: any = {};
      for (const k of keys) if (r.Properties?.[k] !== undefined) props[k] = r.Properties[k];
      entry.Properties = props;
    }
    out[id] = entry;
  }
  return out;
}

/**
 * What moving from `before` to `after` would replace or remove: a stateful or network resource
 * that disappeared or changed type, or one of its replacement-forcing properties that changed.
 * A retained resource that is removed is still lost to the application, so it counts too.
 */
export function replacements(before: ReducedTemplate, after: ReducedTemplate): string[] {
  const problems: string[] = [];
  for (const [id, b] of Object.entries(before)) {
    const keys = REPLACEMENT_PROPERTIES[b.Type];
    if (!keys) continue;
    const a = after[id];
    if (!a) { problems.push(`${id} (${b.Type}) is removed`); continue; }
    if (a.Type !== b.Type) { problems.push(`${id} changes type ${b.Type} -> ${a.Type}`); continue; }
    const ap = reduceTemplate({ Resources: { [id]: a } })[id].Properties ?? {};
    for (const k of keys) {
      const x = JSON.stringify(b.Properties?.[k]);
      const y = JSON.stringify(ap[k]);
      if (x !== y) problems.push(`${id} (${b.Type}) ${k}: ${x} -> ${y}`);
    }
    if (b.DeletionPolicy === 'Retain' && a.DeletionPolicy !== 'Retain' && a.DeletionPolicy !== 'RetainExceptOnCreate') {
      problems.push(`${id} (${b.Type}) DeletionPolicy: Retain -> ${a.DeletionPolicy ?? 'Delete'}`);
    }
  }
  return problems;
}
