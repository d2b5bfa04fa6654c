import { restApi, restApiStage } from './api-and-messaging';
import { dataTransferOut, lambdaCharges, lambdaRequests } from './compute';
import { dynamoDbTable } from './data';
import { stateMachine } from './integration';
import { runsPerMonth } from './schedule-expression';
import { ModelContext, PER_MILLION, Quantity } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

// AWS SAM resources (the AWS::Serverless-2016-10-31 transform), priced as what they expand to.
// Globals are not applied: give the properties on each resource for an exact estimate.

interface SamEvent {
  readonly Type?: unknown;
  readonly Properties?: { readonly [key: string]: any };
}

function events(ctx: ModelContext): SamEvent[] {
  const e = ctx.props.Events;
  return e && typeof e === 'object' && !Array.isArray(e) ? Object.values(e as { [k: string]: SamEvent }) : [];
}

/**
 * AWS::Serverless::Function: a Lambda function; its Schedule events give its run count, and
 * Api / HttpApi events without an explicit API create an implicit API priced here by the same requests.
 */
export function samFunction(ctx: ModelContext): void {
  const evs = events(ctx);
  const requests = samRequests(ctx, evs);
  lambdaCharges(ctx, requests);
  const implicitRest = evs.some((e) => e.Type === 'Api' && e.Properties?.RestApiId === undefined);
  const implicitHttp = evs.some((e) => e.Type === 'HttpApi' && e.Properties?.ApiId === undefined);
  if (implicitRest) {
    ctx.assume('Api events without RestApiId: SAM creates an implicit REST API (ServerlessRestApi), priced here at the function\'s requests');
    ctx.charge('Implicit REST API requests', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayRequest' }, requests, PER_MILLION);
  }
  if (implicitHttp) {
    ctx.assume('HttpApi events without ApiId: SAM creates an implicit HTTP API (ServerlessHttpApi), priced here at the function\'s requests');
    ctx.charge('Implicit HTTP API requests', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayHttpRequest' }, requests, PER_MILLION);
  }
  if (implicitRest || implicitHttp) dataTransferOut(ctx);
  const concurrency = numberProp(ctx.props.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions);
  if (concurrency !== undefined) {
    const memoryMb = numberProp(ctx.props.MemorySize) ?? 128;
    const arm = Array.isArray(ctx.props.Architectures) && ctx.props.Architectures[0] === 'arm64';
    ctx.assume(`${concurrency} provisioned environments on the alias SAM creates (AutoPublishAlias), configured all month`);
    ctx.charge(`Provisioned concurrency (${concurrency} x ${memoryMb} MB)`, { serviceCode: 'AWSLambda', usageType: arm ? 'Lambda-Provisioned-Concurrency-ARM' : 'Lambda-Provisioned-Concurrency' },
      ctx.fixed(concurrency * (memoryMb / 1024) * ctx.hours() * 3600), { unit: 'GB-second', per: 1 });
  }
}

/** Requests: given; else the runs of its Schedule / ScheduleV2 events when it has only those; else the Lambda default. */
function samRequests(ctx: ModelContext, evs: SamEvent[]): Quantity {
  if (ctx.usage.explicit('monthlyRequests') !== undefined) return lambdaRequests(ctx);
  const schedules = evs.filter((e) => e.Type === 'Schedule' || e.Type === 'ScheduleV2');
  if (schedules.length > 0 && schedules.length === evs.length) {
    const runs = schedules.map((e) => (e.Properties?.Enabled === false || e.Properties?.State === 'DISABLED' ? 0 : runsPerMonth(e.Properties?.Schedule ?? e.Properties?.ScheduleExpression)));
    if (runs.every((r) => r !== undefined)) {
      const total = runs.reduce((a: number, b) => a + (b as number), 0);
      ctx.assume(`default monthlyRequests = ${Number(total.toFixed(2))}: runs of its Schedule events in a 730-hour month`);
      return ctx.fixed(total);
    }
  }
  return lambdaRequests(ctx);
}

/** AWS::Serverless::Api: a REST API (and its stage's cache, when enabled). */
export function samApi(ctx: ModelContext): void {
  restApi(ctx);
  const enabled = ctx.props.CacheClusterEnabled === true || ctx.props.CacheClusterEnabled === 'true';
  if (enabled) restApiStage(ctx);
}

/** AWS::Serverless::HttpApi: an HTTP API. */
export function samHttpApi(ctx: ModelContext): void {
  const requests = ctx.usage.get('monthlyRequests', 1_000_000, 'request-driven default');
  ctx.assume('each request counts once (requests over 512 KB count in 512 KB steps; not modelled)');
  ctx.charge('HTTP API requests', { serviceCode: 'AmazonApiGateway', usageType: 'ApiGatewayHttpRequest' }, ctx.scaled(requests), PER_MILLION);
  dataTransferOut(ctx);
}

/** AWS::Serverless::SimpleTable: a DynamoDB table, on demand unless ProvisionedThroughput is given. */
export function samSimpleTable(ctx: ModelContext): void {
  dynamoDbTable(ctx, ctx.props.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED');
}

/** AWS::Serverless::StateMachine: a Step Functions state machine (SAM names its type `Type`). */
export function samStateMachine(ctx: ModelContext): void {
  if (ctx.props.Type === undefined) ctx.assume('Type not set: STANDARD');
  stateMachine(ctx, ctx.props.Type);
}
