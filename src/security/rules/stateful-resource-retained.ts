import { CfnDeletionPolicy, CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { STATEFUL_RESOURCE_TYPES } from '../policy/stateful-types';

export { STATEFUL_RESOURCE_TYPES };

/** Types whose data survives a `Snapshot` policy. */
const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster',
]);

/**
 * A stateful resource keeps its data when the stack is deleted or the resource replaced:
 * deletion and update-replace policies are Retain (or Snapshot for databases and caches).
 * Applied to production stacks.
 */
export function StatefulResourceRetained(node: CfnResource): NagRuleResult {
  const type = node.cfnResourceType;
  if (!STATEFUL_RESOURCE_TYPES.has(type)) return NagRuleCompliance.NOT_APPLICABLE;
  const keeps = (policy: CfnDeletionPolicy | undefined) => policy === CfnDeletionPolicy.RETAIN
    || policy === CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE
    || (policy === CfnDeletionPolicy.SNAPSHOT && SNAPSHOT_TYPES.has(type));
  return keeps(node.cfnOptions.deletionPolicy) && keeps(node.cfnOptions.updateReplacePolicy)
    ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
