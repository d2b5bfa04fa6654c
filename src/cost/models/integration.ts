import { GB, HOUR, MONTH, ModelContext, PER_MILLION } from '../estimator/context';
import { numberProp } from '../estimator/template-index';

const DEFAULT_EXECUTIONS = 10_000;
const TRANSITIONS_PER_EXECUTION = 10;
/** Express workflows are billed in 64 MB memory steps; the estimate assumes the smallest. */
const EXPRESS_MEMORY_GB = 64 / 1024;

/** Step Functions state machine: Standard state transitions, or Express requests and duration. */
export function stateMachine(ctx: ModelContext, type: unknown = ctx.props.StateMachineType): void {
  const express = type === 'EXPRESS';
  const executions = ctx.usage.get('monthlyRequests', DEFAULT_EXECUTIONS, 'executions a month, a light workflow');
  if (express) {
    const durationMs = ctx.usage.get('averageDurationMs', 100, 'a short workflow');
    ctx.assume(`each execution uses 64 MB for ${durationMs} ms (billed in 100 ms and 64 MB steps; more memory is not modelled)`);
    ctx.charge('Express requests', { serviceCode: 'AmazonStates', usageType: 'StepFunctions-Request' }, ctx.scaled(executions), PER_MILLION);
    const gbSeconds = executions * (Math.ceil(durationMs / 100) / 10) * EXPRESS_MEMORY_GB;
    ctx.charge('Express duration', { serviceCode: 'AmazonStates', usageType: 'StepFunctions-GB-Second' }, ctx.scaled(gbSeconds), { unit: 'GB-second', per: 1 });
    return;
  }
  const transitions = ctx.usage.explicit('monthlyStateTransitions');
  const count = transitions ?? executions * TRANSITIONS_PER_EXECUTION;
  if (transitions === undefined) ctx.assume(`default monthlyStateTransitions = ${TRANSITIONS_PER_EXECUTION} per execution = ${count}`);
  ctx.charge('State transitions (Standard)', { serviceCode: 'AmazonStates', usageType: 'StateTransition' }, ctx.scaled(count), { unit: '1,000 transitions', per: 1000 });
}

/** Kinesis data stream: provisioned shard hours and PUT payload units, or on-demand stream hours and GB. */
export function kinesisStream(ctx: ModelContext): void {
  const onDemand = ctx.props.StreamModeDetails?.StreamMode === 'ON_DEMAND';
  if (onDemand) {
    const gb = ctx.usage.get('monthlyDataProcessedGb', 1, 'light ingestion');
    ctx.assume('on-demand: one consumer reads every record once (standard, not enhanced fan-out)');
    ctx.charge('Stream hours (on-demand)', { serviceCode: 'AmazonKinesis', usageType: 'OnDemand-StreamHour' }, ctx.fixed(ctx.hours()), HOUR);
    ctx.charge('Data ingested', { serviceCode: 'AmazonKinesis', usageType: 'OnDemand-BilledIncomingBytes' }, ctx.scaled(gb), GB);
    ctx.charge('Data retrieved', { serviceCode: 'AmazonKinesis', usageType: 'OnDemand-BilledOutgoingBytes' }, ctx.scaled(gb), GB);
    return;
  }
  let shards = numberProp(ctx.props.ShardCount);
  if (shards === undefined) {
    shards = 1;
    ctx.assume('ShardCount not set: 1 shard');
  }
  const records = ctx.usage.get('monthlyRequests', 1_000_000, 'records put a month');
  ctx.assume('each record is at most 25 KB (one PUT payload unit); extended retention is not modelled');
  ctx.charge(`Shard hours (${shards} shards)`, { serviceCode: 'AmazonKinesis', usageType: 'Storage-ShardHour' }, ctx.fixed(shards * ctx.hours()), { unit: 'shard-hour', per: 1 });
  ctx.charge('PUT payload units', { serviceCode: 'AmazonKinesis', usageType: 'PutRequestPayloadUnits' }, ctx.scaled(records), { unit: '1M units', per: 1e6 });
}

/** EventBridge custom event bus: events put on it. */
export function eventBus(ctx: ModelContext): void {
  if (typeof ctx.props.EventSourceName === 'string') ctx.assume('partner event bus: partner events are priced like custom events');
  const events = ctx.usage.get('monthlyRequests', 1_000_000, 'events put a month');
  ctx.assume('each event is at most 64 KB; events from AWS services are free and not counted');
  ctx.charge('Events published', { serviceCode: 'AWSEvents', usageType: 'Event-64K-Chunks' }, ctx.scaled(events), { unit: '1M events', per: 1e6 });
}

/** Route 53 hosted zone: the zone a month, and standard queries to it. */
export function hostedZone(ctx: ModelContext): void {
  const queries = ctx.usage.get('monthlyRequests', 1_000_000, 'standard queries a month');
  ctx.assume('the zone is among the account\'s first 25 (later zones cost less); queries for alias records to AWS resources are free');
  ctx.charge('Hosted zone', { serviceCode: 'AmazonRoute53', usageType: 'HostedZone' }, ctx.fixed(1), MONTH('zone'));
  ctx.charge('Standard queries', { serviceCode: 'AmazonRoute53', usageType: 'DNS-Queries' }, ctx.scaled(queries), { unit: '1M queries', per: 1e6 });
}

/** Transit Gateway VPC attachment: attachment hours and GB processed. */
export function transitGatewayAttachment(ctx: ModelContext): void {
  const gb = ctx.usage.get('monthlyDataProcessedGb', 1, 'light traffic through the attachment');
  ctx.charge('Attachment hours', { serviceCode: 'AmazonVPC', usageType: 'TransitGateway-Hours' }, ctx.fixed(ctx.hours()), HOUR);
  ctx.charge('Data processed', { serviceCode: 'AmazonVPC', usageType: 'TransitGateway-Bytes' }, ctx.scaled(gb), GB);
}
