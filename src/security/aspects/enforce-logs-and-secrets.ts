import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { EnforcementContext } from './context';
import { SecurityRule } from '../policy/security-rule';

/** Retention values CloudWatch Logs accepts, in days. */
const VALID_RETENTION_DAYS = Object.values(logs.RetentionDays)
  .filter((v): v is number => typeof v === 'number' && v > 0)
  .sort((a, b) => a - b);

/**
 * Log groups: a retention period, and the stack's key when the policy asks for customer
 * managed keys. An L2 `LogGroup` without retention was asked to keep logs forever (its
 * default is two years), so only L1 log groups get the policy's retention.
 */
export function enforceLogGroup(ctx: EnforcementContext, cfn: logs.CfnLogGroup): void {
  const chosen = cfn.node.scope instanceof logs.LogGroup;
  if (ctx.policy.isEnforced(SecurityRule.LOG_RETENTION) && cfn.retentionInDays === undefined && !chosen) {
    cfn.retentionInDays = VALID_RETENTION_DAYS.find((d) => d >= ctx.policy.logRetentionDays) ?? VALID_RETENTION_DAYS[VALID_RETENTION_DAYS.length - 1];
  }
  if (ctx.key && ctx.policy.isEnforced(SecurityRule.CUSTOMER_MANAGED_KEYS) && cfn.kmsKeyId === undefined) {
    cfn.kmsKeyId = ctx.key.keyArn;
  }
}

/** Secrets: the stack's key when the policy asks for customer managed keys. */
export function enforceSecret(ctx: EnforcementContext, cfn: secretsmanager.CfnSecret): void {
  if (ctx.key && ctx.policy.isEnforced(SecurityRule.CUSTOMER_MANAGED_KEYS) && cfn.kmsKeyId === undefined) cfn.kmsKeyId = ctx.key.keyArn;
}
