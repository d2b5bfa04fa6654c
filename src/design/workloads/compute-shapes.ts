import { EnvironmentTier, ServiceRequirements } from '../../requirements';
import {
  ASSUMED_DURATION_SECONDS, DEFAULT_MONTHLY_REQUESTS, DEFAULT_PEAK_RPS, DEFAULT_RESPONSE_KB, DEFAULT_SCHEDULE, REQUESTS_PER_TASK,
  SECONDS_PER_MONTH,
} from '../constants';
import { ComputeRuntime, ServiceBlockKind, ServicePlan } from '../model';
import { ServiceTraffic } from '../usage-model';
import { BillEntry, UsageEntry, WorkloadContext } from './designer';
import { runsPerMonth } from '../../cost/models/schedule-expression';

/** Share of a task's assumed capacity at which autoscaling adds tasks. */
export const SCALE_OUT_UTILISATION = 0.7;
/** Smallest concurrency reserved for a function when a framework asks for a limit. */
const MIN_RESERVED_CONCURRENCY = 5;
/** ALB capacity unit dimensions (per LCU): new connections/s, active connections/min, GB processed/h, rule evaluations/s. */
const LCU = { newConnectionsPerSecond: 25, activeConnectionsPerMinute: 3000, processedGbPerHour: 1, ruleEvaluationsPerSecond: 1000 };
/** Seconds a client keeps its connection open (keep-alive), for the active-connections dimension. */
const CONNECTION_SECONDS = 10;
/** Request size in KB that comes in with each response, for the processed-bytes dimension. */
const REQUEST_KB = 1;

/** The figures every service plan starts from. */
export function basePlan(s: ServiceRequirements, ctx: WorkloadContext) {
  const schedule = s.schedule ?? DEFAULT_SCHEDULE;
  const runs = Math.round((runsPerMonth(schedule) ?? 0) * 10) / 10;
  return {
    name: s.name,
    workload: s.workload,
    calls: s.calls ?? [],
    hostName: s.hostName,
    auth: s.auth,
    containerUser: s.containerUser,
    readWriteStores: s.dataStores ?? [],
    readOnlyStores: s.readOnlyDataStores ?? [],
    consumesQueue: ctx.consumesQueue,
    containerImage: s.containerImage,
    codePath: s.codePath,
    handler: s.handler ?? 'index.handler',
    scaleOutRequestsPerTaskPerMinute: 0,
    containerPort: 0,
    healthCheckPath: '',
    monthlyRequests: s.traffic?.monthlyRequests ?? DEFAULT_MONTHLY_REQUESTS,
    peakRequestsPerSecond: s.traffic?.peakRequestsPerSecond ?? DEFAULT_PEAK_RPS,
    averageResponseSizeKb: s.traffic?.averageResponseSizeKb ?? DEFAULT_RESPONSE_KB,
    runsPerMonth: 0,
    ...(s.workload === 'scheduled-job' ? { schedule, runsPerMonth: runs, monthlyRequests: runs } : {}),
  };
}

/** Fargate tasks sized from the traffic: at least two outside development, enough for the average, the peak with 30% headroom. */
export function containerPlan(s: ServiceRequirements, ctx: WorkloadContext, block: ServiceBlockKind, publicEndpoint: boolean): ServicePlan {
  const base = basePlan(s, ctx);
  const small = ctx.tier === EnvironmentTier.DEVELOPMENT;
  const avgRps = base.monthlyRequests / SECONDS_PER_MONTH;
  const minTasks = Math.max(small ? 1 : 2, Math.ceil(avgRps / REQUESTS_PER_TASK));
  const maxTasks = Math.max(minTasks * 2, Math.ceil((base.peakRequestsPerSecond * 1.3) / REQUESTS_PER_TASK));
  return {
    ...base,
    runtime: ComputeRuntime.FARGATE,
    block,
    memoryMiB: small ? 512 : 1024,
    cpuUnits: small ? 256 : 512,
    minTasks,
    maxTasks,
    // Scale out at 70% of what a task is assumed to serve; the ALB metric counts per minute.
    scaleOutRequestsPerTaskPerMinute: Math.round(REQUESTS_PER_TASK * 60 * SCALE_OUT_UTILISATION),
    containerPort: s.containerPort ?? 80,
    healthCheckPath: s.healthCheckPath ?? '/',
    timeoutSeconds: 60,
    inVpc: true,
    usesPlaceholder: !s.containerImage,
    publicEndpoint,
    webApplicationFirewall: publicEndpoint && (ctx.tier !== EnvironmentTier.DEVELOPMENT || ctx.complianceNames.length > 0),
  };
}

/** An arm64 function of 512 MiB; in the VPC when it reaches VPC stores or a framework expects it. */
export function functionPlan(s: ServiceRequirements, ctx: WorkloadContext, block: ServiceBlockKind, timeoutSeconds: number,
  options: { publicEndpoint: boolean; throttled: boolean }): ServicePlan {
  const base = basePlan(s, ctx);
  const rate = options.throttled ? Math.ceil(base.peakRequestsPerSecond * 1.5) : undefined;
  return {
    ...base,
    runtime: ComputeRuntime.LAMBDA,
    block,
    memoryMiB: 512,
    cpuUnits: 0,
    minTasks: 0,
    maxTasks: 0,
    timeoutSeconds,
    throttleRatePerSecond: rate,
    throttleBurst: rate ? rate * 2 : undefined,
    // Twice the estimated peak concurrency, at least 5 (SQS event sources poll with 5 at first).
    reservedConcurrency: ctx.complianceNames.length > 0
      ? Math.max(MIN_RESERVED_CONCURRENCY, Math.ceil(base.peakRequestsPerSecond * ASSUMED_DURATION_SECONDS * 2)) : undefined,
    inVpc: ctx.vpcStoresUsed.length > 0 || ctx.complianceNames.length > 0,
    usesPlaceholder: !s.codePath,
    publicEndpoint: options.publicEndpoint,
    webApplicationFirewall: false,
  };
}

/** Rationale clauses a function plan shares: reserved concurrency and VPC placement. */
export function functionPlacement(plan: ServicePlan, ctx: WorkloadContext): string {
  return (plan.reservedConcurrency ? `; ${plan.reservedConcurrency} reserved concurrent executions (twice the estimated peak), which `
    + `${ctx.complianceNames.join(', ')} asks for: they bound the function and are taken from the account's pool of 1,000` : '')
    + (plan.inVpc ? `; runs in the VPC because ${ctx.vpcStoresUsed.length ? `it reaches ${ctx.vpcStoresUsed.join(', ')}` : `${ctx.complianceNames.join(', ')} expects functions inside a VPC`}` : '');
}

export function trafficText(s: ServiceRequirements, plan: ServicePlan): string {
  const avg = plan.monthlyRequests / SECONDS_PER_MONTH;
  return `${plan.monthlyRequests.toLocaleString('en-US')} requests/month (average ${round(avg)}/s), peak ${plan.peakRequestsPerSecond}/s`
    + (s.traffic ? '' : ' (defaults: no traffic was given)');
}

/** Average ALB capacity units: the largest of its four dimensions, at least 0.1. */
export function averageLcu(monthlyRequests: number, averageResponseSizeKb: number, ruleEvaluationsPerRequest = 0): number {
  const rps = monthlyRequests / SECONDS_PER_MONTH;
  const processedGbPerHour = (monthlyRequests * (averageResponseSizeKb + REQUEST_KB)) / (1024 * 1024) / (SECONDS_PER_MONTH / 3600);
  return Math.max(0.1,
    rps / LCU.newConnectionsPerSecond,
    (rps * CONNECTION_SECONDS) / LCU.activeConnectionsPerMinute,
    processedGbPerHour / LCU.processedGbPerHour,
    (rps * ruleEvaluationsPerRequest) / LCU.ruleEvaluationsPerSecond);
}

export function averageTasks(plan: ServicePlan, monthlyRequests: number): number {
  return Math.min(plan.maxTasks, Math.max(plan.minTasks, Math.ceil(monthlyRequests / SECONDS_PER_MONTH / REQUESTS_PER_TASK)));
}

export function entry(block: string, path: string, usage: UsageEntry['usage'], why: string): UsageEntry {
  return { scope: 'Services', block, path, usage, why };
}

/** Usage of a function invoked once per request, message or run. */
export function functionUsage(plan: ServicePlan, t: ServiceTraffic): UsageEntry[] {
  return [entry(plan.name, 'Function', { monthlyRequests: t.monthlyRequests, averageDurationMs: ASSUMED_DURATION_SECONDS * 1000 },
    `${t.monthlyRequests.toLocaleString('en-US')} invocations (${t.source}) of ${ASSUMED_DURATION_SECONDS * 1000} ms`)];
}

/** Usage of a load-balanced container service and its web ACL. */
export function containerUsage(plan: ServicePlan, t: ServiceTraffic): UsageEntry[] {
  const lcu = round2(averageLcu(t.monthlyRequests, t.averageResponseSizeKb));
  const tasks = averageTasks(plan, t.monthlyRequests);
  const traffic = `${t.monthlyRequests.toLocaleString('en-US')} requests (${t.source}) of ${t.averageResponseSizeKb} KB`;
  const out = [
    entry(plan.name, 'Service/LB', { averageLcu: lcu, monthlyDataTransferOutGb: t.monthlyResponseGb },
      `${traffic}: ${lcu} LCU on average (the largest of new connections, active connections, processed bytes and rule evaluations), ${t.monthlyResponseGb} GB out`),
    entry(plan.name, 'Service/Service', { averageTaskCount: tasks }, `${tasks} task(s) on average for ${traffic} at ${REQUESTS_PER_TASK}/s per task`),
  ];
  if (plan.webApplicationFirewall) {
    out.push({ scope: 'Edge', block: `${plan.name}-waf`, path: 'WebAcl', usage: { monthlyRequests: t.monthlyRequests }, why: `the web ACL inspects the ${traffic} it fronts` });
  }
  return out;
}

export function logGroup(block: string, path: string, scope: BillEntry['scope'] = 'Services'): BillEntry {
  return { scope, block, path, type: 'AWS::Logs::LogGroup', properties: {} };
}

export function functionBill(plan: ServicePlan): BillEntry[] {
  return [
    { scope: 'Services', block: plan.name, path: 'Function', type: 'AWS::Lambda::Function', properties: { MemorySize: plan.memoryMiB, Architectures: ['arm64'] } },
    logGroup(plan.name, 'LogGroup'),
  ];
}

export function containerBill(plan: ServicePlan, azs: number, internetFacing: boolean): BillEntry[] {
  const out: BillEntry[] = [
    { scope: 'Services', block: plan.name, path: 'Cluster', type: 'AWS::ECS::Cluster', properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
    { scope: 'Services', block: plan.name, path: 'TaskDefinition', type: 'AWS::ECS::TaskDefinition', properties: { Cpu: String(plan.cpuUnits), Memory: String(plan.memoryMiB), RequiresCompatibilities: ['FARGATE'] } },
    { scope: 'Services', block: plan.name, path: 'Service/Service', type: 'AWS::ECS::Service', properties: { LaunchType: 'FARGATE', DesiredCount: plan.minTasks, TaskDefinition: { Ref: 'TaskDefinition' } } },
    logGroup(plan.name, 'LogGroup'),
  ];
  if (internetFacing) {
    out.push({
      scope: 'Services',
      block: plan.name,
      path: 'Service/LB',
      type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      properties: { Type: 'application', Scheme: 'internet-facing', Subnets: Array.from({ length: azs }, (_, i) => `subnet-${i}`) },
    });
  }
  if (plan.webApplicationFirewall) {
    out.push({ scope: 'Edge', block: `${plan.name}-waf`, path: 'WebAcl', type: 'AWS::WAFv2::WebACL', properties: { Scope: 'REGIONAL', Rules: [{}, {}, {}, {}] } });
    out.push(logGroup(`${plan.name}-waf`, 'LogGroup', 'Edge'));
  }
  return out;
}

export function round(n: number): string {
  return n >= 10 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(2);
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
