// Child process for `npm run bench`: synthesizes an application of N services and prints
// one JSON line with the median synth time and this process's peak memory (max RSS).
import * as fs from 'fs';
import * as path from 'path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { ApplicationStack } from '../src/app';
import { ApplicationRequirements, DataStoreKind, EnvironmentTier, ServiceRequirements, WorkloadType } from '../src/requirements';

const WORKLOADS = [WorkloadType.HTTP_API, WorkloadType.QUEUE_WORKER, WorkloadType.SCHEDULED_JOB, WorkloadType.WEB_SERVICE, WorkloadType.STATIC_SITE];

/** An application of `n` services cycling through the workloads, sharing three stores. */
export function applicationOf(n: number): ApplicationRequirements {
  const services: ServiceRequirements[] = Array.from({ length: n }, (_, i) => {
    const workload = WORKLOADS[i % WORKLOADS.length];
    return {
      name: `svc-${i}`,
      workload,
      dataStores: workload === WorkloadType.STATIC_SITE ? [] : workload === WorkloadType.QUEUE_WORKER ? ['orders', 'jobs'] : ['orders', 'db'],
      traffic: { monthlyRequests: 5_000_000, peakRequestsPerSecond: 50 },
    };
  });
  return {
    name: 'bench',
    environment: EnvironmentTier.PRODUCTION,
    services,
    dataStores: [
      { name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGb: 10 },
      { name: 'jobs', kind: DataStoreKind.QUEUE },
      { name: 'db', kind: DataStoreKind.RELATIONAL, storageGb: 20 },
    ],
  };
}

/** The stack's template and each of its nested stacks' templates, as synthesized into the assembly. */
export function templatesOf(assembly: CloudAssembly, stack: Stack): Array<{ id: string; template: any }> {
  const nested = stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c));
  return [
    { id: stack.node.id, template: assembly.getStackArtifact(stack.artifactId).template },
    ...nested.map((n) => ({ id: n.node.id, template: JSON.parse(fs.readFileSync(path.join(assembly.directory, n.templateFile), 'utf8')) })),
  ];
}

function main(): void {
  const n = Number(process.argv[2]);
  const rounds = Number(process.argv[3] ?? 5);
  const requirements = applicationOf(n);
  const times: number[] = [];
  let resources = 0;
  let stacks: Array<{ id: string; resources: number; outputs: number }> = [];
  for (let i = 0; i < rounds + 1; i++) {
    const start = process.hrtime.bigint();
    const app = new App();
    const stack = new ApplicationStack(app, 'Bench', { requirements, designReport: true });
    const assembly = app.synth();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) times.push(ms); // the first round pays module loading and JIT warm-up
    stacks = templatesOf(assembly, stack).map(({ id, template }) => ({
      id, resources: Object.keys(template.Resources ?? {}).length, outputs: Object.keys(template.Outputs ?? {}).length,
    }));
    resources = stacks.reduce((sum, s) => sum + s.resources, 0);
  }
  times.sort((a, b) => a - b);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ services: n, resources, stacks, medianMs: times[Math.floor(times.length / 2)], maxRssMiB }));
}

if (require.main === module) main();
