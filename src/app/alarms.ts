import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { SERVICE_MODULES } from './block-modules';
import type { Observability } from '../blocks';

/**
 * Alarms for the blocks the Observability block has no monitor for yet (a backend service
 * without a load balancer, a WebSocket API), routed to the same topic.
 * TODO(H5): move into Observability as monitorBackendService / monitorWebSocketApi.
 */
export function monitorBackendService(scope: Construct, observability: Observability, name: string, service: ecs.FargateService): void {
  alarms(scope, observability, `BackendService-${name}`, name, [
    { id: 'Cpu', metric: service.metricCpuUtilization({ period: Duration.minutes(5) }), threshold: 85, description: 'CPU above 85% for 15 minutes', periods: 3 },
    { id: 'Memory', metric: service.metricMemoryUtilization({ period: Duration.minutes(5) }), threshold: 85, description: 'memory above 85% for 15 minutes', periods: 3 },
  ]);
}

export function monitorWebSocketApi(scope: Construct, observability: Observability, name: string, api: apigwv2.WebSocketApi,
  stageName: string): void {
  const metric = (metricName: string) => new (SERVICE_MODULES.cloudwatch().Metric)({
    namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: api.apiId, Stage: stageName }, statistic: 'Sum', period: Duration.minutes(5),
  });
  alarms(scope, observability, `WebSocketApi-${name}`, name, [
    { id: 'IntegrationErrors', metric: metric('IntegrationError'), threshold: 5, description: 'more than 5 integration errors in 5 minutes', periods: 1 },
    { id: 'ClientErrors', metric: metric('ClientError'), threshold: 100, description: 'more than 100 client errors in 5 minutes', periods: 1 },
  ]);
}

function alarms(scope: Construct, observability: Observability, id: string, name: string,
  specs: Array<{ id: string; metric: cloudwatch.IMetric; threshold: number; description: string; periods: number }>): void {
  const { Alarm, ComparisonOperator, TreatMissingData } = SERVICE_MODULES.cloudwatch();
  const group = new Construct(scope, id);
  const action = new (SERVICE_MODULES.cloudwatchActions().SnsAction)(observability.alarmTopic);
  for (const spec of specs) {
    new Alarm(group, spec.id, {
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `${name}: ${spec.description}`,
    }).addAlarmAction(action);
  }
}
