import { DataStoreKind, DataStoreRequirements, EnvironmentTier } from '../requirements';
import { PRICED_AS, decisionIn } from './alternatives';
import { ArchitectureDecision, DataStorePlan, DataStoreTechnology, DecisionArea, ResiliencePlan } from './model';

const decide = decisionIn.bind(undefined, DecisionArea.DATA);

/** Sustained rates (per second) below which provisioned DynamoDB capacity is not worth the throttling risk. */
const PROVISIONED_MIN_RATE = 10;
/** Queries per second one Aurora capacity unit (2 GiB) is assumed to serve. */
const QUERIES_PER_ACU = 250;
/** ElastiCache node types by usable memory in GiB (smallest first). */
const CACHE_NODES: Array<[string, number]> = [
  ['cache.t4g.micro', 0.5], ['cache.t4g.small', 1.37], ['cache.t4g.medium', 3.09], ['cache.r7g.large', 13.07],
  ['cache.r7g.xlarge', 26.32], ['cache.r7g.2xlarge', 52.82], ['cache.r7g.4xlarge', 105.81],
];
/** Share of node memory usable for data (the rest is reserved for Redis overhead). */
const CACHE_USABLE_SHARE = 0.75;

/**
 * @param complianceNames compliance frameworks the application meets (display names); they
 *   keep point-in-time recovery, versioning and 15 days of cache snapshots on in every tier
 */
export function planDataStore(s: DataStoreRequirements, r: ResiliencePlan, complianceNames: string[] = [])
  : { plan: DataStorePlan; decision: ArchitectureDecision } {
  const compliance = complianceNames.length > 0 ? complianceNames.join(', ') : undefined;
  const storageGb = s.storageGb ?? 1;
  const production = r.environment === EnvironmentTier.PRODUCTION;
  const base = {
    name: s.name,
    kind: s.kind,
    storageGb,
    readCapacityUnits: 0,
    writeCapacityUnits: 0,
    minAcu: 0,
    maxAcu: 0,
    replicas: 0,
    inVpc: false,
    pointInTimeRecovery: false,
    backupRetentionDays: 0,
    versioned: false,
    visibilityTimeoutSeconds: 0,
  };
  const recovery = `RPO ${r.rpoMinutes} min, RTO ${r.rtoMinutes} min`;
  switch (s.kind) {
    case DataStoreKind.KEY_VALUE: {
      const reads = s.readsPerSecond;
      const writes = s.writesPerSecond;
      const steady = reads !== undefined && writes !== undefined && r.environment !== EnvironmentTier.DEVELOPMENT
        && (reads >= PROVISIONED_MIN_RATE || writes >= PROVISIONED_MIN_RATE);
      const pitr = r.environment !== EnvironmentTier.DEVELOPMENT || r.rpoMinutes < 1440 || compliance !== undefined;
      const plan: DataStorePlan = {
        ...base,
        technology: steady ? DataStoreTechnology.DYNAMODB_PROVISIONED : DataStoreTechnology.DYNAMODB_ON_DEMAND,
        // Target tracking keeps utilisation near 70%, so provision the sustained rate / 0.7.
        readCapacityUnits: steady ? Math.max(1, Math.ceil(reads! / 0.7)) : 0,
        writeCapacityUnits: steady ? Math.max(1, Math.ceil(writes! / 0.7)) : 0,
        pointInTimeRecovery: pitr,
        backupRetentionDays: pitr ? 35 : 0,
      };
      const rates = reads === undefined || writes === undefined ? 'no sustained read and write rates were given'
        : `sustained ${reads} reads/s and ${writes} writes/s`;
      return {
        plan,
        decision: decide(s.name, steady
          ? `DynamoDB, provisioned capacity ${plan.readCapacityUnits} RCU / ${plan.writeCapacityUnits} WCU with autoscaling at 70%`
          : 'DynamoDB, on-demand capacity',
        `key-value store of ${storageGb} GB; ${rates}: ${steady ? 'steady load costs about 2.4x less on provisioned capacity than on-demand' : 'on-demand follows demand with no capacity to manage'}; `
          + `point-in-time recovery ${pitr ? `on (restores to any second of the last 35 days, meeting ${recovery}${compliance ? `; ${compliance} requires it in every tier` : ''})` : 'off: a development table with a 24 h RPO'}`,
        [
          steady ? { option: 'DynamoDB on-demand', whyNot: 'about 2.4x the price for steady load' }
            : { option: 'DynamoDB provisioned', whyNot: 'needs known, steady rates to be cheaper' },
          { option: 'Aurora', whyNot: 'key-value access needs no relational engine' },
        ]),
      };
    }
    case DataStoreKind.RELATIONAL: {
      const qps = (s.readsPerSecond ?? 0) + (s.writesPerSecond ?? 0);
      const floor = production ? 4 : 2;
      const maxAcu = Math.min(128, Math.max(floor, nextPowerOfTwo(Math.ceil(qps / QUERIES_PER_ACU))));
      const replicas = production || r.rtoMinutes < 15 ? 1 : 0;
      const retention = production ? 14 : r.environment === EnvironmentTier.STAGING ? 7 : 1;
      const plan: DataStorePlan = {
        ...base,
        technology: DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2,
        minAcu: 0.5,
        maxAcu,
        replicas,
        inVpc: true,
        pointInTimeRecovery: true,
        backupRetentionDays: retention,
      };
      return {
        plan,
        decision: decide(s.name, `Aurora PostgreSQL Serverless v2, 0.5-${maxAcu} ACU, ${replicas ? 'writer + 1 reader in another AZ' : 'writer only'}, credentials in Secrets Manager`,
          `relational store of ${storageGb} GB, ${qps ? `${qps} queries/s` : 'no query rate given'} (assuming ${QUERIES_PER_ACU} queries/s per ACU); `
          + `${replicas ? `a reader in a second AZ fails over in about a minute, within the RTO of ${r.rtoMinutes} min` : `a single writer is rebuilt in about 10 minutes, acceptable for RTO ${r.rtoMinutes} min`}; `
          + `continuous backups restore to any second of the last ${retention} day(s), meeting RPO ${r.rpoMinutes} min`,
          [
            { option: 'RDS PostgreSQL instance', whyNot: 'fixed size: pays for the peak all month' },
            { option: 'Aurora provisioned instances', whyNot: 'fixed size; Serverless v2 scales with load' },
          ]),
      };
    }
    case DataStoreKind.OBJECT_STORAGE: {
      const versioned = r.environment !== EnvironmentTier.DEVELOPMENT || r.rpoMinutes < 1440 || compliance !== undefined;
      const replicated = compliance !== undefined;
      const plan: DataStorePlan = { ...base, technology: DataStoreTechnology.S3, versioned, replicated, backupRetentionDays: versioned ? 90 : 0 };
      return {
        plan,
        decision: decide(s.name, `Amazon S3 (private, encrypted, TLS-only${versioned ? ', versioned, noncurrent versions kept 90 days' : ''}`
          + `${replicated ? ', replicated to a replica bucket in S3 Standard-IA' : ''})`,
        `object store of ${storageGb} GB; ${versioned ? `versioning recovers overwritten or deleted objects, meeting ${recovery}` : 'development data is disposable'}`
          + (replicated ? `; ${compliance} requires replication: a second copy under its own access, at about half the source's storage price again` : ''),
        [
          { option: 'Amazon EFS', whyNot: 'file-system semantics are not needed and storage costs more' },
          ...(replicated ? [{ option: 'cross-region replication', whyNot: 'needs a bucket in another region, which one environment-agnostic stack cannot create; call ObjectStore.addReplica on your own stack for one' }] : []),
        ]),
      };
    }
    case DataStoreKind.QUEUE: {
      // The visibility timeout is raised to fit the consumers once the services are planned.
      const plan: DataStorePlan = { ...base, technology: DataStoreTechnology.SQS_STANDARD, backupRetentionDays: 14, visibilityTimeoutSeconds: 30 };
      return {
        plan,
        decision: decide(s.name, 'Amazon SQS standard queue with a dead-letter queue (5 receives, 14 days)',
          'at-least-once delivery decouples producers from consumers; failed messages are kept for inspection instead of lost',
          [
            { option: 'SQS FIFO', whyNot: 'ordering was not required and FIFO costs 25% more per request' },
            { option: 'Amazon EventBridge', whyNot: 'a bus fans out events; a queue buffers work for one consumer' },
          ]),
      };
    }
    case DataStoreKind.CACHE:
    default: {
      const [nodeType, memory] = CACHE_NODES.find(([, gib]) => gib * CACHE_USABLE_SHARE >= storageGb) ?? CACHE_NODES[CACHE_NODES.length - 1];
      const replicas = production ? 1 : 0;
      // Compliance frameworks ask for 15 days of snapshots; otherwise one day bridges a bad deploy.
      const snapshotDays = compliance !== undefined ? 15 : 1;
      const plan: DataStorePlan = {
        ...base, technology: DataStoreTechnology.ELASTICACHE_REDIS, cacheNodeType: nodeType, replicas, inVpc: true, backupRetentionDays: snapshotDays,
      };
      return {
        plan,
        decision: decide(s.name, `ElastiCache (Redis OSS) ${nodeType}, ${replicas ? '1 primary + 1 replica, Multi-AZ automatic failover' : 'single node'}, encrypted at rest and in transit`,
          `cache of ${storageGb} GB: the smallest node whose ${CACHE_USABLE_SHARE * 100}% usable memory (of ${memory} GiB) holds it; `
          + (replicas ? 'production needs failover to another AZ' : `a ${r.environment} cache can be rebuilt from the source of truth`)
          + `; daily snapshots kept ${snapshotDays} day(s)${compliance ? ` (${compliance})` : ''}`,
          [
            { option: 'ElastiCache Serverless', whyNot: 'a minimum data-storage charge makes small caches cost more' },
            {
              option: `ElastiCache (Valkey) ${nodeType}`,
              whyNot: 'Redis OSS-compatible and its nodes cost about 20% less, but changing a deployed cache\'s engine is an upgrade to plan and test, '
                + 'so this library keeps Redis OSS rather than switch it under you',
              pricedAs: PRICED_AS.cacheNodes(nodeType, 1 + replicas, 'valkey'),
            },
          ], PRICED_AS.cacheNodes(nodeType, 1 + replicas, 'redis')),
      };
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
