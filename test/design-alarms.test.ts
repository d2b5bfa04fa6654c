// The design lists every alarm of an application, and the stack builds exactly those: the report
// and the template come from one source (the designers' alarms()).
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { ApplicationStack } from '../src/app';
import { applicationAlarms } from '../src/design/application-alarms';
import { AlarmDefinition, MonitoredResourceKind } from '../src/design/model';
import { buildDesignReport } from '../src/report/build';
import { renderMarkdown } from '../src/report/render-markdown';
import { ApplicationRequirements, DataStoreKind, EnvironmentTier, RuntimePreference, WorkloadType } from '../src/requirements';

/** Every workload kind (both runtimes where there are two, a worker with a declared queue and one with its own) and every store kind. */
const EVERY_KIND: ApplicationRequirements = {
  name: 'kinds',
  environment: EnvironmentTier.PRODUCTION,
  services: [
    { name: 'api', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.FUNCTION, dataStores: ['orders', 'work', 'files'] },
    { name: 'api-tasks', workload: WorkloadType.HTTP_API, runtime: RuntimePreference.CONTAINER, dataStores: ['db'] },
    { name: 'web', workload: WorkloadType.WEB_SERVICE, dataStores: ['sessions'] },
    { name: 'worker', workload: WorkloadType.QUEUE_WORKER, dataStores: ['work'] },
    { name: 'own-queue', workload: WorkloadType.QUEUE_WORKER },
    { name: 'nightly', workload: WorkloadType.SCHEDULED_JOB, schedule: 'cron(0 2 * * ? *)' },
    { name: 'site', workload: WorkloadType.STATIC_SITE },
    { name: 'pricing', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.CONTAINER },
    { name: 'tax', workload: WorkloadType.BACKEND_SERVICE, runtime: RuntimePreference.FUNCTION },
    { name: 'live', workload: WorkloadType.WEBSOCKET_API, calls: ['pricing', 'tax'] },
  ],
  dataStores: [
    { name: 'orders', kind: DataStoreKind.KEY_VALUE },
    { name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 20 },
    { name: 'files', kind: DataStoreKind.OBJECT_STORAGE },
    { name: 'work', kind: DataStoreKind.QUEUE },
    { name: 'sessions', kind: DataStoreKind.CACHE, storageGb: 2 },
  ],
};

interface BuiltAlarm { readonly key: string; readonly properties: any }

/** Alarms of the synthesized templates (nested ones included), keyed `<kind>-<resource>/<id>` from their construct path. */
function templateAlarms(stack: ApplicationStack, app: App): BuiltAlarm[] {
  const assembly = app.synth();
  const templateOf = (s: Stack) => (s.nestedStackParent
    ? JSON.parse(fs.readFileSync(path.join(assembly.directory, s.templateFile), 'utf8'))
    : assembly.getStackArtifact(s.artifactId).template);
  return stack.node.findAll().filter((c): c is cloudwatch.CfnAlarm => c instanceof cloudwatch.CfnAlarm).map((alarm) => {
    const parts = alarm.node.path.split('/');
    const owner = Stack.of(alarm);
    return { key: `${parts[parts.length - 3]}/${parts[parts.length - 2]}`, properties: templateOf(owner).Resources[owner.getLogicalId(alarm)].Properties };
  });
}

const keyOf = (a: AlarmDefinition) => `${a.resourceKind}-${a.resourceName}/${a.id}`;
const countPerBlock = (keys: string[]) => keys.reduce<Record<string, number>>((out, k) => ({ ...out, [k.split('/')[0]]: (out[k.split('/')[0]] ?? 0) + 1 }), {});

describe('the alarms the design lists are the alarms the templates hold', () => {
  const app = new App();
  const stack = new ApplicationStack(app, 'Kinds', { requirements: EVERY_KIND, designReport: false });
  const built = templateAlarms(stack, app);
  const listed = applicationAlarms(stack.design);

  test('every workload and store kind has alarms (but buckets), and each block has as many in the template as in the design', () => {
    const perBlock = countPerBlock(listed.map(keyOf));
    expect(perBlock).toEqual(countPerBlock(built.map((b) => b.key)));
    expect(built).toHaveLength(listed.length);
    expect(perBlock).toEqual({
      'Table-orders': 3,
      'Database-db': 3,
      'Queue-work': 2,
      'Cache-sessions': 2,
      'Function-api': 4,
      'HttpApi-api': 3,
      'Service-api-tasks': 6,
      'WebAcl-api-tasks': 1,
      'Service-web': 6,
      'WebAcl-web': 1,
      // A worker on a declared queue leaves the dead letters to the queue's alarms.
      'Function-worker': 3,
      'Function-own-queue': 4,
      'Queue-own-queue-queue': 1,
      'Function-nightly': 4,
      'Queue-nightly-schedule-dlq': 1,
      'Distribution-site': 2,
      'BackendService-pricing': 2,
      'Function-tax': 4,
      'Function-live': 4,
      'Table-live-connections': 3,
      'WebSocketApi-live': 2,
    });
    expect(new Set(listed.map((a) => a.resourceKind))).toEqual(new Set(Object.values(MonitoredResourceKind)));
  });

  test('each alarm has the design\'s threshold, comparison, periods, missing-data treatment, condition and metrics', () => {
    const byKey = new Map(built.map((b) => [b.key, b.properties]));
    for (const a of listed) {
      const p = byKey.get(keyOf(a));
      expect([keyOf(a), p?.Threshold, p?.ComparisonOperator, p?.EvaluationPeriods, p?.TreatMissingData, p?.AlarmDescription])
        .toEqual([keyOf(a), a.threshold, a.comparison, a.evaluationPeriods, a.missingData, `${a.resourceName}: ${a.condition}`]);
      const names = p.Metrics ? p.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName) : [p.MetricName];
      expect(names).toEqual(a.metrics.map((m) => m.metricName));
    }
  });

  test('thresholds follow the plans: background work near its timeout, Aurora near its maximum ACU, the busiest cache node', () => {
    const find = (key: string) => listed.find((a) => keyOf(a) === key)!;
    expect(find('Function-api/Latency').threshold).toBe(1000);
    expect(find('Function-worker/Latency').threshold).toBe(stack.design.service('worker').timeoutSeconds * 800);
    expect(find('Database-db/CapacityNearMax').threshold).toBeCloseTo(stack.design.dataStore('db').maxAcu * 0.9);
    const cpu = find('Cache-sessions/EngineCpu');
    expect(cpu.metrics).toHaveLength(stack.design.dataStore('sessions').replicas + 1);
    expect(cpu.expression).toBe(`MAX([${cpu.metrics.map((m) => m.id).join(',')}])`);
  });

  test('the design report lists every alarm, one line each with its condition', () => {
    const report = buildDesignReport({ stackName: 'Kinds', design: stack.design, template: {} });
    expect(report.alarms).toHaveLength(listed.length);
    const md = renderMarkdown(report);
    expect(md).toContain(`## Alarms\n\n${listed.length} alarms, each notifying the alarm topic; a period without data does not breach.`);
    expect(md).toContain('| worker | Function worker | p99 duration (ms) > 48000 | 3 x 5 min |');
    expect(md).toContain('| pricing | BackendService pricing | CPU above 85% for 15 minutes | 3 x 5 min |');
    expect(md).toContain('| db | Database db | free local storage < 512 MiB | 5 min |');
  });
});

test('in a stack outside us-east-1 the design lists no CloudFront alarm, and the template has none', () => {
  const app = new App();
  const requirements: ApplicationRequirements = { name: 'site', environment: EnvironmentTier.DEVELOPMENT, services: [{ name: 'site', workload: WorkloadType.STATIC_SITE }] };
  const stack = new ApplicationStack(app, 'Site', { requirements, designReport: false, env: { account: '111111111111', region: 'eu-west-1' } });
  expect(templateAlarms(stack, app)).toEqual([]);
  expect(applicationAlarms(stack.design, 'eu-west-1')).toEqual([]);
  expect(applicationAlarms(stack.design).map(keyOf)).toEqual(['Distribution-site/ErrorRate5xx', 'Distribution-site/ErrorRate4xx']);
  const warnings = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
  expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/Distribution metrics of 'site' live in us-east-1; no alarm on 5xx error rate > 5%, 4xx error rate > 10% in a eu-west-1 stack/)]));
});
