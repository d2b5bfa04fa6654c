import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule, Unknown } from '../model';

const PUBLIC_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

/** No bucket grants a canned ACL that opens it to everyone (or to every AWS account). */
export const S3NoPublicAcl: TemplateRule = {
  id: 'S3NoPublicAcl',
  info: 'The bucket grants a public canned ACL.',
  fix: 'Remove AccessControl (or set it to Private) and keep ObjectOwnership BucketOwnerEnforced; share objects through CloudFront or presigned URLs.',
  covers: ['S3BucketPublicReadProhibited', 'S3BucketPublicWriteProhibited'],
  policyRule: SecurityRule.BLOCK_PUBLIC_ACCESS,
  check(resource) {
    if (resource.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const acl = resource.properties.AccessControl;
    if (acl instanceof Unknown) return ['AccessControl is not known at synth'];
    return typeof acl === 'string' && PUBLIC_ACLS.has(acl) ? [`AccessControl is ${acl}`] : COMPLIANT;
  },
};
