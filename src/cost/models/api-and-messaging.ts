import { dataTransferOut } from './compute';
import { runsPerMonth } from './schedule-expression';
import { HOUR, ModelContext, PER_MILLION } from '../estimator/context';

const DEFAULT_REQUESTS = 1_000_000;

/** API Gateway v2: HTTP API requests, or WebSocket messages and connection minutes, tiered. */
export function httpApi(ctx: ModelContext): void {
  if (ctx.props.ProtocolType === 'WEBSOCKET') {
    webSocketApi(ctx);
    return;
  }
  if (ctx.props.ProtocolType !== 'HTTP') {
    ctx.unpriced(`${String(ctx.props.ProtocolType ?? 'unknown')} API requests (no figure in the catalog)`);
    return;
  }
  const requests = ctx.usage.get('monthlyRequests', DEFAULT_REQUESTS, 'request-driven default');
  ctx.assume('each request counts once (requests over 512 KB count in 512 KB steps; not modelled)');
  ctx.charge('HTTP API requests', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayHttpRequest' }, ctx.scaled(requests), PER_MILLION);
  dataTransferOut(ctx);
}

function webSocketApi(ctx: ModelContext): void {
  const messages = ctx.usage.get('monthlyRequests', DEFAULT_REQUESTS, 'messages a month, request-driven default');
  const minutes = ctx.usage.get('monthlyConnectionMinutes', 1_000_000, 'connection minutes a month');
  ctx.assume('messages count in 32 KB steps (larger messages not modelled)');
  ctx.charge('WebSocket messages', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayMessage' }, ctx.scaled(messages), { unit: '1M messages', per: 1e6 });
  ctx.charge('Connection minutes', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayMinute' }, ctx.scaled(minutes), { unit: '1M minutes', per: 1e6 });
  dataTransferOut(ctx);
}

/** API Gateway REST API: requests, tiered; cache hours are priced on the stage. */
export function restApi(ctx: ModelContext): void {
  const requests = ctx.usage.get('monthlyRequests', DEFAULT_REQUESTS, 'request-driven default');
  ctx.charge('REST API requests', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayRequest' }, ctx.scaled(requests), PER_MILLION);
  const types: unknown = ctx.props.EndpointConfiguration?.Types;
  if (Array.isArray(types) && types.includes('PRIVATE')) ctx.assume('private API: no data transfer out');
  else dataTransferOut(ctx);
}

/** SQS queue: requests (standard or FIFO); a dead-letter queue defaults to no traffic. */
export function sqsQueue(ctx: ModelContext): void {
  const fifo = ctx.props.FifoQueue === true || ctx.props.FifoQueue === 'true';
  const requests = ctx.template.isDeadLetterQueue(ctx.id)
    ? ctx.usage.get('monthlyRequests', 0, 'dead-letter queue: it only holds failures, no traffic expected')
    : ctx.usage.get('monthlyRequests', DEFAULT_REQUESTS, 'request-driven default');
  ctx.assume('requests are API actions: a message sent, received and deleted is 3 requests; each 64 KB of payload is one request');
  ctx.charge(`${fifo ? 'FIFO' : 'Standard'} queue requests`, { serviceCode: 'AWSQueueService', usageType: fifo ? 'Requests-FIFO-RBP' : 'Requests-RBP' }, ctx.scaled(requests), PER_MILLION);
}

/** SNS topic: publishes; deliveries to SQS and Lambda are free, other deliveries not modelled. */
export function snsTopic(ctx: ModelContext): void {
  if (ctx.props.FifoTopic === true || ctx.props.FifoTopic === 'true') {
    ctx.unpriced('FIFO topic publishes and payload (no figure in the catalog)');
    return;
  }
  const publishes = ctx.usage.get('monthlyRequests', DEFAULT_REQUESTS, 'request-driven default');
  ctx.assume('deliveries to SQS and Lambda are free; email, SMS and HTTP deliveries are not modelled');
  ctx.charge('Publishes', { serviceCode: 'AmazonSNS', usageType: 'Requests-Tier1' }, ctx.scaled(publishes), PER_MILLION);
}

/** EventBridge Scheduler schedule: invocations from its expression. */
export function schedule(ctx: ModelContext): void {
  const given = ctx.usage.explicit('monthlyRequests');
  if (given !== undefined) {
    ctx.charge('Scheduled invocations', { serviceCode: 'AWSEvents', usageType: 'ScheduledInvocation' }, ctx.scaled(given), PER_MILLION);
    return;
  }
  if (ctx.props.State === 'DISABLED') {
    ctx.assume('schedule is DISABLED: no invocations');
    ctx.charge('Scheduled invocations', { serviceCode: 'AWSEvents', usageType: 'ScheduledInvocation' }, ctx.fixed(0), PER_MILLION);
    return;
  }
  const runs = runsPerMonth(ctx.props.ScheduleExpression);
  if (runs === undefined) {
    ctx.unpriced(`invocations (schedule expression ${JSON.stringify(ctx.props.ScheduleExpression)} not understood; give monthlyRequests)`);
    return;
  }
  ctx.assume(`${ctx.props.ScheduleExpression} runs ${Number(runs.toFixed(2))} times in a 730-hour month`);
  ctx.charge('Scheduled invocations', { serviceCode: 'AWSEvents', usageType: 'ScheduledInvocation' }, ctx.fixed(runs), PER_MILLION);
}

/** REST API stage: free, unless it runs a cache cluster (hours by cache size). */
export function restApiStage(ctx: ModelContext): void {
  const enabled = ctx.props.CacheClusterEnabled === true || ctx.props.CacheClusterEnabled === 'true';
  if (!enabled) {
    ctx.free('requests are priced on the REST API; this stage runs no cache');
    return;
  }
  const size = String(ctx.props.CacheClusterSize ?? '0.5');
  if (ctx.props.CacheClusterSize === undefined) ctx.assume('CacheClusterSize not set: 0.5 GB, the API Gateway default');
  ctx.charge(`API cache (${size} GB)`, { serviceCode: 'AmazonApiGateway', usageType: `ApiGatewayCacheUsage:${size}GB` }, ctx.fixed(ctx.hours()), HOUR);
}
