import { SecurityRule } from './security-rule';

/**
 * The pack rules (by function name, the same in every pack) that check what a security rule
 * enforces, per resource type. When the policy relaxes a rule, the aspects exempt each
 * resource of these types from these pack rules, with the relaxation's reason.
 */
export const RULE_COVERAGE: Record<SecurityRule, Record<string, string[]>> = {
  [SecurityRule.ENCRYPTION_AT_REST]: {
    'AWS::SQS::Queue': ['SQSQueueSSE'],
    'AWS::RDS::DBCluster': ['RDSStorageEncrypted'],
    'AWS::RDS::DBInstance': ['RDSStorageEncrypted'],
    'AWS::ElastiCache::ReplicationGroup': ['ElastiCacheRedisClusterEncryption'],
    'AWS::KMS::Key': ['KMSBackingKeyRotationEnabled'],
  },
  [SecurityRule.CUSTOMER_MANAGED_KEYS]: {
    'AWS::Logs::LogGroup': ['CloudWatchLogGroupEncrypted'],
    'AWS::S3::Bucket': ['S3DefaultEncryptionKMS'],
    'AWS::SecretsManager::Secret': ['SecretsManagerUsingKMSKey'],
  },
  [SecurityRule.TLS_ONLY]: {
    'AWS::S3::Bucket': ['S3BucketSSLRequestsOnly'],
    'AWS::S3::BucketPolicy': ['S3BucketSSLRequestsOnly'],
    'AWS::SQS::Queue': ['SQSQueueSSLRequestsOnly'],
    'AWS::SNS::Topic': ['SNSTopicSSLPublishOnly'],
  },
  [SecurityRule.BLOCK_PUBLIC_ACCESS]: {
    'AWS::S3::Bucket': ['S3BucketLevelPublicAccessProhibited', 'S3BucketPublicReadProhibited', 'S3BucketPublicWriteProhibited'],
  },
  [SecurityRule.ACCESS_LOGS]: {
    'AWS::S3::Bucket': ['S3BucketLoggingEnabled'],
    'AWS::ElasticLoadBalancingV2::LoadBalancer': ['ELBLoggingEnabled'],
    'AWS::CloudFront::Distribution': ['CloudFrontDistributionAccessLogging'],
  },
  [SecurityRule.LOG_RETENTION]: {
    'AWS::Logs::LogGroup': ['CloudWatchLogGroupRetentionPeriod'],
  },
  [SecurityRule.BACKUPS]: {
    'AWS::DynamoDB::Table': ['DynamoDBPITREnabled', 'DynamoDBInBackupPlan'],
    'AWS::RDS::DBInstance': ['RDSInBackupPlan'],
    'AWS::ElastiCache::ReplicationGroup': ['ElastiCacheRedisClusterAutomaticBackup'],
    'AWS::S3::Bucket': ['S3BucketVersioningEnabled', 'S3BucketReplicationEnabled'],
  },
  [SecurityRule.DELETION_PROTECTION]: {
    'AWS::ElasticLoadBalancingV2::LoadBalancer': ['ELBDeletionProtectionEnabled'],
    'AWS::RDS::DBCluster': ['RDSInstanceDeletionProtectionEnabled'],
    'AWS::RDS::DBInstance': ['RDSInstanceDeletionProtectionEnabled'],
  },
  [SecurityRule.COMPUTE_HARDENING]: {
    'AWS::Lambda::Function': ['LambdaTracing'],
  },
};
