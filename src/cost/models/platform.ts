import { EC2_HOURS } from './compute';
import { blockDevices } from './storage';
import { HOUR, ModelContext, Quantity, isUnknown, times, untracked } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/**
 * End of EKS standard support per Kubernetes minor version (14 months after release on EKS;
 * extended support runs 12 months more): the EKS version calendar as listed by
 * endoflife.date/amazon-eks. Versions newer than the table are in standard support.
 */
const EKS_STANDARD_SUPPORT_ENDS: { [version: string]: string } = {
  '1.28': '2024-11-26',
  '1.29': '2025-03-23',
  '1.30': '2025-07-23',
  '1.31': '2025-11-26',
  '1.32': '2026-03-23',
  '1.33': '2026-07-29',
  '1.34': '2026-12-02',
  '1.35': '2027-03-27',
};
const OLDEST_LISTED = 28;

/**
 * EKS cluster control plane, as AWS::EKS::Cluster or the aws-eks construct's
 * Custom::AWSCDK-EKS-Cluster: cluster hours, plus extended support for a version past its
 * standard support on the catalog's date (unless the upgrade policy is STANDARD).
 */
export function eksCluster(ctx: ModelContext): void {
  const asOf = ctx.asOf;
  // The version only decides whether extended support applies: a deploy-time version leaves the control plane priced.
  const versionValue = untracked(() => ctx.props.Version ?? ctx.props.Config?.version);
  const supportType = untracked(() => ctx.props.UpgradePolicy?.SupportType ?? ctx.props.Config?.upgradePolicy?.supportType);
  const hours = ctx.hours();
  if (isUnknown(versionValue) || isUnknown(supportType)) {
    ctx.charge('Cluster control plane', { serviceCode: 'AmazonEKS', usageType: 'AmazonEKS-Hours:perCluster' }, ctx.fixed(hours), HOUR);
    ctx.assume(`Version is ${isUnknown(versionValue) ? versionValue.label : 'known'}${isUnknown(supportType) ? `, support type is ${supportType.label}` : ''}: standard support assumed; a version past standard support adds $0.50 a cluster-hour of extended support`);
    return;
  }
  const version = String(versionValue ?? '');
  ctx.charge('Cluster control plane', { serviceCode: 'AmazonEKS', usageType: 'AmazonEKS-Hours:perCluster' }, ctx.fixed(hours), HOUR);
  ctx.assume('worker capacity is priced on its node groups, Auto Scaling groups or Fargate profiles');
  if (supportType === 'STANDARD') {
    ctx.assume('upgrade policy STANDARD: EKS upgrades the cluster when standard support ends, so no extended support is billed');
    return;
  }
  const minor = /^1\.(\d+)/.exec(version);
  if (!minor) {
    ctx.assume(`Kubernetes version ${version ? `'${version}'` : 'not set (the latest)'}: standard support`);
    return;
  }
  const ends = EKS_STANDARD_SUPPORT_ENDS[`1.${minor[1]}`];
  const pastListed = Number(minor[1]) < OLDEST_LISTED;
  if (pastListed || (ends !== undefined && ends < asOf)) {
    ctx.assume(`Kubernetes ${version} is past standard support${ends ? ` (ended ${ends})` : ''} on ${asOf}: extended support adds a charge per cluster-hour`);
    ctx.charge('Extended support', { serviceCode: 'AmazonEKS', usageType: 'AmazonEKS-Hours:extendedSupport' }, ctx.fixed(hours), HOUR);
  } else {
    ctx.assume(`Kubernetes ${version} in standard support on ${asOf}${ends ? ` (until ${ends}; extended support then adds $0.50 a cluster-hour)` : ''}`);
  }
}

/** EKS Fargate profile: the pods it runs are billed as Fargate, at sizes the template does not show. */
export function eksFargateProfile(ctx: ModelContext): void {
  ctx.unpriced('pods on Fargate, billed per pod vCPU and memory (their sizes are not in the template; at least CoreDNS runs there on a Fargate-only cluster)');
}

/** EKS managed node group: its EC2 instances from the scaling configuration. */
export function eksNodegroup(ctx: ModelContext): void {
  const p = ctx.props;
  if (p.CapacityType === 'SPOT') {
    ctx.unpriced('Spot instances (no Spot figure in the catalog)');
    return;
  }
  if (typeof p.AmiType === 'string' && p.AmiType.startsWith('WINDOWS')) {
    ctx.unpriced(`${p.AmiType} nodes (no Windows figure in the catalog)`);
    return;
  }
  const types: unknown[] = Array.isArray(p.InstanceTypes) ? p.InstanceTypes : [];
  const template = ctx.referenced(p.LaunchTemplate?.Id ?? p.LaunchTemplate?.Name);
  const fromTemplate = template?.resource.Properties?.LaunchTemplateData?.InstanceType;
  if (types.length === 0 && p.LaunchTemplate !== undefined && typeof fromTemplate !== 'string') {
    ctx.unpriced('nodes (the launch template and its InstanceType are not in the template)');
    return;
  }
  const type = typeof types[0] === 'string' ? types[0] as string : typeof fromTemplate === 'string' ? fromTemplate : 't3.medium';
  if (types.length === 0 && fromTemplate === undefined) ctx.assume('InstanceTypes not set: t3.medium, the EKS default');
  if (types.length > 1) ctx.assume(`several instance types (${types.join(', ')}): priced as ${type}`);
  const s = p.ScalingConfig ?? {};
  const min = numberProp(s.MinSize) ?? 1;
  const max = numberProp(s.MaxSize) ?? 2;
  const desired = numberProp(s.DesiredSize) ?? 2;
  const count = nodeCount(ctx, min, desired, max);
  ctx.charge(`Nodes (${fmtCount(count)} x ${type})`, EC2_HOURS(type), times(count, ctx.hours()), HOUR);
  if (template) blockDevices(ctx, template.resource.Properties?.LaunchTemplateData?.BlockDeviceMappings, count);
  else ctx.assume(`node root disks (${numberProp(p.DiskSize) ?? 20} GB each, volume type chosen by EKS) are not priced`);
}

/** EC2 Auto Scaling group: instances from its launch template or configuration, desired count within min and max. */
export function autoScalingGroup(ctx: ModelContext): void {
  const p = ctx.props;
  if (p.MixedInstancesPolicy !== undefined) {
    ctx.unpriced('instances of a mixed instances policy (not modelled)');
    return;
  }
  const template = ctx.referenced(p.LaunchTemplate?.LaunchTemplateId ?? p.LaunchTemplate?.LaunchTemplateName);
  const config = ctx.referenced(p.LaunchConfigurationName);
  const data = template?.resource.Properties?.LaunchTemplateData ?? config?.resource.Properties;
  const type = data?.InstanceType;
  if (typeof type !== 'string') {
    ctx.unpriced('instances (the launch template or configuration and its InstanceType are not in the template)');
    return;
  }
  if (data.InstanceMarketOptions?.MarketType === 'spot' || data.SpotPrice !== undefined) {
    ctx.unpriced('Spot instances (no Spot figure in the catalog)');
    return;
  }
  const min = numberProp(p.MinSize);
  const max = numberProp(p.MaxSize);
  if ((min === undefined || max === undefined) && ctx.usage.explicit('averageTaskCount') === undefined) {
    ctx.unpriced('instances (MinSize and MaxSize are not literal numbers in the template; give averageTaskCount)');
    return;
  }
  let desired = numberProp(p.DesiredCapacity);
  if (desired === undefined) {
    desired = Math.min(Math.max(min ?? 1, 1), max ?? 1);
    if ((min ?? 0) === 0) ctx.assume(`DesiredCapacity not set and MinSize 0: ${desired} instance expected (the group scales with its load)`);
  }
  const count = nodeCount(ctx, min ?? desired, desired, max ?? desired);
  ctx.assume('Linux, shared tenancy, on-demand');
  ctx.charge(`Instances (${fmtCount(count)} x ${type})`, EC2_HOURS(type), times(count, ctx.hours()), HOUR);
  blockDevices(ctx, data.BlockDeviceMappings, count);
}

/** Instance count: `averageTaskCount` when given, else desired, ranging from min to max. */
function nodeCount(ctx: ModelContext, min: number, desired: number, max: number): Quantity {
  const expected = ctx.usage.explicit('averageTaskCount') ?? desired;
  ctx.assume(`instances range from ${min} to ${max}; expected ${expected}`);
  return { low: Math.min(min, expected), expected, high: Math.max(max, expected) };
}

function fmtCount(q: Quantity): string {
  return q.low === q.high ? `${q.expected}` : `${q.expected} (${q.low}-${q.high})`;
}
