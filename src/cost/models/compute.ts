import { runsPerMonth } from './schedule-expression';
import { blockDevices } from './storage';
import { PriceDimensionRef } from '../catalog/types';
import { GB, HOUR, ModelContext, PER_MILLION, Quantity, isUnknown, times, untracked } from '../estimator/context';
import { enUs } from '../estimator/headline';
import { TemplateIndex, TemplateResource, numberProp } from '../estimator/template-index';

const LAMBDA_DEFAULT_REQUESTS = 1_000_000;
const LAMBDA_DEFAULT_DURATION_MS = 100;

/** Lambda: requests and GB-seconds, x86 or Arm, tiers pooled across the template's functions. */
export function lambdaFunction(ctx: ModelContext): void {
  lambdaCharges(ctx, lambdaRequests(ctx));
}

/** Lambda requests and duration for a given number of invocations. */
export function lambdaCharges(ctx: ModelContext, requests: Quantity): void {
  const arm = Array.isArray(ctx.props.Architectures) && ctx.props.Architectures[0] === 'arm64';
  const arch = arm ? 'Arm' : 'x86';
  let memoryMb = numberProp(ctx.props.MemorySize);
  if (memoryMb === undefined) {
    memoryMb = 128;
    ctx.assume('MemorySize not set: Lambda\'s default of 128 MB');
  }
  const durationMs = ctx.usage.get('averageDurationMs', LAMBDA_DEFAULT_DURATION_MS, 'a typical short request');
  const gbSeconds = times(requests, (durationMs / 1000) * (memoryMb / 1024));
  ctx.assume(`${memoryMb} MB x ${durationMs} ms a request = ${((durationMs / 1000) * (memoryMb / 1024)).toPrecision(6)} GB-s a request (${arch})`);
  ctx.charge(`Requests (${arch})`, { serviceCode: 'AWSLambda', usageType: arm ? 'Request-ARM' : 'Request' }, requests, PER_MILLION);
  ctx.charge(`Duration (${arch}, ${memoryMb} MB)`, { serviceCode: 'AWSLambda', usageType: arm ? 'Lambda-GB-Second-ARM' : 'Lambda-GB-Second' }, gbSeconds, { unit: 'GB-second', per: 1 });
  const ephemeral = numberProp(ctx.props.EphemeralStorage?.Size);
  if (ephemeral !== undefined && ephemeral > 512) {
    const extraGb = (ephemeral - 512) / 1024;
    ctx.charge(`Ephemeral storage above 512 MB (${ephemeral} MB, ${arch})`, { serviceCode: 'AWSLambda', usageType: arm ? 'Lambda-Storage-GB-Second-ARM' : 'Lambda-Storage-GB-Second' },
      times(requests, (durationMs / 1000) * extraGb), { unit: 'GB-second', per: 1 });
  }
}

/**
 * Lambda alias or version: provisioned concurrency (memory x concurrency x hours); otherwise
 * free, its invocations priced on the function.
 */
export function lambdaVersionOrAlias(ctx: ModelContext): void {
  const concurrency = numberProp(ctx.props.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions);
  if (concurrency === undefined) {
    ctx.free('a version or alias costs nothing; invocations are priced on the function');
    return;
  }
  const fn = functionOf(ctx);
  const fp = fn?.resource.Properties ?? {};
  if (!fn) {
    ctx.unpriced(`provisioned concurrency of ${concurrency} (the function and its MemorySize are not in the template)`);
    return;
  }
  const memoryMb = numberProp(fp.MemorySize) ?? 128;
  const arm = Array.isArray(fp.Architectures) && fp.Architectures[0] === 'arm64';
  const target = scalableTarget(ctx.template, ctx.id, 'lambda:function:ProvisionedConcurrency');
  const environments: Quantity = target
    ? { low: Math.min(target.min, concurrency), expected: concurrency, high: Math.max(target.max, concurrency) }
    : ctx.fixed(concurrency);
  if (target) ctx.assume(`provisioned concurrency scales with ${target.id} from ${target.min} to ${target.max}; expected ${concurrency}`);
  ctx.assume(`${concurrency} provisioned environments of ${fn.id} at ${memoryMb} MB (${arm ? 'Arm' : 'x86'}), configured all month`);
  ctx.assume('invocations on provisioned environments are priced at the on-demand duration rate on the function (the provisioned duration rate is lower)');
  ctx.charge(`Provisioned concurrency (${concurrency} x ${memoryMb} MB)`, { serviceCode: 'AWSLambda', usageType: arm ? 'Lambda-Provisioned-Concurrency-ARM' : 'Lambda-Provisioned-Concurrency' },
    times(environments, (memoryMb / 1024) * ctx.hours() * 3600), { unit: 'GB-second', per: 1 });
}

/** The function an alias or version belongs to: FunctionName as a Ref/GetAtt, or through its version. */
function functionOf(ctx: ModelContext): { id: string; resource: TemplateResource } | undefined {
  const direct = ctx.referenced(ctx.props.FunctionName);
  if (direct?.resource.Type === 'AWS::Lambda::Function') return direct;
  const version = ctx.referenced(ctx.props.FunctionVersion);
  const viaVersion = version ? ctx.referenced(version.resource.Properties?.FunctionName) : undefined;
  return viaVersion?.resource.Type === 'AWS::Lambda::Function' ? viaVersion : undefined;
}

/** Invocations: given, or derived from the template (custom-resource handler, schedules), or the default. */
export function lambdaRequests(ctx: ModelContext): Quantity {
  const given = ctx.usage.explicit('monthlyRequests');
  if (given !== undefined) return ctx.scaled(given);
  const referrers = ctx.template.referencedBy(ctx.id);
  if (referrers.some((r) => r.property === 'ServiceToken')) {
    ctx.assume('default monthlyRequests = 0: invoked only by CloudFormation custom resources during deployments');
    return ctx.fixed(0);
  }
  const schedules = referrers.filter((r) => r.type === 'AWS::Scheduler::Schedule' || (r.type === 'AWS::Events::Rule' && r.property === 'Targets'));
  const runs = schedules
    .map((r) => ({ id: r.id, runs: runsPerMonth(ctx.template.get(r.id)?.Properties?.ScheduleExpression) }))
    .filter((s): s is { id: string; runs: number } => s.runs !== undefined);
  if (runs.length > 0) {
    const total = runs.reduce((sum, s) => sum + s.runs, 0);
    ctx.assume(`default monthlyRequests = ${round(total)}: runs of ${runs.map((s) => s.id).join(', ')} in a 730-hour month`);
    return ctx.fixed(total);
  }
  return ctx.scaled(ctx.usage.get('monthlyRequests', LAMBDA_DEFAULT_REQUESTS, 'request-driven default'));
}

/** ECS service on Fargate: vCPU and GB hours from the task definition, count from desired count or autoscaling. */
export function ecsService(ctx: ModelContext): void {
  const p = ctx.props;
  const strategy: Array<{ CapacityProvider?: string }> = Array.isArray(p.CapacityProviderStrategy) ? p.CapacityProviderStrategy : [];
  const providers = strategy.map((s) => s.CapacityProvider);
  if (p.LaunchType === 'EC2' || p.LaunchType === 'EXTERNAL' || (providers.length > 0 && !providers.some((c) => c === 'FARGATE' || c === 'FARGATE_SPOT'))) {
    ctx.free('tasks run on EC2 or external capacity, priced with those instances');
    return;
  }
  if (p.LaunchType !== 'FARGATE' && providers.length === 0) ctx.assume('no launch type or capacity provider: Fargate assumed');
  if (providers.includes('FARGATE_SPOT')) ctx.unpriced('Fargate Spot share of the tasks (no Spot figure in the catalog; priced as on-demand Fargate)');
  const taskDef = ctx.referenced(p.TaskDefinition);
  const tp = taskDef?.resource.Properties ?? {};
  const cpu = numberProp(tp.Cpu);
  const memory = numberProp(tp.Memory);
  if (!taskDef || cpu === undefined || memory === undefined) {
    ctx.unpriced('vCPU and memory (the task definition and its Cpu/Memory are not in the template)');
    return;
  }
  if (tp.RuntimePlatform?.OperatingSystemFamily && tp.RuntimePlatform.OperatingSystemFamily !== 'LINUX') {
    ctx.unpriced(`Fargate on ${tp.RuntimePlatform.OperatingSystemFamily} (no figure in the catalog)`);
    return;
  }
  const arm = tp.RuntimePlatform?.CpuArchitecture === 'ARM64';
  const vcpu = cpu / 1024;
  const gb = memory / 1024;
  const tasks = taskCount(ctx);
  const hours = ctx.hours();
  ctx.assume(`task size from ${taskDef.id}: ${vcpu} vCPU, ${gb} GB (${arm ? 'Linux/Arm' : 'Linux/x86'})`);
  const taskHours = times(tasks, hours);
  ctx.charge(`Fargate vCPU (${vcpu} vCPU x ${fmt(tasks)} tasks)`, { serviceCode: 'AmazonECS', usageType: arm ? 'Fargate-ARM-vCPU-Hours:perCPU' : 'Fargate-vCPU-Hours:perCPU' }, times(taskHours, vcpu), { unit: 'vCPU-hour', per: 1 });
  ctx.charge(`Fargate memory (${gb} GB x ${fmt(tasks)} tasks)`, { serviceCode: 'AmazonECS', usageType: arm ? 'Fargate-ARM-GB-Hours' : 'Fargate-GB-Hours' }, times(taskHours, gb), { unit: 'GB-hour', per: 1 });
  const storage = numberProp(tp.EphemeralStorage?.SizeInGiB);
  if (storage !== undefined && storage > 20) ctx.unpriced(`ephemeral storage above 20 GB (${storage} GB)`);
  if (p.NetworkConfiguration?.AwsvpcConfiguration?.AssignPublicIp === 'ENABLED') {
    ctx.charge('Public IPv4 address (one per task)', { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress' }, taskHours, HOUR);
  }
}

function taskCount(ctx: ModelContext): Quantity {
  const desired = numberProp(ctx.props.DesiredCount);
  const given = ctx.usage.explicit('averageTaskCount');
  const target = scalableTarget(ctx.template, ctx.id, 'ecs:service:DesiredCount');
  if (target) {
    const expected = given ?? Math.min(Math.max(desired ?? target.min, target.min), target.max);
    ctx.assume(`task count ranges over the autoscaling target ${target.id}: low = ${target.min}, high = ${target.max}, expected = ${expected}${given === undefined ? ' (desired count)' : ''}`);
    return { low: Math.min(target.min, expected), expected, high: Math.max(target.max, expected) };
  }
  if (given !== undefined) return ctx.scaled(given);
  if (desired === undefined) ctx.assume('DesiredCount not set: 1 task');
  else ctx.assume(`task count = DesiredCount ${desired} (no autoscaling)`);
  return ctx.fixed(desired ?? 1);
}

/** The Application Auto Scaling target of a resource, found by its logical ID in ResourceId. */
export function scalableTarget(template: TemplateIndex, id: string, dimension: string): { id: string; min: number; max: number } | undefined {
  for (const r of template.referencedBy(id, 'AWS::ApplicationAutoScaling::ScalableTarget', 'ResourceId')) {
    const p = template.get(r.id)?.Properties ?? {};
    const min = numberProp(p.MinCapacity);
    const max = numberProp(p.MaxCapacity);
    if (p.ScalableDimension === dimension && min !== undefined && max !== undefined) return { id: r.id, min, max };
  }
  return undefined;
}

/** EC2 instance: on-demand hours for Linux, shared tenancy, and the EBS volumes its block device mappings size. */
export function ec2Instance(ctx: ModelContext): void {
  const type = typeof ctx.props.InstanceType === 'string' ? ctx.props.InstanceType : 'm1.small';
  if (ctx.props.InstanceType === undefined) ctx.assume('InstanceType not set: CloudFormation\'s default m1.small');
  ctx.assume('Linux, shared tenancy, on-demand');
  ctx.charge(`Instance (${type})`, EC2_HOURS(type), ctx.fixed(ctx.hours()), HOUR);
  // Whether the subnet maps public addresses refines the estimate; an unknown subnet does not make the instance unpriced.
  const publicIp = untracked(() => instancePublicIpv4(ctx));
  if (publicIp) {
    ctx.assume(`public IPv4 address: ${publicIp}`);
    ctx.charge('Public IPv4 address', { serviceCode: 'AmazonVPC', usageType: 'PublicIPv4:InUseAddress' }, ctx.fixed(ctx.hours()), HOUR);
  }
  blockDevices(ctx, ctx.props.BlockDeviceMappings, ctx.fixed(1));
  dataTransferOut(ctx);
}

/**
 * Why an instance gets an auto-assigned public IPv4 address (charged like any other), or
 * undefined: a network interface that asks for one, a subnet that maps one on launch, or no
 * subnet at all (the default VPC's subnets map one).
 */
function instancePublicIpv4(ctx: ModelContext): string | undefined {
  const interfaces: any[] = Array.isArray(ctx.props.NetworkInterfaces) ? ctx.props.NetworkInterfaces : [];
  const asked = interfaces.find((n) => n?.AssociatePublicIpAddress !== undefined);
  if (asked) return asked.AssociatePublicIpAddress === true || asked.AssociatePublicIpAddress === 'true' ? 'its network interface sets AssociatePublicIpAddress' : undefined;
  const subnetValue = ctx.props.SubnetId ?? interfaces.find((n) => n?.SubnetId !== undefined)?.SubnetId;
  if (subnetValue === undefined) return 'no SubnetId: launched in the default VPC, whose subnets assign public IPv4 addresses';
  if (isUnknown(subnetValue)) {
    ctx.assume(`SubnetId is ${subnetValue.label}: no public IPv4 address assumed`);
    return undefined;
  }
  const subnet = ctx.referenced(subnetValue);
  if (subnet?.resource.Type !== 'AWS::EC2::Subnet') return undefined;
  const map = subnet.resource.Properties?.MapPublicIpOnLaunch;
  return map === true || map === 'true' ? `its subnet ${subnet.id} sets MapPublicIpOnLaunch` : undefined;
}

/** The Price List identity of Linux on-demand instance hours. */
export function EC2_HOURS(type: string): PriceDimensionRef {
  return { serviceCode: 'AmazonEC2', usageType: `BoxUsage:${type}`, filters: { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' } };
}

/** Internet data transfer out, charged only when the usage gives it. */
export function dataTransferOut(ctx: ModelContext): void {
  const gb = ctx.usage.explicit('monthlyDataTransferOutGb');
  if (gb === undefined) {
    ctx.assume('no data transfer out to the internet assumed (give monthlyDataTransferOutGb)');
    return;
  }
  ctx.charge('Data transfer out to the internet', { serviceCode: 'AWSDataTransfer', usageType: 'DataTransfer-Out-Bytes' }, ctx.scaled(gb), GB);
}

export function fmt(q: Quantity): string {
  return q.low === q.high ? `${round(q.expected)}` : `${round(q.low)}-${round(q.high)}, expected ${round(q.expected)}`;
}

export function round(n: number): string {
  return enUs(Number(n.toFixed(2)));
}

