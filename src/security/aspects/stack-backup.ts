import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EnvironmentTier } from '../../requirements';
import { exempt } from '../exemptions';
import { SecurityPolicy } from '../policy/security-policy';

/** Days AWS Backup keeps daily recovery points. */
const BACKUP_RETENTION_DAYS: Record<EnvironmentTier, number> = {
  [EnvironmentTier.DEVELOPMENT]: 7,
  [EnvironmentTier.STAGING]: 14,
  [EnvironmentTier.PRODUCTION]: 35,
};

/** The stack's AWS Backup vault, daily plan and the one selection the enforcers fill. */
export class StackBackup extends Construct {
  public readonly plan: backup.BackupPlan;
  private readonly arns: string[] = [];

  constructor(scope: Construct, id: string, policy: SecurityPolicy) {
    super(scope, id);
    const vault = new backup.BackupVault(this, 'Vault', { removalPolicy: RemovalPolicy.RETAIN });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupVault: vault,
      backupPlanRules: [new backup.BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
        deleteAfter: Duration.days(BACKUP_RETENTION_DAYS[policy.environment]),
      })],
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForBackup'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSBackupServiceRolePolicyForRestores'),
      ],
    });
    exempt(role, ['IAMNoManagedPolicies'],
      'AWS Backup service role: the AWS managed backup and restore policies follow every service AWS Backup supports; a hand-written copy would fall behind.');
    new backup.CfnBackupSelection(this, 'Selection', {
      backupPlanId: this.plan.backupPlanId,
      backupSelection: {
        selectionName: 'TablesAndDatabases',
        iamRoleArn: role.roleArn,
        resources: Lazy.list({ produce: () => [...this.arns] }),
      },
    });
  }

  /** Starts a new synthesis: the enforcers add every table and database again. */
  public reset(): void {
    this.arns.length = 0;
  }

  public add(arn: string): void {
    if (!this.arns.includes(arn)) this.arns.push(arn);
  }
}

