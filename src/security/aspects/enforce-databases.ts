import { Aws } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import { EnforcementContext } from './context';
import { exempt } from '../exemptions';
import { SecurityRule } from '../policy/security-rule';

/**
 * DynamoDB tables: server-side encryption, point-in-time recovery, deletion protection and
 * a place in the stack's backup plan, each where the policy enforces it and the table does
 * not say otherwise.
 */
export function enforceTable(ctx: EnforcementContext, cfn: dynamodb.CfnTable): void {
  const is = (rule: SecurityRule) => ctx.policy.isEnforced(rule);
  if (is(SecurityRule.ENCRYPTION_AT_REST) && cfn.sseSpecification === undefined) cfn.sseSpecification = { sseEnabled: true };
  if (is(SecurityRule.BACKUPS)) {
    if (cfn.pointInTimeRecoverySpecification === undefined) cfn.pointInTimeRecoverySpecification = { pointInTimeRecoveryEnabled: true };
    ctx.addToBackup?.(cfn.attrArn);
  }
  if (is(SecurityRule.DELETION_PROTECTION) && cfn.deletionProtectionEnabled === undefined) cfn.deletionProtectionEnabled = true;
}

/** Aurora and RDS clusters: storage encryption, deletion protection, the backup plan. */
export function enforceDatabaseCluster(ctx: EnforcementContext, cfn: rds.CfnDBCluster): void {
  const is = (rule: SecurityRule) => ctx.policy.isEnforced(rule);
  if (is(SecurityRule.ENCRYPTION_AT_REST) && cfn.storageEncrypted === undefined) cfn.storageEncrypted = true;
  if (is(SecurityRule.DELETION_PROTECTION) && cfn.deletionProtection === undefined) cfn.deletionProtection = true;
  if (is(SecurityRule.BACKUPS) && ctx.addToBackup) {
    ctx.addToBackup(`arn:${Aws.PARTITION}:rds:${Aws.REGION}:${Aws.ACCOUNT_ID}:cluster:${cfn.ref}`);
  }
}

/**
 * Instances of an Aurora cluster that is in the backup plan are backed up with it: AWS
 * Backup protects Aurora by cluster, never by instance.
 */
export function enforceDatabaseInstance(ctx: EnforcementContext, cfn: rds.CfnDBInstance): void {
  if (ctx.policy.isEnforced(SecurityRule.BACKUPS) && ctx.addToBackup && cfn.dbClusterIdentifier !== undefined) {
    exempt(cfn, ['RDSInBackupPlan'], 'Aurora instance: AWS Backup protects Aurora by cluster, never by instance, and its cluster is in the stack\'s daily backup plan.');
  }
}

/** ElastiCache replication groups: encryption at rest and in transit. */
export function enforceReplicationGroup(ctx: EnforcementContext, cfn: elasticache.CfnReplicationGroup): void {
  const is = (rule: SecurityRule) => ctx.policy.isEnforced(rule);
  if (is(SecurityRule.ENCRYPTION_AT_REST) && cfn.atRestEncryptionEnabled === undefined) cfn.atRestEncryptionEnabled = true;
  if (is(SecurityRule.TLS_ONLY) && cfn.transitEncryptionEnabled === undefined) cfn.transitEncryptionEnabled = true;
}
