import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AlarmSpec } from './alarm-specs';

/**
 * Alarms as data, the shape of the design's `AlarmDefinition` (structural: the design's alarms
 * pass as they are, and a value the block does not know fails to compile where they are passed).
 * Internal to the library: `Observability` builds them, resolving only the dimensions.
 */
export interface AlarmData {
  readonly resourceKind: string;
  readonly resourceName: string;
  readonly id: string;
  readonly condition: string;
  readonly metrics: ReadonlyArray<MetricData>;
  readonly expression?: string;
  readonly expressionLabel?: string;
  readonly threshold: number;
  readonly comparison: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  readonly evaluationPeriods: number;
  readonly missingData: 'notBreaching' | 'breaching' | 'ignore' | 'missing';
}

export type MetricSource = 'function' | 'http-api' | 'load-balancer' | 'target-group' | 'container-service' | 'queue' | 'dead-letter-queue'
| 'table' | 'database' | 'cache-node' | 'distribution' | 'web-acl' | 'websocket-stage';

export interface MetricData {
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: string;
  readonly periodSeconds: number;
  readonly source: MetricSource;
  readonly dimensions?: { readonly [name: string]: string };
  readonly node?: number;
  readonly region?: string;
}

/** The built constructs the metrics' dimensions come from. */
export interface MonitoredResources {
  readonly function?: lambda.IFunction;
  readonly httpApi?: apigwv2.IHttpApi;
  readonly loadBalancer?: elbv2.ApplicationLoadBalancer;
  readonly targetGroup?: elbv2.ApplicationTargetGroup;
  readonly containerService?: ecs.IBaseService;
  readonly queue?: sqs.IQueue;
  readonly deadLetterQueue?: sqs.IQueue;
  readonly table?: dynamodb.ITable;
  readonly database?: rds.IDatabaseCluster;
  readonly cacheReplicationGroupId?: string;
  readonly distribution?: cloudfront.IDistribution;
  readonly webAclMetricName?: string;
  readonly webSocketApiId?: string;
  readonly webSocketStage?: string;
}

/** The dimensions a source gives, as the aws-cdk-lib metric helpers of the construct name them. */
function dimensionsOf(scope: Construct, m: MetricData, r: MonitoredResources, where: string): { [name: string]: string } {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`alarm '${where}' watches a metric of the ${m.source} (${m.metricName}), but no ${what} was given`);
    return value;
  };
  switch (m.source) {
    case 'function': return { FunctionName: need(r.function, 'function').functionName };
    case 'http-api': return { ApiId: need(r.httpApi, 'HTTP API').apiId };
    case 'load-balancer': return { LoadBalancer: need(r.loadBalancer, 'load balancer').loadBalancerFullName };
    case 'target-group': return { ...(need(r.targetGroup, 'target group').metrics.unhealthyHostCount() as cloudwatch.Metric).dimensions };
    case 'container-service': {
      const service = need(r.containerService, 'container service');
      return { ClusterName: service.cluster.clusterName, ServiceName: service.serviceName };
    }
    case 'queue': return { QueueName: need(r.queue, 'queue').queueName };
    case 'dead-letter-queue': return { QueueName: need(r.deadLetterQueue, 'dead-letter queue').queueName };
    case 'table': return { TableName: need(r.table, 'table').tableName };
    case 'database': return { DBClusterIdentifier: need(r.database, 'database cluster').clusterIdentifier };
    case 'cache-node': return { CacheClusterId: `${need(r.cacheReplicationGroupId, 'replication group id')}-${String(m.node ?? 1).padStart(3, '0')}` };
    case 'distribution': return { DistributionId: need(r.distribution, 'distribution').distributionId };
    case 'web-acl': return { WebACL: need(r.webAclMetricName, 'web ACL metric name'), Region: Stack.of(scope).region };
    case 'websocket-stage': return { ApiId: need(r.webSocketApiId, 'WebSocket API id'), Stage: need(r.webSocketStage, 'WebSocket stage') };
  }
}

/** The alarm as a spec with CloudWatch metrics, its dimensions resolved from the built resources. */
export function resolveAlarm(scope: Construct, alarm: AlarmData, resources: MonitoredResources): AlarmSpec {
  const where = `${alarm.resourceKind}-${alarm.resourceName}/${alarm.id}`;
  const metrics = alarm.metrics.map((m) => new cloudwatch.Metric({
    namespace: m.namespace,
    metricName: m.metricName,
    statistic: m.statistic,
    period: Duration.seconds(m.periodSeconds),
    dimensionsMap: { ...dimensionsOf(scope, m, resources, where), ...m.dimensions },
    region: m.region,
  }));
  const metric: cloudwatch.IMetric = alarm.expression === undefined ? metrics[0] : new cloudwatch.MathExpression({
    expression: alarm.expression,
    usingMetrics: Object.fromEntries(alarm.metrics.map((m, i) => [m.id, metrics[i]])),
    period: Duration.seconds(alarm.metrics[0].periodSeconds),
    label: alarm.expressionLabel,
  });
  return {
    id: alarm.id,
    metric,
    threshold: alarm.threshold,
    description: alarm.condition,
    comparison: alarm.comparison as cloudwatch.ComparisonOperator,
    evaluationPeriods: alarm.evaluationPeriods,
    treatMissingData: alarm.missingData as cloudwatch.TreatMissingData,
  };
}
