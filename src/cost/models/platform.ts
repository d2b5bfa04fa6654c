import { EC2_HOURS } from './compute';
import { blockDevices } from './storage';
import { HOUR, ModelContext, Quantity, times } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

/**
 * EKS cluster control plane, as AWS::EKS::Cluster or the aws-eks construct's
 * Custom::AWSCDK-EKS-Cluster: cluster hours in standard support.
 */
export function eksCluster(ctx: ModelContext): void {
  const version = ctx.props.Version ?? ctx.props.Config?.version;
  ctx.assume(`Kubernetes ${version ?? '(default version)'} in standard support; a version in extended support adds $0.50 a cluster-hour (not modelled)`);
  ctx.assume('worker capacity is priced on its node groups, Auto Scaling groups or Fargate profiles');
  ctx.charge('Cluster control plane', { serviceCode: 'AmazonEKS', usageType: 'AmazonEKS-Hours:perCluster' }, ctx.fixed(ctx.hours()), HOUR);
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
  else ctx.assume(`node disks (${numberProp(p.DiskSize) ?? 20} GB each) are not priced`);
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
  const min = numberProp(p.MinSize) ?? 0;
  const max = numberProp(p.MaxSize) ?? min;
  const desired = numberProp(p.DesiredCapacity) ?? min;
  const count = nodeCount(ctx, min, desired, max);
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
