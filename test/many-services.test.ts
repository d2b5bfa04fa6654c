// Applications of 100 and more services: past one stack's worth, services go into nested stacks
// Services<N> in declaration order, every template stays within CloudFormation's limits, and
// appending services moves nothing that exists.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { applicationOf, templatesOf } from '../bench/scaling';
import { ApplicationStack } from '../src/app';
import { pascal } from '../src/app/names';
import { BASE_RESOURCES, RESOURCES_PER_BLOCK, ROOT_OUTPUTS_RESERVED, outputsKeptInNestedStacks, outputsOf, placeServices } from '../src/app/service-placement';
import { TEMPLATE_LIMITS } from '../src/app/template-limits';
import { ServiceBlockKind, ServicePlan } from '../src/design/model';
import { EnvironmentTier, WorkloadType } from '../src/requirements';
import { reduceTemplate, replacements } from './upgrade/replacement';

function synth(n: number, designReport = false) {
  const app = new App({ context: { 'cdk-infra-engineer:subnetCidrLayout': 'RESERVED_SLOTS' } });
  const stack = new ApplicationStack(app, 'Many', { requirements: applicationOf(n), designReport });
  const assembly = app.synth();
  return { stack, assembly, templates: templatesOf(assembly, stack) };
}

const counts = (template: any) => ({
  resources: Object.keys(template.Resources ?? {}).length,
  outputs: Object.keys(template.Outputs ?? {}).length,
  parameters: Object.keys(template.Parameters ?? {}).length,
  bytes: Buffer.byteLength(JSON.stringify(template)),
});

// 200 services take minutes on 2 cores: they run with LONG_TESTS=1 (`npx projen test:long`); the
// default run synthesizes 100, and the output bound's rule is unit-tested under 'placement rule'.
const LONG = process.env.LONG_TESTS === '1';

/** An application of `n` services, synthesized once (in beforeAll: a skipped describe's body still runs when jest collects it). */
function built(n: number) {
  const app = {} as { stack: ApplicationStack; assembly: ReturnType<App['synth']>; templates: ReturnType<typeof templatesOf>; root: any; report: any };
  beforeAll(() => {
    // The synth gate throws on any unacknowledged security finding or an over-limit template.
    Object.assign(app, synth(n, true));
    app.root = app.templates[0].template;
    app.report = JSON.parse(fs.readFileSync(path.join(app.assembly.directory, `${app.stack.artifactId}.design-report.json`), 'utf8'));
  });
  return app;
}

/** What holds at every size past one stack: limits, where stores and alarms live, the cost of nested stacks. */
function sharedTests(app: ReturnType<typeof built>, n: number, nestedStacks: number, minTotal: number, lastNestedFull: boolean) {
  test('services beyond the application stack go into nested stacks, each template within the four limits', () => {
    expect(app.templates.map((t) => t.id)).toEqual(['Many', ...Array.from({ length: nestedStacks }, (_, i) => `Services${i + 1}`)]);
    for (const { id, template } of app.templates) {
      const c = counts(template);
      for (const k of Object.keys(TEMPLATE_LIMITS) as Array<keyof typeof TEMPLATE_LIMITS>) {
        expect({ id, [k]: c[k] <= TEMPLATE_LIMITS[k] }).toEqual({ id, [k]: true });
      }
    }
    const total = app.templates.reduce((sum, t) => sum + counts(t.template).resources, 0);
    expect(total).toBeGreaterThan(minTotal);
    // The per-kind lower bounds the one-stack question relies on are below what the services deploy.
    const least = app.stack.design.services.reduce((sum, p) => sum + RESOURCES_PER_BLOCK[p.block].least, BASE_RESOURCES.least);
    expect(least).toBeLessThan(total);
  });

  test('data stores, network, alarm topic and dashboard stay in the application stack', () => {
    const typesIn = (template: any) => new Set(Object.values<any>(template.Resources).map((r) => r.Type));
    for (const type of ['AWS::DynamoDB::Table', 'AWS::RDS::DBCluster', 'AWS::SQS::Queue', 'AWS::EC2::VPC', 'AWS::SNS::Topic', 'AWS::CloudWatch::Dashboard']) {
      expect(typesIn(app.root).has(type)).toBe(true);
    }
    // Every full nested stack (the last may hold a few services only).
    for (const { template } of app.templates.slice(1, lastNestedFull ? undefined : -1)) {
      for (const type of ['AWS::DynamoDB::Table', 'AWS::RDS::DBCluster', 'AWS::EC2::VPC', 'AWS::SNS::Topic']) expect(typesIn(template).has(type)).toBe(false);
      // Alarms of a nested stack's services live there and notify the application's topic (a parameter).
      const alarms = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
      expect(alarms.length).toBeGreaterThan(20);
      for (const a of alarms) expect(JSON.stringify(a.Properties.AlarmActions)).toMatch(/"Ref":"/);
    }
    // The first service is in the application stack, svc-99 in Services6 (where the 100-service application has it), the last in the last nested stack.
    const inNested = (stackId: string, service: string) => app.stack.node.tryFindChild(stackId)!.node.tryFindChild('Services')!.node.tryFindChild(service);
    expect(app.stack.node.tryFindChild('Services')!.node.tryFindChild('svc-0')).toBeDefined();
    expect(inNested('Services6', 'svc-99')).toBeDefined();
    expect(inNested(`Services${nestedStacks}`, `svc-${n - 1}`)).toBeDefined();
  });

  test('the cost report prices the nested stacks inside the total, with the derived usage reaching them', () => {
    const nested = app.report.resources.filter((r: any) => r.nestedStack);
    expect(new Set(nested.map((r: any) => r.nestedStack.replace(/NestedStack.*$/, ''))).size).toBe(nestedStacks);
    const sum = (rs: any[]) => rs.reduce((s, r) => s + (r.monthlyCost?.expected ?? 0), 0);
    expect(sum(nested)).toBeGreaterThan(0);
    expect(app.report.monthlyCost.expected).toBeCloseTo(sum(app.report.resources), 0);
    // svc-95 is an HTTP API in Services6: its function is priced at the derived 5M requests, not the estimator's default.
    const fn = nested.find((r: any) => r.type === 'AWS::Lambda::Function' && /^Servicessvc95Function/.test(r.logicalId));
    expect(fn.nestedStack).toMatch(/^Services6NestedStack/);
    expect(fn.lineItems.find((i: any) => /^Requests/.test(i.description))).toMatchObject({ unit: '1M requests', quantity: 5 });
  });
}

describe('100 services (mixed workloads)', () => {
  sharedTests(built(100), 100, 6, 1500, true);
});

(LONG ? describe : describe.skip)('200 services (mixed workloads)', () => {
  // 200 services: past the ~190 at which re-exporting every nested service's outputs reached the
  // application stack's 200-output limit. (250 measured with bench/scaling.ts, see the README.)
  const app = built(200);
  sharedTests(app, 200, 13, 3000, false);

  test('past the output bound, services\' outputs stay in their nested stack and the access details still reach every service', () => {
    // The stack's own outputs: the stores' (table, queue, database endpoint and secret) and the dashboard and alarm topic.
    const own = 6;
    const kept = outputsKeptInNestedStacks(app.stack.design.services, placeServices(app.stack.design.services, 3).placement, own);
    const first = app.stack.design.services.findIndex((s) => kept.has(s.name));
    expect(first).toBeGreaterThan(150);
    // outputsOf predicts what the builders create: the application stack holds exactly the re-exported ones.
    expect(counts(app.root).outputs).toBe(own + app.stack.design.services.filter((s) => !kept.has(s.name)).reduce((sum, s) => sum + outputsOf(s), 0));
    expect(counts(app.root).outputs).toBeLessThanOrEqual(TEMPLATE_LIMITS.outputs - ROOT_OUTPUTS_RESERVED);
    // Before the bound the application stack re-exports the service's endpoint; from it on, the nested stack holds it.
    const before = app.stack.design.services.slice(0, first).reverse().find((s) => outputsOf(s) > 0)!;
    const after = app.stack.design.services.find((s, i) => i >= first && s.block === ServiceBlockKind.FUNCTION_API)!;
    expect(Object.values<any>(app.root.Outputs).filter((o) => o.Description.includes(`'${before.name}'`))).toHaveLength(outputsOf(before));
    expect(app.root.Outputs[`Endpoint${pascal(after.name)}`]).toBeUndefined();
    const nested = app.templates.find((t) => t.template.Outputs?.[`Endpoint${pascal(after.name)}`]);
    expect(nested?.id).toMatch(/^Services\d+$/);
    // Every service with an output has it in the report, from whichever stack holds it.
    const described = app.report.accessDetails.map((a: any) => a.description).join('\n');
    for (const s of app.stack.design.services.filter((p) => outputsOf(p) > 0)) expect(described).toContain(`'${s.name}'`);
    const detail = app.report.accessDetails.find((a: any) => a.outputKey === `Endpoint${pascal(after.name)}`);
    expect(detail.description).toMatch(new RegExp(`nested stack ${nested!.id} of Many`));
    expect(detail.value).toMatch(/execute-api/);
    const md = fs.readFileSync(path.join(app.assembly.directory, `${app.stack.artifactId}.design-report.md`), 'utf8');
    expect(md).toContain(`| Endpoint${pascal(after.name)} |`);
    // The decision says so.
    const decision = app.report.decisions.find((d: any) => d.subject === 'application' && /nested stacks/.test(d.choice));
    expect(decision.rationale).toMatch(new RegExp(`from ${app.stack.design.services[first].name} on \\(${kept.size} services\\)`));
  });
});

test('growing from 39 to 41 services moves nothing that exists', () => {
  const before = synth(39).templates;
  const after = synth(41).templates;
  const byId = new Map(after.map((t) => [t.id, t.template]));
  expect(before.length).toBeGreaterThan(1);
  for (const { id, template } of before) {
    const grown = byId.get(id)!;
    expect(grown).toBeDefined();
    expect({ id, problems: replacements(reduceTemplate(template), reduceTemplate(grown)) }).toEqual({ id, problems: [] });
    // No resource left its stack: every logical ID is still there, with its type.
    const missing = Object.entries<any>(template.Resources).filter(([lid, r]) => grown.Resources[lid]?.Type !== r.Type).map(([lid]) => lid);
    expect({ id, missing }).toEqual({ id, missing: [] });
  }
});

describe('placement rule', () => {
  const plans = (kinds: ServiceBlockKind[]) => kinds.map((block, i) => ({ name: `s${i}`, block }) as unknown as ServicePlan);

  test('an application that may fit in one stack (least estimate within 500) keeps every service in the application stack', () => {
    // 4 + 25 x 19 = 479: a deployed application of this size keeps its layout, even if its likely count is higher.
    const placed = placeServices(plans(Array(25).fill(ServiceBlockKind.FUNCTION_API)), 3).placement;
    expect([...placed.values()].every((p) => p === undefined)).toBe(true);
  });

  test('past 500: the first services stay while the estimate is within 450, the rest fill nested stacks in order', () => {
    const placed = [...placeServices(plans(Array(40).fill(ServiceBlockKind.FUNCTION_API)), 3).placement.values()];
    // 60 + 3 x 10 = 90 for the stores and observability, 24 per function API: 15 stay, 12 per nested stack.
    expect(placed.slice(0, 15).every((p) => p === undefined)).toBe(true);
    expect(placed.slice(15, 27).every((p) => p === 'Services1')).toBe(true);
    expect(placed.slice(27, 39).every((p) => p === 'Services2')).toBe(true);
    expect(placed[39]).toBe('Services3');
    // Appending keeps every existing placement.
    const longer = plans([...Array(40).fill(ServiceBlockKind.FUNCTION_API), ServiceBlockKind.CONTAINER_SERVICE]);
    const grown = [...placeServices(longer, 3).placement.values()];
    expect(grown.slice(0, 40)).toEqual(placed);
  });

  test('outputs: re-exported in declaration order while they fit, then kept in nested stacks; appending moves none', () => {
    const kinds = (n: number) => Array.from({ length: n }, (_, i) => [ServiceBlockKind.FUNCTION_API, ServiceBlockKind.STATIC_SITE][i % 2]);
    const services = plans(kinds(150));
    const placement = placeServices(services, 3).placement;
    // 20 outputs the stack has anyway, 8 kept free: 172 for services, 1.5 a service on average.
    const kept = outputsKeptInNestedStacks(services, placement, 20);
    const first = services.findIndex((s) => kept.has(s.name));
    expect(services.slice(0, first).reduce((sum, s) => sum + outputsOf(s), 0)).toBeLessThanOrEqual(172);
    expect(services.slice(0, first + 1).reduce((sum, s) => sum + outputsOf(s), 0)).toBeGreaterThan(172);
    expect(services.slice(first).every((s) => kept.has(s.name))).toBe(true);
    const grown = plans(kinds(160));
    const grownKept = outputsKeptInNestedStacks(grown, placeServices(grown, 3).placement, 20);
    expect(grownKept).toEqual(new Set([...kept, ...grown.slice(150).map((s) => s.name)]));
    // Services in the application stack always output there.
    expect(services.filter((s) => placement.get(s.name) === undefined).some((s) => kept.has(s.name))).toBe(false);
  });
});

test('load balancers only in nested stacks log to the application\'s access-log bucket, which allows their delivery', () => {
  const services = [
    { name: 'site', workload: WorkloadType.STATIC_SITE },
    ...Array.from({ length: 30 }, (_, i) => ({ name: `fn-${i}`, workload: WorkloadType.HTTP_API })),
    ...Array.from({ length: 3 }, (_, i) => ({ name: `web-${i}`, workload: WorkloadType.WEB_SERVICE })),
  ];
  const app = new App({ context: { 'cdk-infra-engineer:subnetCidrLayout': 'RESERVED_SLOTS' } });
  const stack = new ApplicationStack(app, 'Edge', { requirements: { name: 'edge', environment: EnvironmentTier.PRODUCTION, services }, designReport: false });
  const templates = templatesOf(app.synth(), stack);
  const root = templates[0].template;
  expect(Object.values<any>(root.Resources).some((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer')).toBe(false);
  const nestedLbs = templates.slice(1).flatMap((t) => Object.values<any>(t.template.Resources))
    .filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
  expect(nestedLbs).toHaveLength(3);
  for (const lb of nestedLbs) expect(lb.Properties.LoadBalancerAttributes).toContainEqual({ Key: 'access_logs.s3.enabled', Value: 'true' });
  const [, logPolicy] = Object.entries<any>(root.Resources).find(([id, r]) => r.Type === 'AWS::S3::BucketPolicy' && id.startsWith('SecurityAccessLogs'))!;
  expect(JSON.stringify(logPolicy.Properties.PolicyDocument)).toMatch(/elasticloadbalancing|logdelivery\.elb|127311923021/);
});
