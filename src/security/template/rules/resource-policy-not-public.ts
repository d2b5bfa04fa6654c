import { publicStatements } from './policy-statements';
import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';

/** The property holding the resource policy, by resource type. */
const POLICY_PROPERTY: Record<string, string> = {
  'AWS::S3::BucketPolicy': 'PolicyDocument',
  'AWS::SQS::QueuePolicy': 'PolicyDocument',
  'AWS::SNS::TopicPolicy': 'PolicyDocument',
  'AWS::KMS::Key': 'KeyPolicy',
  'AWS::SecretsManager::ResourcePolicy': 'ResourcePolicy',
  'AWS::OpenSearchService::Domain': 'AccessPolicies',
  'AWS::Elasticsearch::Domain': 'AccessPolicies',
  'AWS::ECR::Repository': 'RepositoryPolicyText',
};

/**
 * Bucket, queue, topic, key, secret, repository and OpenSearch policies allow nothing to
 * principal `*` unless a condition ties it to an account, organisation, source or network.
 */
export const ResourcePolicyNotPublic: TemplateRule = {
  id: 'ResourcePolicyNotPublic',
  info: 'The resource policy lets anyone (principal *) in.',
  fix: 'Name the principals (accounts, roles, services) instead of *, or add a condition on aws:SourceAccount, aws:SourceArn, '
    + 'aws:PrincipalOrgID or aws:SourceVpce to the statement.',
  covers: ['S3BucketPublicReadProhibited', 'S3BucketPublicWriteProhibited', 'OpenSearchAllowlistedIPs', 'OpenSearchInVPCOnly'],
  policyRule: SecurityRule.BLOCK_PUBLIC_ACCESS,
  check(resource) {
    const property = POLICY_PROPERTY[resource.type];
    if (!property) return NOT_APPLICABLE;
    const problems = publicStatements(resource.properties[property]);
    return problems.length ? problems : COMPLIANT;
  },
};
