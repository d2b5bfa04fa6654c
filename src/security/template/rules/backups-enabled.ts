import { describe } from './encrypted-at-rest';
import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule, Unknown } from '../model';
import { isTrue } from '../resolve';

/**
 * Where the policy enforces backups, tables keep point-in-time recovery on and databases
 * keep automated backups (a retention of at least a day) in the final template.
 */
export const BackupsEnabled: TemplateRule = {
  id: 'BackupsEnabled',
  info: 'The table or database has its backups turned off.',
  fix: 'Turn point-in-time recovery on for tables and keep backupRetention of at least one day for databases, or remove the override.',
  covers: ['DynamoDBPITREnabled', 'RDSAutomaticBackup', 'AuroraMySQLBacktrack'],
  policyRule: SecurityRule.BACKUPS,
  check(resource) {
    const p = resource.properties;
    if (resource.type === 'AWS::DynamoDB::Table') {
      const pitr = (p.PointInTimeRecoverySpecification as Record<string, unknown> | undefined)?.PointInTimeRecoveryEnabled;
      return isTrue(pitr) ? COMPLIANT : [`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is ${describe(pitr)}`];
    }
    if (resource.type === 'AWS::RDS::DBCluster' || (resource.type === 'AWS::RDS::DBInstance' && p.DBClusterIdentifier === undefined)) {
      const retention = p.BackupRetentionPeriod;
      if (retention instanceof Unknown) return ['BackupRetentionPeriod is not known at synth'];
      return retention !== undefined && Number(retention) < 1 ? [`BackupRetentionPeriod is ${JSON.stringify(retention)}`] : COMPLIANT;
    }
    return NOT_APPLICABLE;
  },
};
