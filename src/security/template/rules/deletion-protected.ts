import { describe } from './encrypted-at-rest';
import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';
import { isTrue } from '../resolve';

const PROPERTY: Record<string, string> = {
  'AWS::DynamoDB::Table': 'DeletionProtectionEnabled',
  'AWS::RDS::DBCluster': 'DeletionProtection',
  'AWS::RDS::DBInstance': 'DeletionProtection',
};

/** Where the policy enforces deletion protection, tables and databases have it on in the final template. */
export const DeletionProtected: TemplateRule = {
  id: 'DeletionProtected',
  info: 'The table or database can be deleted (deletion protection is off).',
  fix: 'Turn deletion protection on (deletionProtection: true) or remove the override that turns it off.',
  covers: ['RDSInstanceDeletionProtectionEnabled', 'DynamoDBDeletionProtectionEnabled'],
  policyRule: SecurityRule.DELETION_PROTECTION,
  check(resource) {
    const property = PROPERTY[resource.type];
    if (!property || (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined)) return NOT_APPLICABLE;
    const value = resource.properties[property];
    return isTrue(value) ? COMPLIANT : [`${property} is ${describe(value)}`];
  },
};
