import { alarmsOfFunction, backgroundLatencyMs, queueAlarms, watched } from '../alarms';
import { decisionIn } from '../decision';
import { AlarmMetricSource, ComputeRuntime, DecisionArea, MonitoredResourceKind, ServiceBlockKind } from '../model';
import { onPath, SLA } from '../slas';
import { entry, functionBill, functionPlacement, functionPlan, functionUsage } from './compute-shapes';
import { WorkloadDesigner } from './designer';

/** A function run by EventBridge Scheduler; its runs come from the schedule expression. */
export const scheduledJobDesigner: WorkloadDesigner = {
  runtimes: () => [ComputeRuntime.LAMBDA],
  design(s, ctx) {
    const plan = functionPlan(s, ctx, ServiceBlockKind.SCHEDULED_JOB, 300, { publicEndpoint: false, throttled: false });
    return {
      plan,
      decisions: [decisionIn(DecisionArea.COMPUTE, s.name, `AWS Lambda (arm64, ${plan.memoryMiB} MiB, ${plan.timeoutSeconds} s timeout) invoked by EventBridge Scheduler`,
        `${s.runtime === 'function' ? 'the service asks for a function runtime; ' : ''}runs on '${plan.schedule}', ${plan.runsPerMonth.toLocaleString('en-US')} times a month; `
        + 'nothing runs between runs' + functionPlacement(plan, ctx),
        [{ option: 'ECS Fargate task run by the scheduler', whyNot: 'container jobs are not supported yet; a task needs an image and starts slower, for no gain on a short job' }])],
    };
  },
  usage: (plan, t) => [
    ...functionUsage(plan, t),
    entry(plan.name, 'Schedule', { monthlyRequests: t.monthlyRequests }, `${t.monthlyRequests.toLocaleString('en-US')} runs of '${plan.schedule}'`),
  ],
  bill: (plan) => [...functionBill(plan), { scope: 'Services', block: plan.name, path: 'Schedule', type: 'AWS::Scheduler::Schedule', properties: { ScheduleExpression: plan.schedule } }],
  requestPath: () => [onPath(SLA.lambda)],
  // The scheduler's dead-letter queue holds runs that could not be delivered: its age alarm
  // fires when one has waited five minutes unhandled.
  alarms: (plan) => [
    ...alarmsOfFunction(plan, backgroundLatencyMs(plan), true),
    ...watched(plan.name, MonitoredResourceKind.QUEUE, `${plan.name}-schedule-dlq`, queueAlarms(AlarmMetricSource.DEAD_LETTER_QUEUE, false)),
  ],
};
