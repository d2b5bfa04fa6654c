import { COMPLIANT, NOT_APPLICABLE, Reference, TemplateContext, TemplateRule } from '../model';

/**
 * Clients of a Redis replication group must authenticate: a user group (Redis RBAC, with
 * passwords or IAM) whose `default` user is disabled or needs a password, or an AUTH token.
 * cdk-nag's `ElastiCacheRedisClusterRedisAuth` reads the AUTH token only, so a cache whose RBAC
 * user group disables the default user would fail it; this rule decides it for every pack that
 * has it, from the final template. A user group outside the template cannot be seen, so it does
 * not count (acknowledge the finding with a reason if it disables its default user).
 */
export const CacheAuthenticated: TemplateRule = {
  id: 'CacheAuthenticated',
  info: 'The Redis replication group lets clients in without authentication (no RBAC user group whose default user is disabled, and no AUTH token).',
  fix: 'Attach a Redis RBAC user group whose default user is disabled (CacheAuthentication.IAM on CacheCluster; '
    + 'authentication CacheAuthenticationRequirement.IAM on a cache data store), or set an AUTH token.',
  covers: ['ElastiCacheRedisClusterRedisAuth'],
  check(resource, ctx) {
    if (resource.type !== 'AWS::ElastiCache::ReplicationGroup') return NOT_APPLICABLE;
    const p = resource.properties;
    if (typeof p.AuthToken === 'string' ? p.AuthToken !== '' : p.AuthToken !== undefined) return COMPLIANT;
    const groups = Array.isArray(p.UserGroupIds) ? p.UserGroupIds : p.UserGroupIds === undefined ? [] : [p.UserGroupIds];
    if (groups.length === 0) return ['neither UserGroupIds nor AuthToken is set'];
    const problems = groups.map((g) => groupProblem(g, ctx)).filter((x): x is string => x !== undefined);
    return problems.length === groups.length ? problems : COMPLIANT;
  },
};

/** Why a user group does not keep clients out, or undefined when its default user is disabled or needs a password. */
function groupProblem(group: unknown, ctx: TemplateContext): string | undefined {
  const resource = group instanceof Reference ? ctx.index.resource(group.logicalId) : undefined;
  if (resource?.type !== 'AWS::ElastiCache::UserGroup') return 'a user group outside this template: its default user cannot be checked';
  for (const user of Array.isArray(resource.properties.UserIds) ? resource.properties.UserIds : []) {
    const u = user instanceof Reference ? ctx.index.resource(user.logicalId) : undefined;
    if (u?.type !== 'AWS::ElastiCache::User' || u.properties.UserName !== 'default') continue;
    const access = typeof u.properties.AccessString === 'string' ? u.properties.AccessString.trim() : '';
    const mode = (u.properties.AuthenticationMode as { Type?: unknown } | undefined)?.Type;
    const passwordless = u.properties.NoPasswordRequired === true || mode === 'no-password-required';
    if (/^off\b/.test(access) || !passwordless) return undefined;
    return `user group ${resource.logicalId}: its default user is enabled without a password (${access || 'no access string'})`;
  }
  return `user group ${resource.logicalId}: no default user in it that the template shows disabled`;
}
