import { STATEFUL_RESOURCE_TYPES } from '../../policy/stateful-types';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';

const SNAPSHOT_TYPES = new Set(['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster']);

/**
 * In production, stateful resources keep their data when the stack is deleted or the
 * resource replaced: DeletionPolicy and UpdateReplacePolicy are Retain (or Snapshot for
 * databases and caches) in the final template, whatever override wrote them. Rule id
 * `CdkInfraEngineer-StatefulResourceRetained`, like the construct-tree rule it supersedes.
 */
export const StatefulDataRetained: TemplateRule = {
  // The same id as the construct-tree rule it replaces when templates are checked: one acknowledgement covers both.
  id: 'StatefulResourceRetained',
  info: 'The stateful resource is deleted with the stack or on replacement.',
  fix: 'Apply RemovalPolicy.RETAIN (or SNAPSHOT for databases and caches) and remove any DeletionPolicy/UpdateReplacePolicy override.',
  covers: ['StatefulResourceRetained'],
  check(resource, ctx) {
    if (!ctx.production || !STATEFUL_RESOURCE_TYPES.has(resource.type)) return NOT_APPLICABLE;
    const keeps = (policy: unknown) => policy === 'Retain' || policy === 'RetainExceptOnCreate' || (policy === 'Snapshot' && SNAPSHOT_TYPES.has(resource.type));
    const problems = [
      ...(keeps(resource.deletionPolicy) ? [] : [`DeletionPolicy is ${JSON.stringify(resource.deletionPolicy ?? 'Delete')}`]),
      ...(keeps(resource.updateReplacePolicy) ? [] : [`UpdateReplacePolicy is ${JSON.stringify(resource.updateReplacePolicy ?? 'Delete')}`]),
    ];
    return problems.length ? problems : COMPLIANT;
  },
};
