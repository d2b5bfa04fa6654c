import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Which alarms each kind of resource gets: pure functions from a resource to alarm specs.
 * Internal to `Observability`; not exported from the package.
 */

/** One alarm to create. Fires when the metric is above the threshold unless `comparison` says otherwise. */
export interface AlarmSpec {
  /** Construct id of the alarm within its resource's scope. */
  readonly id: string;
  readonly metric: cloudwatch.IMetric;
  readonly threshold: number;
  /** Human-readable condition, used in the alarm description and the dashboard. */
  readonly description: string;
  readonly comparison?: cloudwatch.ComparisonOperator;
  readonly evaluationPeriods?: number;
  /** @default TreatMissingData.NOT_BREACHING */
  readonly treatMissingData?: cloudwatch.TreatMissingData;
}

/** Thresholds and periods shared by every alarm. */
export const ALARM_DEFAULTS = {
  period: Duration.minutes(5),
  latencyThresholdMs: 1000,
  cpuPercent: 80,
  memoryPercent: 80,
  queueMaxAgeSeconds: 300,
  databaseMaxAcu: 4,
  acuNearMaxFraction: 0.9,
  freeLocalStorageMinBytes: 512 * 1024 * 1024,
  distribution5xxPercent: 5,
  /** Share of requests answered 4xx above which a client-error spike alarms. */
  clientErrorPercent: 10,
  /** Share of requests the web ACL blocks above which it alarms (an attack, or a rule blocking real users). */
  blockedRequestPercent: 10,
  /** Requests in a period below which rate alarms stay quiet (a few errors in little traffic are noise). */
  minimumRequestsForRate: 100,
  /** Sustained conditions (latency, CPU, capacity) must hold this many periods. */
  sustainedPeriods: 3,
};

const D = ALARM_DEFAULTS;
const SUM: cloudwatch.MetricOptions = { period: D.period, statistic: 'Sum' };
const MAX: cloudwatch.MetricOptions = { period: D.period, statistic: 'Maximum' };
const AVERAGE: cloudwatch.MetricOptions = { period: D.period, statistic: 'Average' };
const P99: cloudwatch.MetricOptions = { period: D.period, statistic: 'p99' };

function nonZero(id: string, metric: cloudwatch.IMetric, what: string): AlarmSpec {
  return { id, metric, threshold: 0, description: `${what} > 0` };
}

function latency(metric: cloudwatch.IMetric, threshold: number, what: string): AlarmSpec {
  return { id: 'Latency', metric, threshold, description: `${what} > ${threshold}`, evaluationPeriods: D.sustainedPeriods };
}

function cpu(id: string, metric: cloudwatch.IMetric): AlarmSpec {
  return { id, metric, threshold: D.cpuPercent, description: `CPU > ${D.cpuPercent}%`, evaluationPeriods: D.sustainedPeriods };
}

export function functionAlarms(fn: lambda.IFunction, latencyMs: number): AlarmSpec[] {
  return [
    nonZero('Errors', fn.metricErrors(SUM), 'errors'),
    nonZero('Throttles', fn.metricThrottles(SUM), 'throttles'),
    latency(fn.metricDuration(P99), latencyMs, 'p99 duration (ms)'),
  ];
}

/** `100 * part / total` when total reaches the minimum, else 0. */
function rate(id: string, part: cloudwatch.IMetric, total: cloudwatch.IMetric, threshold: number, what: string): AlarmSpec {
  const metric = new cloudwatch.MathExpression({
    expression: `IF(total >= ${D.minimumRequestsForRate}, 100 * part / total, 0)`,
    usingMetrics: { part, total },
    period: D.period,
  });
  return { id, metric, threshold, description: `${what} > ${threshold}% (with at least ${D.minimumRequestsForRate} requests)` };
}

export function httpApiAlarms(api: apigwv2.IHttpApi, latencyMs: number): AlarmSpec[] {
  return [
    nonZero('ServerErrors', api.metricServerError(SUM), '5xx responses'),
    rate('ClientErrorRate', api.metricClientError(SUM), api.metricCount(SUM), D.clientErrorPercent, '4xx response rate'),
    latency(api.metricLatency(P99), latencyMs, 'p99 latency (ms)'),
  ];
}

/** A dead-letter queue: any message in it is a failure nobody handled. */
export function deadLetterAlarms(deadLetterQueue: sqs.IQueue): AlarmSpec[] {
  return [nonZero('DeadLetters', deadLetterQueue.metricApproximateNumberOfMessagesVisible(MAX), 'messages in the dead-letter queue')];
}

/**
 * A regional web ACL: share of requests blocked (all rules). A spike is an attack, or a
 * managed rule starting to block real users.
 */
export function webAclAlarms(webAclMetricName: string, region: string): AlarmSpec[] {
  const wafMetric = (metricName: string) => new cloudwatch.Metric({
    namespace: 'AWS/WAFV2', metricName, dimensionsMap: { WebACL: webAclMetricName, Region: region, Rule: 'ALL' }, ...SUM,
  });
  const min = D.minimumRequestsForRate;
  const metric = new cloudwatch.MathExpression({
    expression: `IF(blocked + allowed >= ${min}, 100 * blocked / (blocked + allowed), 0)`,
    usingMetrics: { blocked: wafMetric('BlockedRequests'), allowed: wafMetric('AllowedRequests') },
    period: D.period,
  });
  const threshold = D.blockedRequestPercent;
  return [{ id: 'BlockedRequestRate', metric, threshold, description: `blocked request rate > ${threshold}% (with at least ${min} requests)` }];
}

export function loadBalancedServiceAlarms(service: ecs.FargateService, loadBalancer: elbv2.ApplicationLoadBalancer,
  targetGroup: elbv2.ApplicationTargetGroup, latencyMs: number): AlarmSpec[] {
  return [
    nonZero('Target5xx', targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, SUM), 'target 5xx responses'),
    nonZero('LoadBalancer5xx', loadBalancer.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, SUM), 'load balancer 5xx responses'),
    rate('Target4xxRate', targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_4XX_COUNT, SUM),
      loadBalancer.metrics.requestCount(SUM), D.clientErrorPercent, 'target 4xx response rate'),
    // TargetResponseTime is in seconds.
    latency(targetGroup.metrics.targetResponseTime(P99), latencyMs / 1000, 'p99 target response time (s)'),
    nonZero('UnhealthyHosts', targetGroup.metrics.unhealthyHostCount(MAX), 'unhealthy targets'),
    cpu('Cpu', service.metricCpuUtilization(AVERAGE)),
  ];
}

export function queueAlarms(queue: sqs.IQueue, deadLetterQueue?: sqs.IQueue, maxAgeSeconds?: number): AlarmSpec[] {
  const maxAge = maxAgeSeconds ?? D.queueMaxAgeSeconds;
  const specs: AlarmSpec[] = [{
    id: 'OldestMessageAge',
    metric: queue.metricApproximateAgeOfOldestMessage(MAX),
    threshold: maxAge,
    description: `oldest message age > ${maxAge} s`,
  }];
  if (deadLetterQueue) {
    specs.push(nonZero('DeadLetters', deadLetterQueue.metricApproximateNumberOfMessagesVisible(MAX), 'messages in the dead-letter queue'));
  }
  return specs;
}

export function tableAlarms(table: dynamodb.ITable): AlarmSpec[] {
  const op = dynamodb.Operation;
  // At most 10 operations: an alarm's math expression may use at most 10 metrics.
  const operations = [op.GET_ITEM, op.BATCH_GET_ITEM, op.QUERY, op.SCAN, op.PUT_ITEM, op.UPDATE_ITEM,
    op.DELETE_ITEM, op.BATCH_WRITE_ITEM, op.TRANSACT_GET_ITEMS, op.TRANSACT_WRITE_ITEMS];
  return [
    nonZero('ReadThrottles', table.metric('ReadThrottleEvents', SUM), 'read throttle events'),
    nonZero('WriteThrottles', table.metric('WriteThrottleEvents', SUM), 'write throttle events'),
    nonZero('SystemErrors', table.metricSystemErrorsForOperations({ operations, period: D.period }), 'system errors'),
  ];
}

export function databaseAlarms(cluster: rds.IDatabaseCluster, maxAcu?: number): AlarmSpec[] {
  const acuThreshold = (maxAcu ?? D.databaseMaxAcu) * D.acuNearMaxFraction;
  return [
    cpu('Cpu', cluster.metricCPUUtilization(AVERAGE)),
    {
      id: 'FreeLocalStorage',
      metric: cluster.metricFreeLocalStorage({ period: D.period, statistic: 'Minimum' }),
      threshold: D.freeLocalStorageMinBytes,
      comparison: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      description: 'free local storage < 512 MiB',
    },
    {
      id: 'CapacityNearMax',
      metric: cluster.metric('ServerlessDatabaseCapacity', MAX),
      threshold: acuThreshold,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: D.sustainedPeriods,
      description: `capacity >= ${acuThreshold} ACU`,
    },
  ];
}

/** Cache metrics are per node (`<group id>-001` ...): alarm on the busiest node. */
export function cacheAlarms(replicationGroupId: string, nodeCount?: number): AlarmSpec[] {
  const nodeIds = Array.from({ length: nodeCount ?? 1 }, (_, i) => `${replicationGroupId}-${String(i + 1).padStart(3, '0')}`);
  const busiest = (metricName: string): cloudwatch.IMetric => {
    const usingMetrics: { [id: string]: cloudwatch.IMetric } = {};
    nodeIds.forEach((nodeId, i) => {
      usingMetrics[`n${i + 1}`] = new cloudwatch.Metric({ namespace: 'AWS/ElastiCache', metricName, dimensionsMap: { CacheClusterId: nodeId }, ...MAX });
    });
    const ids = Object.keys(usingMetrics);
    return ids.length === 1 ? usingMetrics[ids[0]] : new cloudwatch.MathExpression({ expression: `MAX([${ids.join(',')}])`, usingMetrics, period: D.period });
  };
  return [
    cpu('EngineCpu', busiest('EngineCPUUtilization')),
    { id: 'Memory', metric: busiest('DatabaseMemoryUsagePercentage'), threshold: D.memoryPercent, description: `memory > ${D.memoryPercent}%` },
  ];
}

/** CloudFront publishes its metrics in us-east-1 only. */
export function distributionErrorRate(distribution: cloudfront.IDistribution, metricName = '5xxErrorRate'): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/CloudFront',
    metricName,
    region: 'us-east-1',
    dimensionsMap: { DistributionId: distribution.distributionId, Region: 'Global' },
    ...AVERAGE,
  });
}

export function distributionAlarms(distribution: cloudfront.IDistribution): AlarmSpec[] {
  const threshold = D.distribution5xxPercent;
  const clientErrors = D.clientErrorPercent;
  return [
    { id: 'ErrorRate5xx', metric: distributionErrorRate(distribution), threshold, description: `5xx error rate > ${threshold}%` },
    {
      id: 'ErrorRate4xx',
      metric: distributionErrorRate(distribution, '4xxErrorRate'),
      threshold: clientErrors,
      evaluationPeriods: D.sustainedPeriods,
      description: `4xx error rate > ${clientErrors}%`,
    },
  ];
}
