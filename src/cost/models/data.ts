import { dataTransferOut, scalableTarget } from './compute';
import { GB_MONTH, ModelContext, Quantity, times } from '../estimator/context';
import { numberProp, refTarget } from '../estimator/template-index';

/** DynamoDB table: on-demand request units or provisioned capacity hours, and storage. */
export function dynamoDbTable(ctx: ModelContext, defaultBillingMode = 'PROVISIONED'): void {
  const p = ctx.props;
  const billingMode = p.BillingMode ?? defaultBillingMode;
  if (p.TableClass === 'STANDARD_INFREQUENT_ACCESS') {
    ctx.unpriced('Standard-IA table class requests and storage (no figure in the catalog)');
    return;
  }
  if (billingMode === 'PAY_PER_REQUEST') {
    const writes = ctx.usage.get('monthlyWriteRequestUnits', 1_000_000, 'on-demand default');
    const reads = ctx.usage.get('monthlyReadRequestUnits', 1_000_000, 'on-demand default');
    ctx.charge('Write request units (on-demand)', { serviceCode: 'AmazonDynamoDB', usageType: 'WriteRequestUnits' }, ctx.scaled(writes), { unit: '1M write request units', per: 1e6 });
    ctx.charge('Read request units (on-demand)', { serviceCode: 'AmazonDynamoDB', usageType: 'ReadRequestUnits' }, ctx.scaled(reads), { unit: '1M read request units', per: 1e6 });
  } else {
    if (p.BillingMode === undefined) ctx.assume(`BillingMode not set: ${billingMode} (the default)`);
    const hours = ctx.hours();
    const capacity = (key: 'ReadCapacityUnits' | 'WriteCapacityUnits'): Quantity => {
      const tableUnits = numberProp(p.ProvisionedThroughput?.[key]) ?? 0;
      const indexUnits = (Array.isArray(p.GlobalSecondaryIndexes) ? p.GlobalSecondaryIndexes : [])
        .reduce((sum: number, gsi: any) => sum + (numberProp(gsi?.ProvisionedThroughput?.[key]) ?? 0), 0);
      const target = scalableTarget(ctx.template, ctx.id, `dynamodb:table:${key}`);
      if (target) {
        const expected = Math.min(Math.max(tableUnits, target.min), target.max);
        ctx.assume(`${key} autoscaled by ${target.id}: low ${target.min}, high ${target.max}, expected ${expected}`);
        return times({ low: target.min + indexUnits, expected: expected + indexUnits, high: target.max + indexUnits }, hours);
      }
      return ctx.fixed((tableUnits + indexUnits) * hours);
    };
    ctx.charge('Write capacity (provisioned)', { serviceCode: 'AmazonDynamoDB', usageType: 'WriteCapacityUnit-Hrs' }, capacity('WriteCapacityUnits'), { unit: 'WCU-hour', per: 1 });
    ctx.charge('Read capacity (provisioned)', { serviceCode: 'AmazonDynamoDB', usageType: 'ReadCapacityUnit-Hrs' }, capacity('ReadCapacityUnits'), { unit: 'RCU-hour', per: 1 });
  }
  const storage = ctx.usage.get('storageGb', 1, 'small table');
  ctx.charge('Table storage (Standard)', { serviceCode: 'AmazonDynamoDB', usageType: 'TimedStorage-ByteHrs' }, ctx.scaled(storage), GB_MONTH);
  ctx.assume('point-in-time recovery, backups and streams are not modelled');
}

/** S3 storage classes the catalog prices, by the class name in a replication rule's Destination. */
const S3_CLASSES: { [storageClass: string]: { label: string; storage: string; volumeType: string; put: string; get: string } } = {
  STANDARD: { label: 'S3 Standard', storage: 'TimedStorage-ByteHrs', volumeType: 'Standard', put: 'Requests-Tier1', get: 'Requests-Tier2' },
  STANDARD_IA: {
    label: 'S3 Standard-IA', storage: 'TimedStorage-SIA-ByteHrs', volumeType: 'Standard - Infrequent Access', put: 'Requests-SIA-Tier1', get: 'Requests-SIA-Tier2',
  },
};

/**
 * The storage class objects arrive in when this bucket is another bucket's replication
 * destination (`ReplicationConfiguration.Rules[].Destination.StorageClass` of the source, which
 * defaults to the source object's class: Standard), or undefined when nothing replicates into it.
 */
function replicaClass(ctx: ModelContext): { storageClass: string; source: string } | undefined {
  for (const source of ctx.template.referencedBy(ctx.id, 'AWS::S3::Bucket', 'ReplicationConfiguration')) {
    const rules = ctx.template.get(source.id)?.Properties?.ReplicationConfiguration?.Rules;
    for (const rule of Array.isArray(rules) ? rules : []) {
      if (refTarget(rule?.Destination?.Bucket) !== ctx.id) continue;
      const storageClass = rule.Destination.StorageClass;
      return { storageClass: typeof storageClass === 'string' ? storageClass : 'STANDARD', source: source.id };
    }
  }
  return undefined;
}

/** S3 bucket: storage, PUT and GET requests (S3 Standard, or a replica's destination class). */
export function s3Bucket(ctx: ModelContext): void {
  const replica = replicaClass(ctx);
  const storageClass = replica?.storageClass ?? 'STANDARD';
  const c = S3_CLASSES[storageClass];
  if (!c) {
    ctx.unpriced(`storage and requests in ${storageClass}, the class ${replica!.source} replicates into this bucket in (no figure in the catalog)`);
    dataTransferOut(ctx);
    return;
  }
  const storage = ctx.usage.get('storageGb', 1, 'small bucket');
  const puts = ctx.usage.get('monthlyPutRequests', 10_000, replica ? 'replicated writes' : 'light writes');
  const gets = ctx.usage.get('monthlyGetRequests', replica ? 0 : 100_000, replica ? 'a replica is read only when it is needed' : 'light reads');
  ctx.assume(replica
    ? `a replica of ${replica.source}, stored in ${c.label}: the replication rule's class; lifecycle transitions are not modelled`
    : 'priced as S3 Standard; lifecycle transitions and other storage classes are not modelled');
  ctx.charge(`Storage (${c.label})`, { serviceCode: 'AmazonS3', usageType: c.storage, filters: { volumeType: c.volumeType } }, ctx.scaled(storage), GB_MONTH);
  ctx.charge('PUT, COPY, POST, LIST requests', { serviceCode: 'AmazonS3', usageType: c.put }, ctx.scaled(puts), { unit: '1,000 requests', per: 1000 });
  ctx.charge('GET and other requests', { serviceCode: 'AmazonS3', usageType: c.get }, ctx.scaled(gets), { unit: '1,000 requests', per: 1000 });
  dataTransferOut(ctx);
}

/** CloudFormation `Engine` values to the Price List's `cacheEngine`. */
const CACHE_ENGINE: { [engine: string]: string } = { redis: 'Redis', valkey: 'Valkey', memcached: 'Memcached' };

/** ElastiCache replication group or cache cluster: node hours. */
export function cacheNodes(ctx: ModelContext): void {
  const p = ctx.props;
  const engine = typeof p.Engine === 'string' ? p.Engine.toLowerCase() : 'redis';
  if (p.Engine === undefined) ctx.assume('Engine not set: redis');
  const cacheEngine = CACHE_ENGINE[engine];
  if (!cacheEngine) {
    ctx.unpriced(`${engine} nodes (no figure in the catalog)`);
    return;
  }
  if (typeof p.CacheNodeType !== 'string') {
    ctx.unpriced('node hours (CacheNodeType not in the template)');
    return;
  }
  const nodeType = p.CacheNodeType;
  let nodes: number;
  if (ctx.resource.Type === 'AWS::ElastiCache::CacheCluster') {
    nodes = numberProp(p.NumCacheNodes) ?? 1;
  } else if (numberProp(p.NumCacheClusters) !== undefined) {
    nodes = numberProp(p.NumCacheClusters)!;
  } else {
    const groups = numberProp(p.NumNodeGroups) ?? (Array.isArray(p.NodeGroupConfiguration) ? p.NodeGroupConfiguration.length : 1);
    nodes = groups * (1 + (numberProp(p.ReplicasPerNodeGroup) ?? 0));
  }
  ctx.assume(`${nodes} node(s) of ${nodeType}, on-demand`);
  ctx.charge(`Nodes (${nodes} x ${nodeType}, ${cacheEngine})`, { serviceCode: 'AmazonElastiCache', usageType: `NodeUsage:${nodeType}`, filters: { cacheEngine } }, ctx.fixed(nodes * ctx.hours()), { unit: 'node-hour', per: 1 });
}
