import { alarmsOfFunction, backgroundLatencyMs, queueAlarms, watched } from '../alarms';
import { decisionIn } from '../decision';
import { AlarmMetricSource, ComputeRuntime, DecisionArea, MonitoredResourceKind, ServiceBlockKind } from '../model';
import { onPath, SLA } from '../slas';
import { entry, functionBill, functionPlacement, functionPlan, functionUsage } from './compute-shapes';
import { WorkloadDesigner } from './designer';

/** A function consuming a queue: its invocations follow the messages its producers send. */
export const queueWorkerDesigner: WorkloadDesigner = {
  runtimes: () => [ComputeRuntime.LAMBDA],
  design(s, ctx) {
    // Without a peak of its own, a worker sees its producers' peak (sizing its reserved concurrency).
    const queue = ctx.consumesQueue;
    const producers = queue ? ctx.requirements.services.filter((p) => p.name !== s.name && (p.dataStores ?? []).includes(queue)) : [];
    const producersPeak = producers.reduce((sum, p) => sum + (p.traffic?.peakRequestsPerSecond ?? 0), 0);
    const sized = s.traffic?.peakRequestsPerSecond === undefined && producersPeak > 0
      ? { ...s, traffic: { ...s.traffic, peakRequestsPerSecond: producersPeak } } : s;
    const plan = functionPlan(sized, ctx, ServiceBlockKind.QUEUE_WORKER, 60, { publicEndpoint: false, throttled: false });
    return {
      plan,
      decisions: [decisionIn(DecisionArea.COMPUTE, s.name, `AWS Lambda (arm64, ${plan.memoryMiB} MiB, ${plan.timeoutSeconds} s timeout) with an SQS event source`,
        `${s.runtime === 'function' ? 'the service asks for a function runtime; ' : ''}work arrives in messages, so the function scales with the queue and partial batch failures are retried`
        + `${plan.consumesQueue ? `; it consumes '${plan.consumesQueue}'` : '; it gets a work queue of its own'}` + functionPlacement(plan, ctx),
        [{ option: 'ECS Fargate worker', whyNot: 'container workers are not supported yet; tasks would also run (and cost) all month whatever the queue holds' }])],
    };
  },
  usage(plan, t) {
    const out = functionUsage(plan, t);
    if (!plan.consumesQueue) {
      out.push(entry(plan.name, 'Queue', { monthlyRequests: 3 * t.monthlyRequests }, `${t.monthlyRequests.toLocaleString('en-US')} messages, three API calls each (send, receive, delete)`));
    }
    return out;
  },
  bill: (plan) => [...functionBill(plan), ...(plan.consumesQueue ? [] : [{ scope: 'Services' as const, block: plan.name, path: 'Queue', type: 'AWS::SQS::Queue', properties: {} }])],
  requestPath: (plan) => [onPath(SLA.lambda), ...(plan.consumesQueue ? [] : [onPath(SLA.sqs)])],
  // The function's failed invocations share its queue's dead-letter queue: the queue store's
  // alarms watch a declared queue's; the function's alarms watch its own queue's.
  alarms: (plan) => [
    ...alarmsOfFunction(plan, backgroundLatencyMs(plan), !plan.consumesQueue),
    ...(plan.consumesQueue ? [] : watched(plan.name, MonitoredResourceKind.QUEUE, `${plan.name}-queue`, queueAlarms(AlarmMetricSource.QUEUE, false))),
  ],
};
