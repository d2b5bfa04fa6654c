/** Resource types that hold data or keys which a stack deletion or replacement must not destroy. */
export const STATEFUL_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance',
  'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster', 'AWS::SQS::Queue', 'AWS::SecretsManager::Secret',
  'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::Backup::BackupVault', 'AWS::EFS::FileSystem', 'AWS::Kinesis::Stream',
  'AWS::Cognito::UserPool',
]);
