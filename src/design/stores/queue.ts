import { queueStoreAlarms } from '../alarms';
import { decisionIn } from '../decision';
import { DataStorePlan, DataStoreTechnology, DecisionArea } from '../model';
import { offPath, SLA } from '../slas';
import { baseStorePlan, StoreDesigner, storeEntry } from './designer';

export const queueDesigner: StoreDesigner = {
  design(s) {
    // The visibility timeout is raised to fit the consumers once the services are planned.
    const plan: DataStorePlan = {
      ...baseStorePlan(s), technology: DataStoreTechnology.SQS_STANDARD, backupRetentionDays: 14, visibilityTimeoutSeconds: 30,
    };
    return {
      plan,
      decision: decisionIn(DecisionArea.DATA, s.name, 'Amazon SQS standard queue with a dead-letter queue (5 receives, 14 days)',
        'at-least-once delivery decouples producers from consumers; failed messages are kept for inspection instead of lost',
        [
          { option: 'SQS FIFO', whyNot: 'ordering was not required and FIFO costs 25% more per request' },
          { option: 'Amazon EventBridge', whyNot: 'a bus fans out events; a queue buffers work for one consumer' },
        ]),
    };
  },
  usage: (plan, t) => (t.messages > 0 ? [storeEntry(plan.name, 'Queue', { monthlyRequests: 3 * t.messages },
    `${t.messages.toLocaleString('en-US')} messages (${t.source}), three API calls each (send, receive, delete)`)] : []),
  bill: (plan) => [{ scope: 'Data', block: plan.name, path: 'Queue', type: 'AWS::SQS::Queue', properties: {} }],
  // A queue decouples: the producer's request does not wait for the work.
  sla: () => [offPath(SLA.sqs)],
  alarms: queueStoreAlarms,
};
