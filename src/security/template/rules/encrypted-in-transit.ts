import { checkTable, describe } from './encrypted-at-rest';
import { statementsOf } from './policy-statements';
import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateContext, TemplateResource, TemplateRule } from '../model';
import { isTrue } from '../resolve';

/** Settings that keep traffic to a resource on TLS, per type. */
const SETTINGS: Record<string, (p: { [key: string]: unknown }) => string | undefined> = {
  'AWS::ElastiCache::ReplicationGroup': (p) => (isTrue(p.TransitEncryptionEnabled) ? undefined : `TransitEncryptionEnabled is ${describe(p.TransitEncryptionEnabled)}`),
  'AWS::OpenSearchService::Domain': domain,
  'AWS::Elasticsearch::Domain': domain,
};

function domain(p: { [key: string]: unknown }): string | undefined {
  const https = (p.DomainEndpointOptions as Record<string, unknown> | undefined)?.EnforceHTTPS;
  const nodes = (p.NodeToNodeEncryptionOptions as Record<string, unknown> | undefined)?.Enabled;
  const problems = [
    ...(isTrue(https) ? [] : [`DomainEndpointOptions.EnforceHTTPS is ${describe(https)}`]),
    ...(isTrue(nodes) ? [] : [`NodeToNodeEncryptionOptions.Enabled is ${describe(nodes)}`]),
  ];
  return problems.length ? problems.join('; ') : undefined;
}

/** Types whose resource policy must deny requests without TLS. */
const POLICY_TYPES = new Set(['AWS::S3::Bucket', 'AWS::SQS::Queue', 'AWS::SNS::Topic']);

/**
 * Data in transit is encrypted: buckets, queues and topics have a policy denying requests
 * without TLS (`aws:SecureTransport` false); caches and search domains encrypt traffic
 * (HTTPS enforced, node-to-node encryption). S3 website buckets are not checked for the policy:
 * website endpoints speak HTTP only.
 */
export const EncryptedInTransit: TemplateRule = {
  id: 'EncryptedInTransit',
  info: 'The resource accepts requests that are not encrypted in transit.',
  fix: 'Deny requests without TLS in the resource policy (enforceSSL: true, or a Deny statement on aws:SecureTransport false), '
    + 'and turn on transit encryption, EnforceHTTPS and node-to-node encryption for caches and search domains.',
  covers: ['S3BucketSSLRequestsOnly', 'SQSQueueSSLRequestsOnly', 'SNSTopicSSLPublishOnly', 'OpenSearchNodeToNodeEncryption',
    'ElastiCacheRedisClusterEncryption'],
  policyRule: SecurityRule.TLS_ONLY,
  check(resource, ctx) {
    if (!POLICY_TYPES.has(resource.type)) return checkTable(SETTINGS, resource);
    if (resource.type === 'AWS::S3::Bucket' && resource.properties.WebsiteConfiguration !== undefined) return NOT_APPLICABLE;
    return deniesInsecureTransport(resource, ctx) ? COMPLIANT : ['no policy statement denies requests without TLS (aws:SecureTransport false)'];
  },
};

function deniesInsecureTransport(resource: TemplateResource, ctx: TemplateContext): boolean {
  return ctx.index.policiesOf(resource.logicalId).some((document) => statementsOf(document).some((s) => {
    if (s.Effect !== 'Deny') return false;
    const bool = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.Bool;
    const value = bool && Object.entries(bool).find(([k]) => k.toLowerCase() === 'aws:securetransport')?.[1];
    return value === false || value === 'false';
  }));
}
