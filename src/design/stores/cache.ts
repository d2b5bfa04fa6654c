import { CacheAuthenticationRequirement, EnvironmentTier } from '../../requirements';
import { cacheStoreAlarms } from '../alarms';
import { decisionIn } from '../decision';
import { DataStorePlan, DataStoreTechnology, DecisionArea } from '../model';
import { onPath, SLA } from '../slas';
import { baseStorePlan, StoreDesigner } from './designer';

/** ElastiCache node types by usable memory in GiB (smallest first). */
const CACHE_NODES: Array<[string, number]> = [
  ['cache.t4g.micro', 0.5], ['cache.t4g.small', 1.37], ['cache.t4g.medium', 3.09], ['cache.r7g.large', 13.07],
  ['cache.r7g.xlarge', 26.32], ['cache.r7g.2xlarge', 52.82], ['cache.r7g.4xlarge', 105.81],
];
/** Share of node memory usable for data (the rest is reserved for Redis overhead). */
const CACHE_USABLE_SHARE = 0.75;

export const cacheDesigner: StoreDesigner = {
  design(s, { resilience: r, complianceNames }) {
    const compliance = complianceNames.length > 0 ? complianceNames.join(', ') : undefined;
    const base = baseStorePlan(s);
    const [nodeType, memory] = CACHE_NODES.find(([, gib]) => gib * CACHE_USABLE_SHARE >= base.storageGb) ?? CACHE_NODES[CACHE_NODES.length - 1];
    const replicas = r.environment === EnvironmentTier.PRODUCTION ? 1 : 0;
    // Compliance frameworks ask for 15 days of snapshots; otherwise one day bridges a bad deploy.
    const snapshotDays = compliance !== undefined ? 15 : 1;
    // Compliance frameworks ask for authenticated access: Redis RBAC with IAM, unless the requirements opt out with a reason.
    const authentication = s.authentication ?? (compliance !== undefined ? CacheAuthenticationRequirement.IAM : CacheAuthenticationRequirement.NONE);
    const reason = authentication === CacheAuthenticationRequirement.NONE ? s.authenticationReason?.trim() : undefined;
    const plan: DataStorePlan = {
      ...base,
      technology: DataStoreTechnology.ELASTICACHE_REDIS,
      cacheNodeType: nodeType,
      replicas,
      inVpc: true,
      backupRetentionDays: snapshotDays,
      cacheAuthentication: authentication,
      cacheAuthenticationReason: reason,
    };
    const signIn = authentication === CacheAuthenticationRequirement.IAM
      ? 'Redis RBAC with IAM authentication (default user disabled; each service signs in with a token from its role)'
      : `no Redis authentication${reason ? ` (${reason})` : ''}: the security groups are the only gate`;
    const nodes = 1 + replicas;
    return {
      plan,
      decision: {
        ...decisionIn(DecisionArea.DATA, s.name, `ElastiCache (Redis OSS) ${nodeType}, ${replicas ? '1 primary + 1 replica, Multi-AZ automatic failover' : 'single node'}, encrypted at rest and in transit, ${signIn}`,
          `cache of ${base.storageGb} GB: the smallest node whose ${CACHE_USABLE_SHARE * 100}% usable memory (of ${memory} GiB) holds it; `
          + (replicas ? 'production needs failover to another AZ' : `a ${r.environment} cache can be rebuilt from the source of truth`)
          + `; daily snapshots kept ${snapshotDays} day(s)${compliance ? ` (${compliance})` : ''}`
          + (authentication === CacheAuthenticationRequirement.IAM
            ? `; ${compliance ? `${compliance} ask${complianceNames.length > 1 ? '' : 's'} for authenticated access, so ` : ''}clients sign in as the cache's IAM user with a 15-minute token from their own role (no password to store or rotate)`
            : `; ${reason ? `authentication off as the requirements say: ${reason}` : 'authentication off (the default without a compliance framework): set authentication CacheAuthenticationRequirement.IAM to require it'}`),
          [
            { option: 'ElastiCache Serverless', whyNot: 'a minimum data-storage charge makes small caches cost more' },
            {
              option: 'Redis RBAC with a password user (secret in Secrets Manager)',
              whyNot: 'a long-lived password every client holds, and its rotation needs a function and client reconnects; IAM tokens come from each service\'s own role',
            },
            {
              option: `ElastiCache (Valkey) ${nodeType}`,
              whyNot: 'Redis OSS-compatible and its nodes cost about 20% less, but changing a deployed cache\'s engine is an upgrade to plan and test, '
                + 'so this library keeps Redis OSS rather than switch it under you',
              pricedAs: cacheNodes(nodeType, nodes, 'valkey'),
            },
          ]),
        choicePricedAs: cacheNodes(nodeType, nodes, 'redis'),
      },
    };
  },
  usage: () => [],
  bill: (plan) => [{
    scope: 'Data',
    block: plan.name,
    path: 'ReplicationGroup',
    type: 'AWS::ElastiCache::ReplicationGroup',
    properties: { CacheNodeType: plan.cacheNodeType, Engine: 'redis', NumCacheClusters: 1 + plan.replicas },
  }],
  sla: (plan) => [onPath(plan.replicas > 0 ? SLA.elastiCacheMultiAz : SLA.elastiCacheSingleAz)],
  alarms: cacheStoreAlarms,
};

/** The cache's nodes alone: the engine is the only difference, so pricing the nodes prices the choice. */
function cacheNodes(nodeType: string, nodes: number, engine: string) {
  return { resources: { Cache: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { CacheNodeType: nodeType, Engine: engine, NumCacheClusters: nodes } } } };
}
