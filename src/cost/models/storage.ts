import { GB_MONTH, MONTH, ModelContext, Quantity, times } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/** gp3 volumes include 3,000 IOPS and 125 MiB/s; io2 has a published figure up to 32,000 IOPS. */
const GP3_FREE_IOPS = 3000;
const GP3_FREE_THROUGHPUT = 125;
const IO2_PRICED_IOPS = 32000;

/** Price List volume-type suffixes: io1 is billed as "piops", magnetic has none. */
const STORAGE_USAGE: { [volumeType: string]: string } = {
  gp3: 'EBS:VolumeUsage.gp3',
  gp2: 'EBS:VolumeUsage.gp2',
  io1: 'EBS:VolumeUsage.piops',
  io2: 'EBS:VolumeUsage.io2',
  st1: 'EBS:VolumeUsage.st1',
  sc1: 'EBS:VolumeUsage.sc1',
  standard: 'EBS:VolumeUsage',
};
const IOPS_USAGE: { [volumeType: string]: string } = { io1: 'EBS:VolumeP-IOPS.piops', io2: 'EBS:VolumeP-IOPS.io2' };

interface VolumeSpec {
  readonly label: string;
  readonly sizeGb?: number;
  readonly volumeType?: string;
  readonly iops?: number;
  readonly throughput?: number;
}

/** EBS volume: provisioned GB-months, and IOPS and throughput above what the type includes. */
export function ebsVolume(ctx: ModelContext): void {
  const p = ctx.props;
  let size = numberProp(p.Size);
  if (size === undefined && p.SnapshotId !== undefined) {
    ctx.unpriced('storage (the volume takes its size from a snapshot; give Size)');
    return;
  }
  if (size === undefined) size = 1;
  volume(ctx, { label: 'Volume', sizeGb: size, volumeType: p.VolumeType, iops: numberProp(p.Iops), throughput: numberProp(p.Throughput) }, ctx.fixed(1));
}

/**
 * The EBS volumes of an instance's (or launch template's) block device mappings, times a count
 * of instances. A mapping without a size takes it from the AMI, which the template does not show.
 */
export function blockDevices(ctx: ModelContext, mappings: unknown, count: Quantity): void {
  const list: any[] = Array.isArray(mappings) ? mappings : [];
  const ebs = list.filter((m) => m?.Ebs !== undefined);
  if (ebs.length === 0) {
    ctx.assume('root volume from the AMI: its size is not in the template and is not priced (give BlockDeviceMappings to price it)');
    return;
  }
  for (const m of ebs) {
    const size = numberProp(m.Ebs.VolumeSize);
    if (size === undefined) {
      ctx.unpriced(`EBS volume${m.DeviceName ? ` ${m.DeviceName}` : ''} (size from the AMI or snapshot; give VolumeSize)`);
      continue;
    }
    volume(ctx, { label: `EBS ${m.DeviceName ?? 'volume'}`, sizeGb: size, volumeType: m.Ebs.VolumeType, iops: numberProp(m.Ebs.Iops), throughput: numberProp(m.Ebs.Throughput) }, count);
  }
}

function volume(ctx: ModelContext, v: VolumeSpec, count: Quantity): void {
  const type = v.volumeType ?? 'gp2';
  if (v.volumeType === undefined) ctx.assume(`${v.label}: VolumeType not set, gp2 (the EC2 default)`);
  const storage = STORAGE_USAGE[type];
  if (!storage) {
    ctx.unpriced(`${v.label}: ${type} volume (no figure in the catalog)`);
    return;
  }
  const n = count.expected === 1 && count.low === 1 && count.high === 1 ? '' : ' per instance';
  ctx.charge(`${v.label} (${type}, ${v.sizeGb} GB${n})`, { serviceCode: 'AmazonEC2', usageType: storage }, times(count, v.sizeGb ?? 0), GB_MONTH);
  if (type === 'gp3') {
    const iops = Math.max(0, (v.iops ?? GP3_FREE_IOPS) - GP3_FREE_IOPS);
    const mibps = Math.max(0, (v.throughput ?? GP3_FREE_THROUGHPUT) - GP3_FREE_THROUGHPUT);
    if (iops > 0) ctx.charge(`${v.label}: IOPS above 3,000 (${iops})`, { serviceCode: 'AmazonEC2', usageType: 'EBS:VolumeP-IOPS.gp3' }, times(count, iops), MONTH('IOPS'));
    if (mibps > 0) {
      ctx.charge(`${v.label}: throughput above 125 MiB/s (${mibps} MiB/s)`, { serviceCode: 'AmazonEC2', usageType: 'EBS:VolumeP-Throughput.gp3' },
        times(count, mibps / 1024), { unit: 'MiBps-month', per: 1 / 1024 });
    }
  } else if (IOPS_USAGE[type]) {
    const iops = v.iops ?? 0;
    const priced = type === 'io2' ? Math.min(iops, IO2_PRICED_IOPS) : iops;
    ctx.charge(`${v.label}: provisioned IOPS (${priced})`, { serviceCode: 'AmazonEC2', usageType: IOPS_USAGE[type] }, times(count, priced), MONTH('IOPS'));
    if (priced < iops) ctx.unpriced(`${v.label}: io2 IOPS above 32,000 (${iops - priced}; no figure in the catalog)`);
  } else if (type === 'standard') {
    ctx.unpriced(`${v.label}: magnetic volume I/O requests (not modelled)`);
  }
}

/** EFS file system: stored GB-months in EFS Standard (Regional) or One Zone. */
export function efsFileSystem(ctx: ModelContext): void {
  const oneZone = ctx.props.AvailabilityZoneName !== undefined;
  const gb = ctx.usage.get('storageGb', 1, 'small file system');
  ctx.assume('all data in the Standard class (lifecycle moves to Infrequent Access, which costs less, are not modelled); no provisioned throughput');
  if (ctx.props.ThroughputMode === 'provisioned') ctx.unpriced('provisioned throughput (no figure in the catalog)');
  if (ctx.props.ThroughputMode === 'elastic') ctx.unpriced('elastic throughput, billed per GB read and written (no figure in the catalog)');
  ctx.charge(oneZone ? 'Storage (One Zone)' : 'Storage (Standard)', { serviceCode: 'AmazonEFS', usageType: oneZone ? 'TimedStorage-Z-ByteHrs' : 'TimedStorage-ByteHrs' }, ctx.scaled(gb), GB_MONTH);
}

/** ECR repository: stored image GB-months. */
export function ecrRepository(ctx: ModelContext): void {
  const gb = ctx.usage.get('storageGb', 1, 'a few images');
  ctx.assume('data transfer of image pulls within the region is free; cross-region and internet pulls are not modelled');
  ctx.charge('Image storage', { serviceCode: 'AmazonECR', usageType: 'TimedStorage-ByteHrs' }, ctx.scaled(gb), GB_MONTH);
}
