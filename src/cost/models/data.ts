import { dataTransferOut, scalableTarget } from './compute';
import { GB_MONTH, HOUR, ModelContext, PER_MILLION, Quantity, times } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/** DynamoDB table: on-demand request units or provisioned capacity hours, and storage. */
export function dynamoDbTable(ctx: ModelContext): void {
  const p = ctx.props;
  if (p.TableClass === 'STANDARD_INFREQUENT_ACCESS') {
    ctx.unpriced('Standard-IA table class requests and storage (no figure in the catalog)');
    return;
  }
  if (p.BillingMode === 'PAY_PER_REQUEST') {
    const writes = ctx.usage.get('monthlyWriteRequestUnits', 1_000_000, 'on-demand default');
    const reads = ctx.usage.get('monthlyReadRequestUnits', 1_000_000, 'on-demand default');
    ctx.charge('Write request units (on-demand)', { serviceCode: 'AmazonDynamoDB', usageType: 'WriteRequestUnits' }, ctx.scaled(writes), { unit: '1M write request units', per: 1e6 });
    ctx.charge('Read request units (on-demand)', { serviceCode: 'AmazonDynamoDB', usageType: 'ReadRequestUnits' }, ctx.scaled(reads), { unit: '1M read request units', per: 1e6 });
  } else {
    if (p.BillingMode === undefined) ctx.assume('BillingMode not set: PROVISIONED (CloudFormation default)');
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

/** S3 bucket: Standard storage, PUT and GET requests. */
export function s3Bucket(ctx: ModelContext): void {
  const storage = ctx.usage.get('storageGb', 1, 'small bucket');
  const puts = ctx.usage.get('monthlyPutRequests', 10_000, 'light writes');
  const gets = ctx.usage.get('monthlyGetRequests', 100_000, 'light reads');
  ctx.assume('priced as S3 Standard; lifecycle transitions and other storage classes are not modelled');
  ctx.charge('Storage (S3 Standard)', { serviceCode: 'AmazonS3', usageType: 'TimedStorage-ByteHrs', filters: { volumeType: 'Standard' } }, ctx.scaled(storage), GB_MONTH);
  ctx.charge('PUT, COPY, POST, LIST requests', { serviceCode: 'AmazonS3', usageType: 'Requests-Tier1' }, ctx.scaled(puts), { unit: '1,000 requests', per: 1000 });
  ctx.charge('GET and other requests', { serviceCode: 'AmazonS3', usageType: 'Requests-Tier2' }, ctx.scaled(gets), { unit: '1,000 requests', per: 1000 });
  dataTransferOut(ctx);
}

const AURORA_ENGINE: { [engine: string]: string } = { 'aurora-postgresql': 'Aurora PostgreSQL', 'aurora-mysql': 'Aurora MySQL', 'aurora': 'Aurora MySQL' };
const RDS_ENGINE: { [engine: string]: string } = {
  'postgres': 'PostgreSQL',
  'mysql': 'MySQL',
  'mariadb': 'MariaDB',
  'oracle-ee': 'Oracle',
  'oracle-se2': 'Oracle',
  'sqlserver-ex': 'SQL Server',
  'sqlserver-web': 'SQL Server',
  'sqlserver-se': 'SQL Server',
  'sqlserver-ee': 'SQL Server',
};

/** Aurora cluster: storage and I/O (Aurora Standard); instances are priced on their DBInstance. */
export function dbCluster(ctx: ModelContext): void {
  const engine = String(ctx.props.Engine ?? '');
  const databaseEngine = AURORA_ENGINE[engine];
  if (!databaseEngine) {
    ctx.unpriced(`Multi-AZ DB cluster of engine '${engine}' (no figure in the catalog)`);
    return;
  }
  if (ctx.props.EngineMode === 'serverless') {
    ctx.unpriced('Aurora Serverless v1 capacity (no figure in the catalog)');
    return;
  }
  const storage = ctx.usage.get('storageGb', 10, 'small database');
  if (ctx.props.StorageType === 'aurora-iopt1') {
    ctx.unpriced('Aurora I/O-Optimized storage (no figure in the catalog)');
  } else {
    const io = ctx.usage.get('monthlyIoRequests', 1_000_000, 'light I/O');
    ctx.charge(`Storage (Aurora Standard, ${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageUsage', filters: { databaseEngine } }, ctx.scaled(storage), GB_MONTH);
    ctx.charge('I/O requests (Aurora Standard)', { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageIOUsage', filters: { databaseEngine } }, ctx.scaled(io), PER_MILLION);
  }
  ctx.assume('backup storage up to the cluster\'s size is free; beyond that, and snapshots, are not modelled; instances are priced on their DBInstance resources');
}

/** RDS or Aurora DB instance: instance hours or Serverless v2 ACU-hours; storage of standalone instances. */
export function dbInstance(ctx: ModelContext): void {
  const p = ctx.props;
  const instanceClass = String(p.DBInstanceClass ?? '');
  const cluster = ctx.referenced(p.DBClusterIdentifier);
  const engine = String(p.Engine ?? cluster?.resource.Properties?.Engine ?? '');
  const hours = ctx.hours();
  if (p.DBClusterIdentifier !== undefined) {
    const databaseEngine = AURORA_ENGINE[engine];
    if (!databaseEngine) {
      ctx.unpriced(`instance of engine '${engine}' in a cluster (no figure in the catalog)`);
      return;
    }
    if (cluster?.resource.Properties?.StorageType === 'aurora-iopt1') {
      ctx.unpriced('instance of an Aurora I/O-Optimized cluster (no figure in the catalog)');
      return;
    }
    if (instanceClass === 'db.serverless') {
      const scaling = cluster?.resource.Properties?.ServerlessV2ScalingConfiguration ?? {};
      const min = numberProp(scaling.MinCapacity) ?? 0.5;
      const max = numberProp(scaling.MaxCapacity) ?? Math.max(min, 1);
      const acu = ctx.usage.get('averageAcu', (min + max) / 2, `midpoint of the cluster's ${min}-${max} ACU range`);
      ctx.assume(`ACU range of ${cluster?.id ?? 'the cluster'}: low = ${min}, high = ${max}`);
      const q: Quantity = { low: Math.min(min, acu) * hours, expected: acu * hours, high: Math.max(max, acu) * hours };
      ctx.charge(`Serverless v2 capacity (${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: 'Aurora:ServerlessV2Usage', filters: { databaseEngine } }, q, { unit: 'ACU-hour', per: 1 });
      return;
    }
    ctx.charge(`Instance (${instanceClass}, ${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: `InstanceUsage:${instanceClass}`, filters: { databaseEngine } }, ctx.fixed(hours), HOUR);
    return;
  }
  const databaseEngine = RDS_ENGINE[engine];
  if (!databaseEngine) {
    ctx.unpriced(`instance of engine '${engine}' (no figure in the catalog)`);
    return;
  }
  const multiAz = p.MultiAZ === true || p.MultiAZ === 'true';
  const deploymentOption = multiAz ? 'Multi-AZ' : 'Single-AZ';
  // The Price List names Multi-AZ instance hours apart: Multi-AZUsage:<class>, not InstanceUsage:<class>.
  const instanceUsage = multiAz ? `Multi-AZUsage:${instanceClass}` : `InstanceUsage:${instanceClass}`;
  ctx.charge(`Instance (${instanceClass}, ${databaseEngine}, ${deploymentOption})`, { serviceCode: 'AmazonRDS', usageType: instanceUsage, filters: { databaseEngine, deploymentOption } }, ctx.fixed(hours), HOUR);
  const allocated = numberProp(p.AllocatedStorage);
  const storageType = String(p.StorageType ?? 'gp2');
  if (allocated === undefined) {
    ctx.unpriced('storage (AllocatedStorage not in the template)');
  } else if (storageType !== 'gp3') {
    ctx.unpriced(`${storageType} storage (no figure in the catalog)`);
  } else {
    const usageType = multiAz ? 'RDS:Multi-AZ-GP3-Storage' : 'RDS:GP3-Storage';
    ctx.charge(`Storage (gp3, ${deploymentOption})`, { serviceCode: 'AmazonRDS', usageType, filters: { deploymentOption } }, ctx.fixed(allocated), GB_MONTH);
  }
}

/** CloudFormation `Engine` values to the Price List's `cacheEngine`. */
const CACHE_ENGINE: { [engine: string]: string } = { redis: 'Redis', valkey: 'Valkey', memcached: 'Memcached' };

/** ElastiCache replication group or cache cluster: node hours. */
export function cacheNodes(ctx: ModelContext): void {
  const p = ctx.props;
  const nodeType = String(p.CacheNodeType ?? '');
  const engine = String(p.Engine ?? 'redis');
  const cacheEngine = CACHE_ENGINE[engine.toLowerCase()];
  if (!cacheEngine) {
    ctx.unpriced(`${engine} nodes (no figure in the catalog)`);
    return;
  }
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
