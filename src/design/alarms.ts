import {
  AlarmComparison, AlarmDefinition, AlarmMetric, AlarmMetricSource, AlarmMissingData, DataStorePlan, MonitoredResourceKind, ServicePlan,
} from './model';

/**
 * Which alarms each kind of resource gets, as data: the designers call these for their plans,
 * the stack builds exactly what they return (`Observability` only resolves the dimensions from
 * the built constructs) and the design report lists the same list.
 */

/** Thresholds and periods of the application's alarms. */
export const ALARM_THRESHOLDS = {
  periodSeconds: 300,
  /** p99 latency of request-serving compute (functions behind an API, load balancers, HTTP APIs). */
  latencyMs: 1000,
  /** Background work (queue batches, scheduled runs) alarms when its p99 nears the timeout. */
  backgroundLatencyFractionOfTimeout: 0.8,
  cpuPercent: 80,
  memoryPercent: 80,
  queueMaxAgeSeconds: 300,
  acuNearMaxFraction: 0.9,
  freeLocalStorageMinBytes: 512 * 1024 * 1024,
  distribution5xxPercent: 5,
  clientErrorPercent: 10,
  blockedRequestPercent: 10,
  /** Requests in a period below which rate alarms stay quiet (a few errors in little traffic are noise). */
  minimumRequestsForRate: 100,
  /** Sustained conditions (latency, CPU, capacity) must hold this many periods. */
  sustainedPeriods: 3,
  /** Backend containers have no load balancer: CPU and memory sustained above this. */
  backendServicePercent: 85,
  webSocketIntegrationErrors: 5,
  webSocketClientErrors: 100,
};

const T = ALARM_THRESHOLDS;

/** The alarm without its owner: what the catalog functions below return. */
type Spec = Omit<AlarmDefinition, 'subject' | 'resourceKind' | 'resourceName' | 'comparison' | 'evaluationPeriods' | 'missingData'>
  & Partial<Pick<AlarmDefinition, 'comparison' | 'evaluationPeriods' | 'missingData'>>;

/** The specs as alarms of one watched resource of a service or store. */
export function watched(subject: string, kind: MonitoredResourceKind, resourceName: string, specs: Spec[]): AlarmDefinition[] {
  return specs.map((s) => ({
    subject,
    resourceKind: kind,
    resourceName,
    ...s,
    comparison: s.comparison ?? AlarmComparison.GREATER_THAN,
    evaluationPeriods: s.evaluationPeriods ?? 1,
    missingData: s.missingData ?? AlarmMissingData.NOT_BREACHING,
  }));
}

function metric(source: AlarmMetricSource, namespace: string, metricName: string, statistic: string,
  extra: Partial<Pick<AlarmMetric, 'id' | 'dimensions' | 'node' | 'region'>> = {}): AlarmMetric {
  return { id: 'm', namespace, metricName, statistic, periodSeconds: T.periodSeconds, source, ...extra };
}

function nonZero(id: string, m: AlarmMetric, what: string): Spec {
  return { id, metrics: [m], threshold: 0, condition: `${what} > 0` };
}

function latency(m: AlarmMetric, threshold: number, what: string): Spec {
  return { id: 'Latency', metrics: [m], threshold, condition: `${what} > ${threshold}`, evaluationPeriods: T.sustainedPeriods };
}

function cpu(id: string, metrics: AlarmMetric[], expression?: string): Spec {
  return { id, metrics, expression, threshold: T.cpuPercent, condition: `CPU > ${T.cpuPercent}%`, evaluationPeriods: T.sustainedPeriods };
}

/** `100 * part / total` when total reaches the minimum, else 0. */
function rate(id: string, part: AlarmMetric, total: AlarmMetric, threshold: number, what: string): Spec {
  return {
    id,
    metrics: [{ ...part, id: 'part' }, { ...total, id: 'total' }],
    expression: `IF(total >= ${T.minimumRequestsForRate}, 100 * part / total, 0)`,
    threshold,
    condition: `${what} > ${threshold}% (with at least ${T.minimumRequestsForRate} requests)`,
  };
}

const S = AlarmMetricSource;
const LAMBDA = (name: string, statistic: string) => metric(S.FUNCTION, 'AWS/Lambda', name, statistic);
const HTTP_API = (name: string, statistic: string) => metric(S.HTTP_API, 'AWS/ApiGateway', name, statistic);
const ELB = (source: AlarmMetricSource, name: string, statistic: string) => metric(source, 'AWS/ApplicationELB', name, statistic);

/** Errors, throttles and p99 duration of a function; any message in its dead-letter queue when it has one of its own. */
export function functionAlarms(latencyMs: number, ownDeadLetterQueue: boolean): Spec[] {
  return [
    nonZero('Errors', LAMBDA('Errors', 'Sum'), 'errors'),
    nonZero('Throttles', LAMBDA('Throttles', 'Sum'), 'throttles'),
    latency(LAMBDA('Duration', 'p99'), latencyMs, 'p99 duration (ms)'),
    ...(ownDeadLetterQueue ? [deadLetters()] : []),
  ];
}

/** A dead-letter queue: any message in it is a failure nobody handled. */
export function deadLetters(): Spec {
  return nonZero('DeadLetters', metric(S.DEAD_LETTER_QUEUE, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'Maximum'), 'messages in the dead-letter queue');
}

export function httpApiAlarms(latencyMs: number): Spec[] {
  return [
    nonZero('ServerErrors', HTTP_API('5xx', 'Sum'), '5xx responses'),
    rate('ClientErrorRate', HTTP_API('4xx', 'Sum'), HTTP_API('Count', 'Sum'), T.clientErrorPercent, '4xx response rate'),
    latency(HTTP_API('Latency', 'p99'), latencyMs, 'p99 latency (ms)'),
  ];
}

/** Share of the requests a regional web ACL blocks (all rules): an attack, or a managed rule blocking real users. */
export function webAclAlarms(): Spec[] {
  const waf = (id: string, name: string) => metric(S.WEB_ACL, 'AWS/WAFV2', name, 'Sum', { id, dimensions: { Rule: 'ALL' } });
  const min = T.minimumRequestsForRate;
  return [{
    id: 'BlockedRequestRate',
    metrics: [waf('blocked', 'BlockedRequests'), waf('allowed', 'AllowedRequests')],
    expression: `IF(blocked + allowed >= ${min}, 100 * blocked / (blocked + allowed), 0)`,
    threshold: T.blockedRequestPercent,
    condition: `blocked request rate > ${T.blockedRequestPercent}% (with at least ${min} requests)`,
  }];
}

/** Fargate tasks behind an Application Load Balancer. */
export function loadBalancedServiceAlarms(latencyMs: number): Spec[] {
  return [
    nonZero('Target5xx', ELB(S.TARGET_GROUP, 'HTTPCode_Target_5XX_Count', 'Sum'), 'target 5xx responses'),
    nonZero('LoadBalancer5xx', ELB(S.LOAD_BALANCER, 'HTTPCode_ELB_5XX_Count', 'Sum'), 'load balancer 5xx responses'),
    rate('Target4xxRate', ELB(S.TARGET_GROUP, 'HTTPCode_Target_4XX_Count', 'Sum'), ELB(S.LOAD_BALANCER, 'RequestCount', 'Sum'),
      T.clientErrorPercent, 'target 4xx response rate'),
    // TargetResponseTime is in seconds.
    latency(ELB(S.TARGET_GROUP, 'TargetResponseTime', 'p99'), latencyMs / 1000, 'p99 target response time (s)'),
    nonZero('UnhealthyHosts', ELB(S.TARGET_GROUP, 'UnHealthyHostCount', 'Maximum'), 'unhealthy targets'),
    cpu('Cpu', [metric(S.CONTAINER_SERVICE, 'AWS/ECS', 'CPUUtilization', 'Average')]),
  ];
}

/** Fargate tasks with no load balancer (reached through Service Connect): sustained CPU and memory. */
export function backendServiceAlarms(): Spec[] {
  const p = T.backendServicePercent;
  const minutes = (T.periodSeconds * T.sustainedPeriods) / 60;
  const ecs = (name: string) => metric(S.CONTAINER_SERVICE, 'AWS/ECS', name, 'Average');
  return [
    { id: 'Cpu', metrics: [ecs('CPUUtilization')], threshold: p, condition: `CPU above ${p}% for ${minutes} minutes`, evaluationPeriods: T.sustainedPeriods },
    { id: 'Memory', metrics: [ecs('MemoryUtilization')], threshold: p, condition: `memory above ${p}% for ${minutes} minutes`, evaluationPeriods: T.sustainedPeriods },
  ];
}

/** A WebSocket API's stage: integration errors (the route handler failed) and client errors. */
export function webSocketApiAlarms(): Spec[] {
  const api = (name: string) => metric(S.WEBSOCKET_STAGE, 'AWS/ApiGateway', name, 'Sum');
  const minutes = T.periodSeconds / 60;
  return [
    {
      id: 'IntegrationErrors',
      metrics: [api('IntegrationError')],
      threshold: T.webSocketIntegrationErrors,
      condition: `more than ${T.webSocketIntegrationErrors} integration errors in ${minutes} minutes`,
    },
    {
      id: 'ClientErrors',
      metrics: [api('ClientError')],
      threshold: T.webSocketClientErrors,
      condition: `more than ${T.webSocketClientErrors} client errors in ${minutes} minutes`,
    },
  ];
}

/**
 * Age of the oldest message of a queue, and any message in its dead-letter queue when the alarm
 * is this queue's to give (a function watching the same dead-letter queue does not repeat it).
 * @param ageOf the queue whose age is watched (a schedule's dead-letter queue is itself the queue)
 */
export function queueAlarms(ageOf: AlarmMetricSource.QUEUE | AlarmMetricSource.DEAD_LETTER_QUEUE, withDeadLetters: boolean): Spec[] {
  const maxAge = T.queueMaxAgeSeconds;
  return [
    { id: 'OldestMessageAge', metrics: [metric(ageOf, 'AWS/SQS', 'ApproximateAgeOfOldestMessage', 'Maximum')], threshold: maxAge, condition: `oldest message age > ${maxAge} s` },
    ...(withDeadLetters ? [deadLetters()] : []),
  ];
}

/** The operations whose system errors a table alarm sums: an alarm's math may use at most 10 metrics. */
const TABLE_OPERATIONS = ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem',
  'TransactGetItems', 'TransactWriteItems'];

export function tableAlarms(): Spec[] {
  const ddb = (name: string, extra: Partial<AlarmMetric> = {}) => metric(S.TABLE, 'AWS/DynamoDB', name, 'Sum', extra);
  const ops = TABLE_OPERATIONS.map((op) => ddb('SystemErrors', { id: op.toLowerCase(), dimensions: { Operation: op } }));
  return [
    nonZero('ReadThrottles', ddb('ReadThrottleEvents'), 'read throttle events'),
    nonZero('WriteThrottles', ddb('WriteThrottleEvents'), 'write throttle events'),
    { ...nonZero('SystemErrors', ops[0], 'system errors'), metrics: ops, expression: ops.map((m) => m.id).join(' + '), expressionLabel: 'Sum of errors across all operations' },
  ];
}

export function databaseAlarms(maxAcu: number): Spec[] {
  const rds = (name: string, statistic: string) => metric(S.DATABASE, 'AWS/RDS', name, statistic);
  const acu = maxAcu * T.acuNearMaxFraction;
  return [
    cpu('Cpu', [rds('CPUUtilization', 'Average')]),
    {
      id: 'FreeLocalStorage',
      metrics: [rds('FreeLocalStorage', 'Minimum')],
      threshold: T.freeLocalStorageMinBytes,
      comparison: AlarmComparison.LESS_THAN,
      condition: `free local storage < ${T.freeLocalStorageMinBytes / 1024 / 1024} MiB`,
    },
    {
      id: 'CapacityNearMax',
      metrics: [rds('ServerlessDatabaseCapacity', 'Maximum')],
      threshold: acu,
      comparison: AlarmComparison.GREATER_THAN_OR_EQUAL,
      evaluationPeriods: T.sustainedPeriods,
      condition: `capacity >= ${acu} ACU`,
    },
  ];
}

/** Cache metrics are per node (`<group id>-001` ...): alarm on the busiest node. */
export function cacheAlarms(nodeCount: number): Spec[] {
  const busiest = (name: string): Pick<Spec, 'metrics' | 'expression'> => {
    const nodes = Array.from({ length: Math.max(1, nodeCount) }, (_, i) =>
      metric(S.CACHE_NODE, 'AWS/ElastiCache', name, 'Maximum', { id: `n${i + 1}`, node: i + 1 }));
    return nodes.length === 1 ? { metrics: nodes } : { metrics: nodes, expression: `MAX([${nodes.map((n) => n.id).join(',')}])` };
  };
  const engineCpu = busiest('EngineCPUUtilization');
  return [
    cpu('EngineCpu', engineCpu.metrics, engineCpu.expression),
    { id: 'Memory', ...busiest('DatabaseMemoryUsagePercentage'), threshold: T.memoryPercent, condition: `memory > ${T.memoryPercent}%` },
  ];
}

/** CloudFront publishes its metrics in us-east-1 only. */
export function distributionAlarms(): Spec[] {
  const cf = (name: string) => metric(S.DISTRIBUTION, 'AWS/CloudFront', name, 'Average', { dimensions: { Region: 'Global' }, region: 'us-east-1' });
  return [
    { id: 'ErrorRate5xx', metrics: [cf('5xxErrorRate')], threshold: T.distribution5xxPercent, condition: `5xx error rate > ${T.distribution5xxPercent}%` },
    {
      id: 'ErrorRate4xx',
      metrics: [cf('4xxErrorRate')],
      threshold: T.clientErrorPercent,
      evaluationPeriods: T.sustainedPeriods,
      condition: `4xx error rate > ${T.clientErrorPercent}%`,
    },
  ];
}

/**
 * Whether the alarm can exist in a stack of this region: CloudWatch alarms only on metrics of
 * their own region (an unknown region is assumed to be the metrics' own).
 */
export function alarmableIn(alarm: AlarmDefinition, region: string | undefined): boolean {
  return region === undefined || alarm.metrics.every((m) => m.region === undefined || m.region === region);
}

/** A function's alarms under `Function-<service>`. */
export function alarmsOfFunction(plan: ServicePlan, latencyMs: number, ownDeadLetterQueue: boolean): AlarmDefinition[] {
  return watched(plan.name, MonitoredResourceKind.FUNCTION, plan.name, functionAlarms(latencyMs, ownDeadLetterQueue));
}

/**
 * Background work (queue batches, scheduled runs) is expected to take long: alarm when its p99
 * nears the timeout (80%), not at an API's latency.
 */
export function backgroundLatencyMs(plan: ServicePlan): number {
  return Math.round(plan.timeoutSeconds * 1000 * T.backgroundLatencyFractionOfTimeout);
}

/** A DynamoDB store: throttles and system errors. */
export function keyValueStoreAlarms(plan: DataStorePlan): AlarmDefinition[] {
  return watched(plan.name, MonitoredResourceKind.TABLE, plan.name, tableAlarms());
}

/** An Aurora store: CPU, free local storage, capacity near its maximum. */
export function relationalStoreAlarms(plan: DataStorePlan): AlarmDefinition[] {
  return watched(plan.name, MonitoredResourceKind.DATABASE, plan.name, databaseAlarms(plan.maxAcu));
}

/** A queue store: the age of its oldest message and its dead-letter queue. */
export function queueStoreAlarms(plan: DataStorePlan): AlarmDefinition[] {
  return watched(plan.name, MonitoredResourceKind.QUEUE, plan.name, queueAlarms(AlarmMetricSource.QUEUE, true));
}

/** A cache store: engine CPU and memory of its busiest node (the primary and its replicas). */
export function cacheStoreAlarms(plan: DataStorePlan): AlarmDefinition[] {
  return watched(plan.name, MonitoredResourceKind.CACHE, plan.name, cacheAlarms(plan.replicas + 1));
}
