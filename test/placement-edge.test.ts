// Applications at the edge of one stack. The one-stack question used to be answered by per-kind
// lower bounds alone, so N Lambda HTTP APIs whose lower bound (4 + 19 N) is within 500 were
// kept in one stack whose real template was not: measured on the previous release and before
// this fix, in production and development alike, 25 and 26 APIs without a framework (504 and
// 524 resources) and 23 to 26 with HIPAA or NIST 800-53 (504 to 567 resources) failed synth on
// CloudFormation's 500 resources; 20 to 24 (22 with a framework) fit, and 27 and more went to
// nested stacks. Every N from 20 to 30 now synthesizes within the limits, and those that fit
// in one stack keep every service there (they were deployable with the previous release).
import { App } from 'aws-cdk-lib';
import { templatesOf } from '../bench/scaling';
import { ApplicationStack } from '../src/app';
import { OneStackMeasure, placeServices } from '../src/app/service-placement';
import { TEMPLATE_LIMITS, templateCounts } from '../src/app/template-limits';
import { ServiceBlockKind, ServicePlan } from '../src/design/model';
import { ApiAuthType, ApplicationRequirements, ComplianceFramework, EnvironmentTier, WorkloadType } from '../src/requirements';

function apis(n: number, environment: EnvironmentTier, framework?: ComplianceFramework): ApplicationRequirements {
  return {
    name: 'edge',
    environment,
    compliance: framework ? [framework] : [],
    services: Array.from({ length: n }, (_, i) => ({
      name: `api-${i}`,
      workload: WorkloadType.HTTP_API,
      ...(framework ? { auth: { type: ApiAuthType.NONE, reason: 'a public catalogue that anyone may read, by design' } } : {}),
    })),
  };
}

function synth(requirements: ApplicationRequirements) {
  const app = new App();
  const stack = new ApplicationStack(app, 'Edge', { requirements, designReport: false });
  return { stack, templates: templatesOf(app.synth(), stack) };
}

// Per configuration: the largest N that fits in one stack, the failing range before the fix, and the first N whose lower bound is over 500.
// The default run keeps one configuration with and one without a framework, at the largest N that
// fits and the first that did not; LONG_TESTS=1 (`npx projen test:long`) runs the whole range.
const LONG = process.env.LONG_TESTS === '1';
const CASES: Array<[string, EnvironmentTier, ComplianceFramework | undefined, number, number[]]> = LONG ? [
  ['production', EnvironmentTier.PRODUCTION, undefined, 24, [25, 26, 27]],
  ['development', EnvironmentTier.DEVELOPMENT, undefined, 24, [25]],
  ['production, HIPAA', EnvironmentTier.PRODUCTION, ComplianceFramework.HIPAA, 22, [23, 26, 27]],
  ['development, NIST 800-53', EnvironmentTier.DEVELOPMENT, ComplianceFramework.NIST_800_53_R5, 22, [23]],
] : [
  ['production', EnvironmentTier.PRODUCTION, undefined, 24, [25]],
  ['development, NIST 800-53', EnvironmentTier.DEVELOPMENT, ComplianceFramework.NIST_800_53_R5, 22, [23]],
];

describe.each(CASES)('Lambda HTTP APIs at the edge of one stack (%s)', (_label, tier, framework, fits, beyond) => {
  test(`${fits} APIs fit: every service stays in the application stack, within the limits`, () => {
    const { stack, templates } = synth(apis(fits, tier, framework));
    expect(templates).toHaveLength(1);
    const c = templateCounts(templates[0].template);
    expect(c.over).toBeUndefined();
    expect(c.resources).toBeGreaterThan(480); // near the edge: the generous bound could not tell, the measurement did
    expect(stack.design.decisions.find((d) => d.subject === 'application' && /nested stacks/.test(d.choice))).toBeUndefined();
  });

  test.each(beyond)('%i APIs synthesize with every template within the limits', (n) => {
    // synth() itself fails on an over-limit template (the gate's CloudFormation-limits check).
    const { stack, templates } = synth(apis(n, tier, framework));
    expect(templates.length).toBeGreaterThan(1);
    for (const { id, template } of templates) expect({ id, over: templateCounts(template).over }).toEqual({ id, over: undefined });
    const decision = stack.design.decisions.find((d) => d.subject === 'application' && /nested stacks/.test(d.choice))!;
    expect(decision.rationale).toMatch(n <= 26 ? /synthesized in one stack, its template would have \d+ resources, over CloudFormation's limit/
      : /its services alone need at least \d+ resources/);
    // The first services stay in the application stack, in declaration order.
    expect(stack.node.tryFindChild('Services')!.node.tryFindChild('api-0')).toBeDefined();
  });
});

describe('the one-stack question', () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `s${i}`, block: ServiceBlockKind.FUNCTION_API }) as unknown as ServicePlan);
  const measured = (resources: number): OneStackMeasure => ({ resources, outputs: 10, parameters: 1, bytes: 1000, over: resources > TEMPLATE_LIMITS.resources ? 'resources' : undefined });

  test('a small application is judged by its upper bound, without measuring', () => {
    const measure = jest.fn(() => measured(100));
    expect([...placeServices(plans(5), 0, measure).placement.values()].every((p) => p === undefined)).toBe(true);
    expect(measure).not.toHaveBeenCalled();
  });

  test('a lower bound over 500 places services in nested stacks without measuring', () => {
    const measure = jest.fn(() => measured(100));
    const { placement, basis } = placeServices(plans(27), 0, measure);
    expect(measure).not.toHaveBeenCalled();
    expect([...placement.values()].some((p) => p !== undefined)).toBe(true);
    expect(basis).toMatch(/at least 517 resources/);
  });

  test('in between, the measured one-stack template decides: within every limit keeps all, over one places freely', () => {
    expect([...placeServices(plans(24), 0, () => measured(500)).placement.values()].every((p) => p === undefined)).toBe(true);
    const over = placeServices(plans(24), 0, () => measured(501));
    expect([...over.placement.values()].filter((p) => p === undefined)).toHaveLength(16);
    expect(over.basis).toMatch(/would have 501 resources/);
  });
});
