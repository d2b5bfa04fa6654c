// What each HTTP API service adds to a stack, with one alarm per condition and with alarms
// grouped per resource (AlarmGrouping.PER_RESOURCE + monitorFunctionApi), at 10, 50 and 100
// services: resources, alarms, dashboard widgets, template size and synth time.
import { App, Stack } from 'aws-cdk-lib';
import { AlarmGrouping, FunctionService, Observability } from '../src/blocks';

interface Row {
  readonly services: number;
  readonly grouping: AlarmGrouping;
  readonly resources: number;
  readonly alarms: number;
  readonly kb: number;
  readonly ms: number;
}

function measure(services: number, grouping: AlarmGrouping): Row {
  const start = process.hrtime.bigint();
  // Synthesized past the 500-resource and 500-widget limits on purpose: the point is to count.
  const app = new App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new Stack(app, 'Services');
  const observability = new Observability(stack, 'Observability', { alarmGrouping: grouping });
  for (let i = 0; i < services; i++) {
    const api = new FunctionService(stack, `api${i}`);
    if (grouping === AlarmGrouping.PER_RESOURCE) {
      observability.monitorFunctionApi(`api${i}`, api.lambdaFunction, api.httpApi);
    } else {
      observability.monitorFunction(`api${i}`, api.lambdaFunction);
      observability.monitorHttpApi(`api${i}`, api.httpApi);
    }
  }
  const template = app.synth({ skipValidation: true }).getStackArtifact(stack.artifactId).template;
  const resources = Object.values<any>(template.Resources);
  return {
    services,
    grouping,
    resources: resources.length,
    alarms: resources.filter((r) => r.Type === 'AWS::CloudWatch::Alarm').length,
    kb: Math.round(JSON.stringify(template).length / 1024),
    ms: Math.round(Number(process.hrtime.bigint() - start) / 1e6),
  };
}

export async function run(): Promise<string[]> {
  const lines = ['HTTP API services (Lambda) | alarm grouping | resources | alarms (= dashboard widgets) | template KB | synth ms', '---|---|---|---|---|---'];
  for (const services of [10, 50, 100]) {
    for (const grouping of [AlarmGrouping.PER_CONDITION, AlarmGrouping.PER_RESOURCE]) {
      const r = measure(services, grouping);
      lines.push(`${r.services} | ${r.grouping} | ${r.resources} | ${r.alarms} | ${r.kb} | ${r.ms}`);
    }
  }
  return lines;
}

if (require.main === module) void run().then((lines) => console.log(lines.join('\n')));
