// Alarms grouped per resource: the same conditions in fewer alarms and dashboard widgets.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AlarmGrouping, FunctionService, Observability } from '../../src/blocks';

/** Every metric an alarm reads, as `Namespace/MetricName`, and each alarm's conditions. */
function watched(stack: Stack): { metrics: string[]; alarms: any[] } {
  const alarms = Object.values<any>(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const metrics = alarms.flatMap((a) => a.Metrics
    ? a.Metrics.filter((m: any) => m.MetricStat).map((m: any) => `${m.MetricStat.Metric.Namespace}/${m.MetricStat.Metric.MetricName}`)
    : [`${a.Namespace}/${a.MetricName}`]);
  return { metrics: [...new Set(metrics)].sort(), alarms };
}

function monitored(alarmGrouping: AlarmGrouping): Stack {
  const stack = new Stack();
  const obs = new Observability(stack, 'Obs', { alarmGrouping });
  const api = new FunctionService(stack, 'Api');
  if (alarmGrouping === AlarmGrouping.PER_RESOURCE) {
    obs.monitorFunctionApi('api', api.lambdaFunction, api.httpApi);
  } else {
    obs.monitorFunction('api', api.lambdaFunction);
    obs.monitorHttpApi('api', api.httpApi);
  }
  const dlq = new sqs.Queue(stack, 'Dlq');
  obs.monitorQueue('jobs', new sqs.Queue(stack, 'Queue', { deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } }), dlq);
  obs.monitorTable('orders', new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }));
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  obs.monitorDatabase('db', new rds.DatabaseCluster(stack, 'Db', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_13 }),
    writer: rds.ClusterInstance.serverlessV2('writer'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  }));
  return stack;
}

describe('AlarmGrouping.PER_RESOURCE', () => {
  const perCondition = watched(monitored(AlarmGrouping.PER_CONDITION));
  const perResource = watched(monitored(AlarmGrouping.PER_RESOURCE));

  test('watches every metric the per-condition alarms watch, in fewer alarms', () => {
    expect(perResource.metrics).toEqual(perCondition.metrics);
    expect(perCondition.alarms).toHaveLength(15);
    expect(perResource.alarms).toHaveLength(7);
  });

  test('an HTTP API service gets one failures alarm and one sustained-latency alarm', () => {
    const api = perResource.alarms.filter((a) => a.AlarmDescription.startsWith('api: '));
    expect(api.map((a) => [a.AlarmDescription, a.EvaluationPeriods])).toEqual([
      ['api: errors > 0 or throttles > 0 or messages in the dead-letter queue > 0 or 5xx responses > 0 or 4xx response rate > 10% (with at least 100 requests)', 1],
      ['api: p99 duration (ms) > 1000 or p99 latency (ms) > 1000 (for 3 periods)', 3],
    ]);
    const failures = api[0].Metrics.find((m: any) => m.ReturnData !== false);
    expect(failures.Expression).toBe('IF(m0 > 0 OR m1 > 0 OR m2 > 0 OR m3 > 0 OR m4 > 10, 1, 0)');
    expect(api[0].Metrics.find((m: any) => m.Id === 'm4').Expression).toBe('IF(total_4 >= 100, 100 * part_4 / total_4, 0)');
    expect(api[0].Metrics.length).toBeLessThanOrEqual(10);
  });

  test('a less-than condition keeps its direction', () => {
    const db = perResource.alarms.filter((a) => a.AlarmDescription.startsWith('db: '));
    expect(db.map((a) => a.Metrics?.find((m: any) => m.ReturnData !== false).Expression ?? a.MetricName)).toEqual([
      'IF(m0 > 80 OR m1 >= 3.6, 1, 0)', 'FreeLocalStorage',
    ]);
  });
});

test('a dashboard of more than 500 widgets fails synth naming the fix', () => {
  const app = new App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new Stack(app, 'S');
  const obs = new Observability(stack, 'Obs');
  for (let i = 0; i < 252; i++) obs.monitorQueue(`q${i}`, new sqs.Queue(stack, `Q${i}`), new sqs.Queue(stack, `D${i}`));
  expect(() => app.synth()).toThrow(/S\/Obs\] The dashboard has 504 widgets and CloudWatch allows 500: group alarms per resource/);
});
