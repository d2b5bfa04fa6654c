import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';

/**
 * Clients of a Redis replication group must authenticate: a user group (Redis RBAC, with
 * passwords or IAM) or an AUTH token. cdk-nag's `ElastiCacheRedisClusterRedisAuth` reads the
 * AUTH token only, so a cache whose RBAC user group disables the default user would fail it;
 * this rule decides it for every pack that has it, from the final template.
 */
export const CacheAuthenticated: TemplateRule = {
  id: 'CacheAuthenticated',
  info: 'The Redis replication group lets clients in without authentication (no RBAC user group and no AUTH token).',
  fix: 'Attach a Redis RBAC user group whose default user is disabled (CacheAuthentication.IAM on CacheCluster; '
    + 'authentication CacheAuthenticationRequirement.IAM on a cache data store), or set an AUTH token.',
  covers: ['ElastiCacheRedisClusterRedisAuth'],
  check(resource) {
    if (resource.type !== 'AWS::ElastiCache::ReplicationGroup') return NOT_APPLICABLE;
    const p = resource.properties;
    const groups = p.UserGroupIds;
    if ((Array.isArray(groups) && groups.length > 0) || (groups !== undefined && !Array.isArray(groups))) return COMPLIANT;
    if (p.AuthToken !== undefined && p.AuthToken !== '') return COMPLIANT;
    return ['neither UserGroupIds nor AuthToken is set'];
  },
};
