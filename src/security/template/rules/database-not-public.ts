import { COMPLIANT, NOT_APPLICABLE, TemplateRule, Unknown } from '../model';

/** RDS instances and clusters are not publicly accessible. */
export const DatabaseNotPublic: TemplateRule = {
  id: 'DatabaseNotPublic',
  info: 'The database is publicly accessible from the internet.',
  fix: 'Set publiclyAccessible: false and place the database in private or isolated subnets; reach it from the VPC or through a bastion or SSM.',
  covers: ['RDSInstancePublicAccess'],
  check(resource) {
    if (resource.type !== 'AWS::RDS::DBInstance' && resource.type !== 'AWS::RDS::DBCluster') return NOT_APPLICABLE;
    const value = resource.properties.PubliclyAccessible;
    if (value instanceof Unknown) return ['PubliclyAccessible is not known at synth'];
    return value === true || value === 'true' ? ['PubliclyAccessible is true'] : COMPLIANT;
  },
};
