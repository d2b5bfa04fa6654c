import { RuntimePreference, ServiceRequirements } from '../../requirements';
import { alarmsOfFunction, ALARM_THRESHOLDS, httpApiAlarms, loadBalancedServiceAlarms, watched, webAclAlarms } from '../alarms';
import { decisionIn } from '../decision';
import { ComputeRuntime, DecisionArea, MonitoredResourceKind, ServicePlan, ServiceBlockKind } from '../model';
import { onPath, SLA, SlaComponent } from '../slas';
import { ServiceTraffic } from '../usage-model';
import {
  containerBill, containerPlan, containerUsage, entry, functionBill, functionPlacement, functionPlan, functionUsage, logGroup, SCALE_OUT_UTILISATION,
  trafficText,
} from './compute-shapes';
import { BillEntry, ServiceDesign, UsageEntry, WorkloadContext, WorkloadDesigner } from './designer';
import { ASSUMED_DURATION_SECONDS, REQUESTS_PER_TASK } from '../constants';

const compute = decisionIn.bind(undefined, DecisionArea.COMPUTE);
const edge = decisionIn.bind(undefined, DecisionArea.EDGE);

/**
 * An internet-facing request/response service: a function behind an HTTP API, or Fargate tasks
 * behind an Application Load Balancer (with a web ACL outside development).
 * @param autoRuntimes what RuntimePreference.AUTO considers, cheapest design first among equals
 * @param containerWhy why containers suit this workload, when the requirements leave the runtime open
 */
export function requestServiceDesigner(autoRuntimes: ComputeRuntime[], containerWhy: string): WorkloadDesigner {
  return {
    runtimes: (s) => runtimesFor(s, autoRuntimes),
    design: (s, ctx) => (ctx.runtime ?? runtimesFor(s, autoRuntimes)[0]) === ComputeRuntime.FARGATE
      ? designContainer(s, ctx, containerWhy) : designFunction(s, ctx),
    usage: (plan: ServicePlan, t: ServiceTraffic): UsageEntry[] => plan.runtime === ComputeRuntime.FARGATE ? containerUsage(plan, t) : [
      ...functionUsage(plan, t),
      entry(plan.name, 'HttpApi', { monthlyRequests: t.monthlyRequests, monthlyDataTransferOutGb: t.monthlyResponseGb },
        `${t.monthlyRequests.toLocaleString('en-US')} requests (${t.source}) of ${t.averageResponseSizeKb} KB: ${t.monthlyResponseGb} GB out`),
    ],
    bill: (plan: ServicePlan, azs: number): BillEntry[] => plan.runtime === ComputeRuntime.FARGATE ? containerBill(plan, azs, true) : [
      ...functionBill(plan),
      { scope: 'Services', block: plan.name, path: 'HttpApi', type: 'AWS::ApiGatewayV2::Api', properties: { ProtocolType: 'HTTP' } },
      logGroup(plan.name, 'AccessLogGroup'),
    ],
    requestPath: (plan): SlaComponent[] => (plan.runtime === ComputeRuntime.FARGATE
      ? [SLA.elb, SLA.fargate] : [SLA.apiGateway, SLA.lambda]).map(onPath),
    alarms: (plan) => (plan.runtime === ComputeRuntime.FARGATE ? [
      ...(plan.webApplicationFirewall ? watched(plan.name, MonitoredResourceKind.WEB_ACL, plan.name, webAclAlarms()) : []),
      ...watched(plan.name, MonitoredResourceKind.LOAD_BALANCED_SERVICE, plan.name, loadBalancedServiceAlarms(ALARM_THRESHOLDS.latencyMs)),
    ] : [
      ...alarmsOfFunction(plan, ALARM_THRESHOLDS.latencyMs, true),
      ...watched(plan.name, MonitoredResourceKind.HTTP_API, plan.name, httpApiAlarms(ALARM_THRESHOLDS.latencyMs)),
    ]),
  };
}

export function runtimesFor(s: ServiceRequirements, auto: ComputeRuntime[]): ComputeRuntime[] {
  const pref = s.runtime ?? RuntimePreference.AUTO;
  return pref === RuntimePreference.CONTAINER ? [ComputeRuntime.FARGATE] : pref === RuntimePreference.FUNCTION ? [ComputeRuntime.LAMBDA] : auto;
}

function whyRuntime(s: ServiceRequirements, ctx: WorkloadContext, fallback: string): string {
  const pref = s.runtime ?? RuntimePreference.AUTO;
  if (pref === RuntimePreference.CONTAINER) return 'the service asks for a container runtime';
  if (pref === RuntimePreference.FUNCTION) return 'the service asks for a function runtime';
  return ctx.runtimeReason ?? fallback;
}

function designContainer(s: ServiceRequirements, ctx: WorkloadContext, containerWhy: string): ServiceDesign {
  const plan = containerPlan(s, ctx, ServiceBlockKind.CONTAINER_SERVICE, true);
  const tierMin = plan.minTasks > 1 && ctx.tier !== 'development' ? 2 : 1;
  const requested = (s.runtime ?? RuntimePreference.AUTO) !== RuntimePreference.AUTO;
  return {
    plan,
    decisions: [
      compute(s.name, `ECS Fargate behind an Application Load Balancer: ${plan.cpuUnits / 1024} vCPU / ${plan.memoryMiB} MiB tasks, ${plan.minTasks}-${plan.maxTasks} tasks`,
        `${whyRuntime(s, ctx, containerWhy)}; ${trafficText(s, plan)}; assuming ${REQUESTS_PER_TASK} requests/s per task, ${plan.minTasks} task(s) carry the average and ${plan.maxTasks} cover the peak with 30% headroom`
        + (tierMin > 1 ? `; at least ${tierMin} tasks so a task or AZ failure leaves one serving` : '')
        + `; scale out above ${plan.scaleOutRequestsPerTaskPerMinute} requests per task per minute (${SCALE_OUT_UTILISATION * 100}% of capacity)`,
        [{ option: 'AWS Lambda + HTTP API', whyNot: requested ? 'not the requested runtime' : 'the whole design costs more with it, or it cannot meet the requirements' }]),
      edge(s.name, plan.webApplicationFirewall ? 'internet-facing ALB with a regional WAF web ACL (AWS managed rules, rate limit)' : 'internet-facing ALB, no WAF',
        plan.webApplicationFirewall ? `a public endpoint in ${ctx.tier}${ctx.complianceNames.length ? ` under ${ctx.complianceNames.join(', ')}` : ''}`
          : 'development endpoints are short-lived; WAF adds a fixed monthly cost',
        [{ option: 'CloudFront in front of the ALB', whyNot: 'adds a second edge for a dynamic service; consider it for global users' }]),
    ],
    runtimeAlternatives: [[0, ComputeRuntime.LAMBDA]],
  };
}

function designFunction(s: ServiceRequirements, ctx: WorkloadContext): ServiceDesign {
  const plan = functionPlan(s, ctx, ServiceBlockKind.FUNCTION_API, 10, { publicEndpoint: true, throttled: true });
  const concurrency = Math.ceil(plan.peakRequestsPerSecond * ASSUMED_DURATION_SECONDS);
  const requested = (s.runtime ?? RuntimePreference.AUTO) !== RuntimePreference.AUTO;
  return {
    plan,
    decisions: [
      compute(s.name, `AWS Lambda (arm64, ${plan.memoryMiB} MiB, ${plan.timeoutSeconds} s timeout) behind an API Gateway HTTP API`,
        `${whyRuntime(s, ctx, 'functions need no capacity planning and cost nothing when idle')}; ${trafficText(s, plan)}: the peak needs about ${concurrency} concurrent `
        + `executions at ${ASSUMED_DURATION_SECONDS * 1000} ms each, within the default 1,000 account limit${concurrency > 900 ? ' only with a quota increase' : ''}; `
        + `stage throttling at ${plan.throttleRatePerSecond}/s (1.5x peak), burst ${plan.throttleBurst}` + functionPlacement(plan, ctx),
        [{ option: 'ECS Fargate behind an Application Load Balancer', whyNot: requested ? 'not the requested runtime' : 'the whole design costs more with it (tasks, load balancer, WAF and NAT run all month whatever the load)' }]),
      edge(s.name, 'API Gateway HTTP API endpoint with stage throttling; no WAF', 'HTTP APIs cannot be associated with AWS WAF; throttling limits abuse', [
        { option: 'REST API + regional WAF', whyNot: 'REST API requests cost about 3.5x HTTP API requests, and the web ACL adds its own fee' },
        { option: 'CloudFront + WAF in front of the HTTP API', whyNot: 'needs a web ACL in us-east-1 and a second edge' },
      ]),
    ],
    runtimeAlternatives: [[0, ComputeRuntime.FARGATE]],
  };
}
