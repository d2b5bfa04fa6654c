import { RuntimePreference, ServiceRequirements } from '../../requirements';
import { alarmsOfFunction, ALARM_THRESHOLDS, backendServiceAlarms, watched } from '../alarms';
import { decisionIn } from '../decision';
import { ComputeRuntime, DecisionArea, MonitoredResourceKind, ServiceBlockKind } from '../model';
import { onPath, SLA } from '../slas';
import { averageTasks, containerBill, containerPlan, entry, functionBill, functionPlacement, functionPlan, functionUsage, trafficText } from './compute-shapes';
import { WorkloadDesigner } from './designer';
import { runtimesFor } from './request-service';

/**
 * A service only other services call (AWS Copilot's "Backend Service"): no internet-facing
 * entry point. On Lambda, callers invoke the function (IAM); on Fargate, callers reach the tasks
 * by their Cloud Map name inside the VPC (the namespace ECS Service Connect uses).
 */
export const backendServiceDesigner: WorkloadDesigner = {
  runtimes: backendRuntimes,
  design(s, ctx) {
    const runtime = ctx.runtime ?? backendRuntimes(s)[0];
    const requested = (s.runtime ?? RuntimePreference.AUTO) !== RuntimePreference.AUTO;
    const why = s.runtime === RuntimePreference.CONTAINER ? 'the service asks for a container runtime'
      : s.runtime === RuntimePreference.FUNCTION ? 'the service asks for a function runtime' : ctx.runtimeReason;
    if (runtime === ComputeRuntime.FARGATE) {
      const plan = containerPlan(s, ctx, ServiceBlockKind.BACKEND_CONTAINER, false);
      return {
        plan,
        decisions: [decisionIn(DecisionArea.COMPUTE, s.name,
          `ECS Fargate in private subnets, reached at '${s.name}' through a Cloud Map namespace (ECS Service Connect): ${plan.cpuUnits / 1024} vCPU / ${plan.memoryMiB} MiB, ${plan.minTasks}-${plan.maxTasks} tasks, no load balancer`,
          `${why ?? 'containers make the cheaper whole design at this load'}; only other services call it, so it has no internet-facing entry point; ${trafficText(s, plan)}`,
          [{ option: 'AWS Lambda invoked by its callers', whyNot: requested ? 'not the requested runtime' : 'the whole design costs more with it, or it cannot meet the requirements' }])],
        runtimeAlternatives: [[0, ComputeRuntime.LAMBDA]],
      };
    }
    const plan = functionPlan(s, ctx, ServiceBlockKind.BACKEND_FUNCTION, 10, { publicEndpoint: false, throttled: false });
    return {
      plan,
      decisions: [decisionIn(DecisionArea.COMPUTE, s.name, `AWS Lambda (arm64, ${plan.memoryMiB} MiB, ${plan.timeoutSeconds} s timeout) invoked by its callers over IAM; no public endpoint`,
        `${why ?? 'functions cost nothing when idle and callers invoke them directly'}; only other services call it; ${trafficText(s, plan)}` + functionPlacement(plan, ctx),
        [{ option: 'ECS Fargate reached through Cloud Map', whyNot: requested ? 'not the requested runtime' : 'the whole design costs more with it (tasks and NAT run all month whatever the load)' }])],
      runtimeAlternatives: [[0, ComputeRuntime.FARGATE]],
    };
  },
  usage: (plan, t) => plan.runtime === ComputeRuntime.FARGATE
    ? [entry(plan.name, 'Service', { averageTaskCount: averageTasks(plan, t.monthlyRequests) }, `tasks for ${t.monthlyRequests.toLocaleString('en-US')} calls (${t.source})`)]
    : functionUsage(plan, t),
  bill: (plan, azs) => plan.runtime === ComputeRuntime.FARGATE ? containerBill({ ...plan }, azs, false).map((b) => (b.path === 'Service/Service' ? { ...b, path: 'Service' } : b)) : functionBill(plan),
  requestPath: (plan) => (plan.runtime === ComputeRuntime.FARGATE ? [SLA.fargate, SLA.cloudMap] : [SLA.lambda]).map(onPath),
  alarms: (plan) => (plan.runtime === ComputeRuntime.FARGATE
    ? watched(plan.name, MonitoredResourceKind.BACKEND_SERVICE, plan.name, backendServiceAlarms())
    : alarmsOfFunction(plan, ALARM_THRESHOLDS.latencyMs, true)),
};

/** An image means containers, code means a function; otherwise both are designed and the cheaper whole design wins. */
function backendRuntimes(s: ServiceRequirements): ComputeRuntime[] {
  if (s.containerImage && (s.runtime ?? RuntimePreference.AUTO) === RuntimePreference.AUTO) return [ComputeRuntime.FARGATE];
  if (s.codePath && (s.runtime ?? RuntimePreference.AUTO) === RuntimePreference.AUTO) return [ComputeRuntime.LAMBDA];
  return runtimesFor(s, [ComputeRuntime.LAMBDA, ComputeRuntime.FARGATE]);
}
