import { PriceDimensionRef } from '../catalog/types';
import { GB_MONTH, HOUR, MONTH, ModelContext, PER_MILLION, Quantity } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/** CloudFormation Aurora `Engine` values (lowercased) to the Price List's `databaseEngine`. */
const AURORA_ENGINE: { [engine: string]: string } = { 'aurora-postgresql': 'Aurora PostgreSQL', 'aurora-mysql': 'Aurora MySQL', 'aurora': 'Aurora MySQL' };

/** How the Price List names an RDS engine: engine, and for commercial engines edition and license. */
interface RdsEngine {
  readonly databaseEngine: string;
  readonly edition?: string;
  /** Price List `licenseModel`; only commercial engines carry it in the catalog's keys. */
  readonly license?: string;
}

const OPEN_ENGINES: { [engine: string]: string } = { mysql: 'MySQL', mariadb: 'MariaDB', postgres: 'PostgreSQL', postgresql: 'PostgreSQL' };
const ORACLE_EDITIONS: { [engine: string]: string } = {
  'oracle-ee': 'Enterprise',
  'oracle-ee-cdb': 'Enterprise',
  'oracle-se2': 'Standard Two',
  'oracle-se2-cdb': 'Standard Two',
  'oracle-se1': 'Standard One',
  'oracle-se': 'Standard',
};
const SQLSERVER_EDITIONS: { [engine: string]: string } = { 'sqlserver-ex': 'Express', 'sqlserver-web': 'Web', 'sqlserver-se': 'Standard', 'sqlserver-ee': 'Enterprise' };
const LICENSES: { [model: string]: string } = { 'license-included': 'License included', 'bring-your-own-license': 'Bring your own license' };

/** Lowercased `Engine` (CloudFormation accepts `MySQL`, `Postgres`, `Aurora-PostgreSQL`). */
export function engineName(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

function rdsEngine(ctx: ModelContext, engine: string): RdsEngine | undefined {
  if (OPEN_ENGINES[engine]) return { databaseEngine: OPEN_ENGINES[engine] };
  const oracle = ORACLE_EDITIONS[engine];
  if (oracle) {
    const given = engineName(ctx.props.LicenseModel);
    let license = LICENSES[given];
    if (!license) {
      // Enterprise Edition is offered only as bring-your-own-license; SE2 defaults to license included.
      license = oracle === 'Enterprise' ? LICENSES['bring-your-own-license'] : LICENSES['license-included'];
      ctx.assume(`LicenseModel not set: ${license.toLowerCase()} (Oracle ${oracle})`);
    }
    return { databaseEngine: 'Oracle', edition: oracle, license };
  }
  const sqlServer = SQLSERVER_EDITIONS[engine];
  if (sqlServer) return { databaseEngine: 'SQL Server', edition: sqlServer, license: LICENSES['license-included'] };
  return undefined;
}

/** RDS or Aurora DB instance: instance hours or Serverless v2 ACU-hours; storage of standalone instances. */
export function dbInstance(ctx: ModelContext): void {
  const p = ctx.props;
  if (p.DBClusterIdentifier !== undefined) {
    auroraInstance(ctx);
    return;
  }
  // A read replica takes its engine, class and storage from its source unless it sets them.
  const source = p.SourceDBInstanceIdentifier !== undefined ? ctx.referenced(p.SourceDBInstanceIdentifier) : undefined;
  const sp = source?.resource.Type === 'AWS::RDS::DBInstance' ? source.resource.Properties ?? {} : undefined;
  if (sp) ctx.assume(`read replica of ${source!.id}: engine, class and storage not set here are the source's`);
  const engine = engineName(p.Engine ?? sp?.Engine);
  const spec = rdsEngine(ctx, engine);
  if (!spec) {
    ctx.unpriced(engine ? `instance of engine '${engine}' (no figure in the catalog)`
      : p.SourceDBInstanceIdentifier !== undefined ? 'read replica of an instance outside the template (give Engine)' : 'instance hours (Engine not in the template)');
    return;
  }
  const classValue = p.DBInstanceClass ?? sp?.DBInstanceClass;
  const instanceClass = typeof classValue === 'string' ? classValue : undefined;
  const multiAz = p.MultiAZ === true || engineName(p.MultiAZ) === 'true';
  const deploymentOption = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const label = [spec.databaseEngine, spec.edition, spec.license === 'Bring your own license' ? 'BYOL' : undefined].filter(Boolean).join(' ');
  if (instanceClass === undefined) {
    ctx.unpriced('instance hours (DBInstanceClass not in the template)');
  } else if (multiAz && spec.databaseEngine === 'SQL Server' && spec.edition === 'Express') {
    ctx.unpriced('instance hours (SQL Server Express has no Multi-AZ deployment; RDS offers it for Web, Standard and Enterprise)');
  } else {
    // The Price List names Multi-AZ instance hours apart: Multi-AZUsage:<class>, not InstanceUsage:<class>.
    const usageType = multiAz ? `Multi-AZUsage:${instanceClass}` : `InstanceUsage:${instanceClass}`;
    const filters: { [f: string]: string } = spec.edition
      ? { databaseEngine: spec.databaseEngine, databaseEdition: spec.edition, licenseModel: spec.license!, deploymentOption }
      : { databaseEngine: spec.databaseEngine, deploymentOption };
    ctx.charge(`Instance (${instanceClass}, ${label}, ${deploymentOption})`, { serviceCode: 'AmazonRDS', usageType, filters }, ctx.fixed(ctx.hours()), HOUR);
  }
  rdsStorage(ctx, spec, multiAz, sp);
}

/** gp3 includes 3,000 IOPS below 400 GB and 12,000 from 400 GB (MySQL, MariaDB, PostgreSQL); 3,000 for Oracle below 200 GB and SQL Server. */
function gp3IncludedIops(spec: RdsEngine, gb: number): number {
  if (spec.databaseEngine === 'SQL Server') return 3000;
  const threshold = spec.databaseEngine === 'Oracle' ? 200 : 400;
  return gb >= threshold ? 12000 : 3000;
}

function rdsStorage(ctx: ModelContext, spec: RdsEngine, multiAz: boolean, sourceProps?: { readonly [key: string]: any }): void {
  // Read each property only where it is used (an unknown value makes the resource unpriced), the replica's own first.
  const own = ctx.props;
  const p = {
    get AllocatedStorage() { return own.AllocatedStorage ?? sourceProps?.AllocatedStorage; },
    get Iops() { return own.Iops ?? sourceProps?.Iops; },
    get StorageType() { return own.StorageType ?? sourceProps?.StorageType; },
    get StorageThroughput() { return own.StorageThroughput ?? sourceProps?.StorageThroughput; },
    get SourceDBInstanceIdentifier() { return own.SourceDBInstanceIdentifier; },
    get DBSnapshotIdentifier() { return own.DBSnapshotIdentifier; },
  };
  const gb = numberProp(p.AllocatedStorage);
  if (gb === undefined) {
    const from = p.SourceDBInstanceIdentifier !== undefined ? 'the source instance' : p.DBSnapshotIdentifier !== undefined ? 'the snapshot' : undefined;
    ctx.unpriced(from ? `storage (its size comes from ${from}; give AllocatedStorage)` : 'storage (AllocatedStorage not in the template)');
    return;
  }
  const iops = numberProp(p.Iops);
  let type = engineName(p.StorageType);
  if (!type) {
    type = iops !== undefined ? 'io1' : 'gp2';
    ctx.assume(`StorageType not set: ${type} (the CloudFormation default${iops !== undefined ? ' when Iops is given' : ''})`);
  }
  const az = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const m = multiAz ? 'Multi-AZ-' : '';
  const ref = (usageType: string): PriceDimensionRef => ({ serviceCode: 'AmazonRDS', usageType, filters: { deploymentOption: az } });
  ctx.assume(`${gb} GB allocated`);
  const storage = (usageType: string, what: string) => ctx.charge(`Storage (${what}, ${az})`, ref(usageType), ctx.fixed(gb), GB_MONTH);
  switch (type) {
    case 'gp2':
      storage(`RDS:${m}GP2-Storage`, 'gp2');
      break;
    case 'gp3': {
      storage(`RDS:${m}GP3-Storage`, 'gp3');
      const included = gp3IncludedIops(spec, gb);
      if (iops !== undefined && iops > included) {
        ctx.charge(`Provisioned IOPS above ${included.toLocaleString('en-US')} (gp3, ${az})`, ref(`RDS:${m}GP3-PIOPS`), ctx.fixed(iops - included), MONTH('IOPS'));
      }
      if (numberProp(p.StorageThroughput) !== undefined) ctx.unpriced('gp3 throughput above the included baseline (no figure in the catalog)');
      break;
    }
    case 'io1':
    case 'io2': {
      const suffix = type === 'io2' ? '-IO2' : '';
      storage(`RDS:${m}PIOPS-Storage${suffix}`, type);
      if (iops === undefined) ctx.unpriced(`${type} provisioned IOPS (Iops not in the template)`);
      else ctx.charge(`Provisioned IOPS (${type}, ${iops.toLocaleString('en-US')}, ${az})`, ref(`RDS:${m}PIOPS${suffix}`), ctx.fixed(iops), MONTH('IOPS'));
      break;
    }
    case 'standard': {
      storage(`RDS:${m}StorageUsage`, 'magnetic');
      const io = ctx.usage.get('monthlyIoRequests', 1_000_000, 'light I/O on magnetic storage');
      ctx.charge('I/O requests (magnetic)', { serviceCode: 'AmazonRDS', usageType: 'RDS:StorageIOUsage' }, ctx.scaled(io), PER_MILLION);
      break;
    }
    default:
      ctx.unpriced(`${type} storage (no figure in the catalog)`);
  }
  ctx.assume('backup storage up to the allocated size is free; more, and snapshots, are not modelled');
}

/** An instance in an Aurora cluster: instance hours (Standard or I/O-Optimized) or Serverless v2 ACU-hours. */
function auroraInstance(ctx: ModelContext): void {
  const p = ctx.props;
  const cluster = ctx.referenced(p.DBClusterIdentifier);
  const cp = cluster?.resource.Properties ?? {};
  const engine = engineName(p.Engine ?? cp.Engine);
  const databaseEngine = AURORA_ENGINE[engine];
  if (!databaseEngine) {
    ctx.unpriced(`instance of engine '${engine || 'not set'}' in a cluster (no figure in the catalog)`);
    return;
  }
  const ioOptimized = engineName(cp.StorageType) === 'aurora-iopt1';
  const config = ioOptimized ? ', I/O-Optimized' : '';
  const instanceClass = typeof p.DBInstanceClass === 'string' ? p.DBInstanceClass : undefined;
  const hours = ctx.hours();
  if (instanceClass === undefined) {
    ctx.unpriced('instance hours (DBInstanceClass not in the template)');
    return;
  }
  if (instanceClass === 'db.serverless') {
    const scaling = cp.ServerlessV2ScalingConfiguration ?? {};
    const min = numberProp(scaling.MinCapacity) ?? 0.5;
    const max = numberProp(scaling.MaxCapacity) ?? Math.max(min, 1);
    if (numberProp(scaling.MinCapacity) === undefined) ctx.assume('MinCapacity not set: 0.5 ACU');
    const acu = ctx.usage.get('averageAcu', (min + max) / 2, `midpoint of the cluster's ${min}-${max} ACU range`);
    ctx.assume(`ACU range of ${cluster?.id ?? 'the cluster'}: low = ${min}, high = ${max}`);
    const q: Quantity = { low: Math.min(min, acu) * hours, expected: acu * hours, high: Math.max(max, acu) * hours };
    const usageType = ioOptimized ? 'Aurora:ServerlessV2IOOptimizedUsage' : 'Aurora:ServerlessV2Usage';
    ctx.charge(`Serverless v2 capacity (${databaseEngine}${config})`, { serviceCode: 'AmazonRDS', usageType, filters: { databaseEngine } }, q, { unit: 'ACU-hour', per: 1 });
    return;
  }
  const usageType = ioOptimized ? `InstanceUsageIOOptimized:${instanceClass}` : `InstanceUsage:${instanceClass}`;
  ctx.charge(`Instance (${instanceClass}, ${databaseEngine}${config})`, { serviceCode: 'AmazonRDS', usageType, filters: { databaseEngine } }, ctx.fixed(hours), HOUR);
}

/** Aurora cluster: storage and I/O (Standard) or storage only (I/O-Optimized); instances are priced on their DBInstance. */
export function dbCluster(ctx: ModelContext): void {
  const engine = engineName(ctx.props.Engine);
  const databaseEngine = AURORA_ENGINE[engine];
  if (!databaseEngine) {
    ctx.unpriced(`Multi-AZ DB cluster of engine '${engine || 'not set'}' (no figure in the catalog)`);
    return;
  }
  const storage = ctx.usage.get('storageGb', 10, 'small database');
  const filters = { databaseEngine };
  if (engineName(ctx.props.EngineMode) === 'serverless') serverlessV1Capacity(ctx, databaseEngine);
  if (engineName(ctx.props.StorageType) === 'aurora-iopt1') {
    ctx.charge(`Storage (Aurora I/O-Optimized, ${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: 'Aurora:IO-OptimizedStorageUsage', filters }, ctx.scaled(storage), GB_MONTH);
    ctx.assume('I/O-Optimized: no charge per I/O request');
  } else {
    const io = ctx.usage.get('monthlyIoRequests', 1_000_000, 'light I/O');
    ctx.charge(`Storage (Aurora Standard, ${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageUsage', filters }, ctx.scaled(storage), GB_MONTH);
    ctx.charge('I/O requests (Aurora Standard)', { serviceCode: 'AmazonRDS', usageType: 'Aurora:StorageIOUsage', filters }, ctx.scaled(io), PER_MILLION);
  }
  ctx.assume('backup storage up to the cluster\'s size is free; beyond that, and snapshots, are not modelled; instances are priced on their DBInstance resources');
}

/**
 * Aurora Serverless v1 (`EngineMode: serverless`): ACU-hours between the cluster's ScalingConfiguration
 * bounds; with AutoPause (the default) the cluster can pause to zero when idle. A v1 cluster has no instances.
 */
function serverlessV1Capacity(ctx: ModelContext, databaseEngine: string): void {
  const scaling = ctx.props.ScalingConfiguration ?? {};
  const min = numberProp(scaling.MinCapacity) ?? 2;
  const max = Math.max(min, numberProp(scaling.MaxCapacity) ?? 16);
  if (scaling.MinCapacity === undefined) ctx.assume('ScalingConfiguration.MinCapacity not set: 2 ACU (the RDS default)');
  if (scaling.MaxCapacity === undefined) ctx.assume('ScalingConfiguration.MaxCapacity not set: 16 ACU (the RDS default)');
  const autoPause = scaling.AutoPause !== false && engineName(scaling.AutoPause) !== 'false';
  const hours = ctx.hours();
  const acu = ctx.usage.get('averageAcu', (min + max) / 2, `midpoint of the cluster's ${min}-${max} ACU range`);
  ctx.assume(`Serverless v1 ACU range: low = ${autoPause ? '0 (paused when idle: AutoPause)' : min}, high = ${max}`);
  const q: Quantity = { low: autoPause ? 0 : Math.min(min, acu) * hours, expected: acu * hours, high: Math.max(max, acu) * hours };
  ctx.charge(`Serverless v1 capacity (${databaseEngine})`, { serviceCode: 'AmazonRDS', usageType: 'Aurora:ServerlessUsage', filters: { databaseEngine } }, q, { unit: 'ACU-hour', per: 1 });
}
