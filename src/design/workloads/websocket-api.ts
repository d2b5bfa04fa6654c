import { alarmsOfFunction, ALARM_THRESHOLDS, tableAlarms, watched, webSocketApiAlarms } from '../alarms';
import { decisionIn } from '../decision';
import { ComputeRuntime, DecisionArea, MonitoredResourceKind, ServiceBlockKind } from '../model';
import { onPath, SLA } from '../slas';
import { entry, functionBill, functionPlacement, functionPlan, trafficText } from './compute-shapes';
import { WorkloadDesigner } from './designer';
import { ASSUMED_DURATION_SECONDS } from '../constants';

/** Messages a client sends over one connection, and minutes it stays connected (documented defaults). */
export const MESSAGES_PER_CONNECTION = 10;
export const MINUTES_PER_CONNECTION = 10;

/**
 * A WebSocket API: API Gateway keeps the connections, one Lambda function handles the
 * $connect, $disconnect and $default routes, and a DynamoDB table holds the connection IDs.
 * Priced by messages and connection minutes; `traffic.monthlyRequests` counts messages.
 */
export const websocketApiDesigner: WorkloadDesigner = {
  runtimes: () => [ComputeRuntime.LAMBDA],
  design(s, ctx) {
    const plan = functionPlan(s, ctx, ServiceBlockKind.WEBSOCKET_API, 10, { publicEndpoint: true, throttled: true });
    return {
      plan,
      decisions: [
        decisionIn(DecisionArea.COMPUTE, s.name, `API Gateway WebSocket API, AWS Lambda route handler (arm64, ${plan.memoryMiB} MiB), DynamoDB connections table`,
          `${trafficText(s, plan).replace('requests', 'messages')}; API Gateway holds the connections, so the function runs only per message, `
          + `connect and disconnect; assuming ${MESSAGES_PER_CONNECTION} messages and ${MINUTES_PER_CONNECTION} minutes per connection; `
          + `stage throttling at ${plan.throttleRatePerSecond}/s (1.5x peak)` + functionPlacement(plan, ctx),
          [{ option: 'ECS Fargate with a WebSocket server behind an ALB', whyNot: 'holds every connection on always-on tasks and needs sticky scaling' }]),
      ],
    };
  },
  usage(plan, t) {
    const connections = Math.round(t.monthlyRequests / MESSAGES_PER_CONNECTION);
    const invocations = t.monthlyRequests + 2 * connections;
    return [
      entry(plan.name, 'Api', { monthlyRequests: t.monthlyRequests, monthlyConnectionMinutes: connections * MINUTES_PER_CONNECTION },
        `${t.monthlyRequests.toLocaleString('en-US')} messages (${t.source}); ${connections.toLocaleString('en-US')} connections of ${MINUTES_PER_CONNECTION} minutes`),
      entry(plan.name, 'Function', { monthlyRequests: invocations, averageDurationMs: ASSUMED_DURATION_SECONDS * 1000 }, 'one invocation per message, connect and disconnect'),
      entry(plan.name, 'Connections', { monthlyWriteRequestUnits: 2 * connections, monthlyReadRequestUnits: t.monthlyRequests, storageGb: 1 },
        'a write per connect and disconnect, a read per message'),
    ];
  },
  bill: (plan) => [
    ...functionBill(plan),
    { scope: 'Services', block: plan.name, path: 'Api', type: 'AWS::ApiGatewayV2::Api', properties: { ProtocolType: 'WEBSOCKET' } },
    { scope: 'Services', block: plan.name, path: 'Connections', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } },
  ],
  requestPath: () => [SLA.apiGateway, SLA.lambda, SLA.dynamoDb].map(onPath),
  alarms: (plan) => [
    ...alarmsOfFunction(plan, ALARM_THRESHOLDS.latencyMs, true),
    ...watched(plan.name, MonitoredResourceKind.TABLE, `${plan.name}-connections`, tableAlarms()),
    ...watched(plan.name, MonitoredResourceKind.WEBSOCKET_API, plan.name, webSocketApiAlarms()),
  ],
};
