import * as fs from 'fs';
import * as path from 'path';
import { CfnOutput, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { TEMPLATE_LIMITS } from './template-limits';
import { ArchitectureDecision, DecisionArea, ServiceBlockKind, ServicePlan } from '../design/model';
import { AccessDetail, ReportContributor } from '../report/model';

/**
 * Template resources a service of each block kind adds, alarms and grants included: `most` as
 * measured on production applications (rounded up), to fill stacks; `least` as measured on the
 * leanest (development, no stores), for the one question where an overestimate would do harm:
 * whether an application fits in one stack, as every deployed one does.
 */
export const RESOURCES_PER_BLOCK: Record<ServiceBlockKind, { least: number; most: number }> = {
  [ServiceBlockKind.FUNCTION_API]: { least: 19, most: 24 },
  [ServiceBlockKind.CONTAINER_SERVICE]: { least: 22, most: 32 },
  [ServiceBlockKind.QUEUE_WORKER]: { least: 8, most: 16 },
  [ServiceBlockKind.SCHEDULED_JOB]: { least: 14, most: 18 },
  [ServiceBlockKind.STATIC_SITE]: { least: 7, most: 10 },
  [ServiceBlockKind.BACKEND_FUNCTION]: { least: 10, most: 14 },
  [ServiceBlockKind.BACKEND_CONTAINER]: { least: 13, most: 20 },
  [ServiceBlockKind.WEBSOCKET_API]: { least: 27, most: 34 },
};

/** What the application stack holds besides services: network, observability, and per store (`least`: the topic and dashboard alone). */
export const BASE_RESOURCES = { least: 4, fixed: 60, perStore: 10 };

/**
 * Generous upper bounds: an application within 500 by these surely fits in one stack, without
 * measuring it. Measured for reference: production under all three frameworks with a domain,
 * three AZs and one store of each kind holds 97 resources besides its services; a container
 * web service with WAF, domain and alarms 32 (its `most`). A quarter over `most` per service.
 */
export const UPPER_RESOURCES = {
  perBlock: (kind: ServiceBlockKind) => Math.ceil(RESOURCES_PER_BLOCK[kind].most * 1.25),
  fixed: 100,
  perStore: 20,
};

/** CloudFormation's resource limit: an application estimated within it keeps every service in the application stack. */
export const ONE_STACK_LIMIT = 500;
/** Once an application outgrows one stack, the application stack keeps services up to this estimate. */
export const ROOT_MARGIN = 450;
/** Services go into a nested stack while its estimate stays within this (well under 500, with room for wiring). */
export const NESTED_STACK_BUDGET = 300;

/** The nested stack id of the n-th group (1-based). */
export function servicesStackId(n: number): string {
  return `Services${n}`;
}

/** What the template of the whole application in one stack would hold, as synthesized. */
export interface OneStackMeasure {
  readonly resources: number;
  readonly outputs: number;
  readonly parameters: number;
  readonly bytes: number;
  /** The limit it would exceed, if any (`resources`, `outputs`, `parameters` or `bytes`). */
  readonly over?: string;
}

/** Where each service goes, and how the one-stack question was answered (for the decision's rationale). */
export interface ServicePlacement {
  /** Service name to undefined (the application stack) or `Services<N>`. */
  readonly placement: Map<string, string | undefined>;
  /** Why the application is, or is not, in one stack. */
  readonly basis: string;
}

/**
 * Where each service is built: undefined for the application stack, else `Services<N>`.
 *
 * Whether the application fits in one stack is decided so that no application the previous
 * release could synthesize (all in one stack, which failed synth past 500 resources) moves,
 * and none that cannot be synthesized in one stack is kept there:
 * - its lower bound (per-kind `least`, measured on the leanest configuration) over 500: it
 *   cannot fit, and never could; no measurement needed;
 * - its generous upper bound (`UPPER_RESOURCES`) within 500: it surely fits;
 * - in between, lower bounds cannot tell (22 to 26 Lambda HTTP APIs have lower bounds within
 *   500 and templates of 504 to 567 resources): `measure` synthesizes the application in one
 *   stack (build, then measure) and it stays there exactly when that template is within every
 *   CloudFormation limit, i.e. when it synthesized before; otherwise nothing of it was ever
 *   deployed and it is placed as a larger application.
 * A larger application keeps its first services in the application stack while the estimate
 * stays within 450 and fills nested stacks of at most 300 estimated resources with the rest, in
 * declaration order, so appending services never moves one that exists. Reordering or removing a
 * service in the middle may move the services after it; so does the one step that takes an
 * application past one stack.
 */
export function placeServices(services: ReadonlyArray<ServicePlan>, dataStores: number, measure?: () => OneStackMeasure): ServicePlacement {
  const out = new Map<string, string | undefined>();
  const allInRoot = (basis: string): ServicePlacement => {
    services.forEach((s) => out.set(s.name, undefined));
    return { placement: out, basis };
  };
  // At least this many resources in one stack: within the limit, the application may be deployed that way today.
  const least = services.reduce((sum, s) => sum + RESOURCES_PER_BLOCK[s.block].least, BASE_RESOURCES.least);
  const upper = services.reduce((sum, s) => sum + UPPER_RESOURCES.perBlock(s.block), UPPER_RESOURCES.fixed + UPPER_RESOURCES.perStore * dataStores);
  let basis: string;
  if (least > ONE_STACK_LIMIT) {
    basis = `its services alone need at least ${least} resources, over CloudFormation's ${ONE_STACK_LIMIT} per stack`;
  } else if (upper <= ONE_STACK_LIMIT || !measure) {
    return allInRoot(`at most about ${upper} resources (estimated upper bound), within CloudFormation's ${ONE_STACK_LIMIT} per stack`);
  } else {
    const one = measure();
    if (!one.over) {
      return allInRoot(`synthesized in one stack, its template has ${one.resources} resources, ${one.outputs} outputs, ${one.parameters} parameters `
        + `and ${one.bytes.toLocaleString('en-US')} bytes, within CloudFormation's limits`);
    }
    basis = `synthesized in one stack, its template would have ${one[one.over as keyof OneStackMeasure]} ${one.over}, over CloudFormation's limit `
      + '(so no release could synthesize it in one stack, and nothing of it is deployed in one)';
  }
  const estimate = (s: ServicePlan) => RESOURCES_PER_BLOCK[s.block].most;
  let root = BASE_RESOURCES.fixed + BASE_RESOURCES.perStore * dataStores;
  let group = 0;
  let inGroup = Number.POSITIVE_INFINITY;
  let inRoot = true;
  for (const s of services) {
    const e = estimate(s);
    if (inRoot && root + e <= ROOT_MARGIN) {
      root += e;
      out.set(s.name, undefined);
      continue;
    }
    inRoot = false;
    if (inGroup + e > NESTED_STACK_BUDGET) {
      group += 1;
      inGroup = 0;
    }
    inGroup += e;
    out.set(s.name, servicesStackId(group));
  }
  return { placement: out, basis };
}

/**
 * Root outputs kept free for what the application stack outputs after its services (the
 * dashboard and alarm topic are counted separately): room for outputs added later.
 */
export const ROOT_OUTPUTS_RESERVED = 8;

/** Outputs a service's builder creates (services.ts): how to reach it. */
export function outputsOf(plan: ServicePlan): number {
  if (plan.block === ServiceBlockKind.STATIC_SITE) return 2;
  if (plan.block === ServiceBlockKind.QUEUE_WORKER && plan.consumesQueue) return 0;
  return 1;
}

/**
 * The services whose outputs stay in their nested stack instead of being re-exported by the
 * application stack: each nested service adds its outputs to the application stack's, which
 * reached CloudFormation's 200 around 190 services. In declaration order, services' outputs go
 * to the application stack while they fit in 200 less `ROOT_OUTPUTS_RESERVED` (with the
 * `rootOutputs` it has anyway); from the first that does not fit, every later service's outputs
 * stay in its nested stack, so appending services never moves an output. The design report's
 * access details list those from the nested stacks' templates.
 */
export function outputsKeptInNestedStacks(services: ReadonlyArray<ServicePlan>, placement: ReadonlyMap<string, string | undefined>,
  rootOutputs: number): Set<string> {
  const kept = new Set<string>();
  let room = TEMPLATE_LIMITS.outputs - ROOT_OUTPUTS_RESERVED - rootOutputs;
  for (const s of services) {
    const n = outputsOf(s);
    if (placement.get(s.name) === undefined || (kept.size === 0 && n <= room)) room -= n;
    else kept.add(s.name);
  }
  return kept;
}

/** The decision the design report shows when services are placed in nested stacks; undefined when all fit in one. */
export function placementDecision(placed: ServicePlacement, outputsInNested: ReadonlySet<string> = new Set()): ArchitectureDecision | undefined {
  const { placement } = placed;
  const byStack = new Map<string, string[]>();
  for (const [name, where] of placement) if (where) byStack.set(where, [...byStack.get(where) ?? [], name]);
  if (byStack.size === 0) return undefined;
  const kept = [...placement.values()].filter((p) => p === undefined).length;
  const first = [...placement.keys()].find((n) => outputsInNested.has(n));
  return {
    area: DecisionArea.ENVIRONMENT,
    subject: 'application',
    choice: `${kept} services in the application stack, the other ${placement.size - kept} in nested stacks: `
      + [...byStack].map(([id, names]) => `${id} (${names[0]} to ${names[names.length - 1]})`).join(', '),
    rationale: `The application does not fit in one stack: ${placed.basis}. Whether it fits is decided by a lower bound where that `
      + `already exceeds ${ONE_STACK_LIMIT}, by a generous upper bound where that is within it, and otherwise by synthesizing it in one stack `
      + 'and measuring the template: an application that fits (and so could be deployed in one stack) keeps every service in the application stack. '
      + `Services stay in the application stack, in the order requirements.services lists them, while its estimate is within ${ROOT_MARGIN}; `
      + `the rest fill nested stacks of at most ${NESTED_STACK_BUDGET} estimated resources each, with their alarms (on the application's topic) `
      + 'and a dashboard of their own. Data stores, network, the alarm topic and the main dashboard stay in the application stack. '
      + (first
        ? `The application stack re-exports the endpoints of services up to CloudFormation's ${TEMPLATE_LIMITS.outputs} outputs (less `
          + `${ROOT_OUTPUTS_RESERVED} kept free); from ${first} on (${outputsInNested.size} services), each service's outputs are outputs of its `
          + 'nested stack, listed in the access details. '
        : '')
      + 'Appending services never moves one that exists, nor its outputs; reordering or removing a service in the middle of the list may move '
      + 'the services after it into another stack, which replaces them (new function names and endpoints).',
    alternatives: [
      { option: 'one ApplicationStack per group of services', whyNot: 'splits the requirements, and the data stores each service uses, by hand' },
    ],
  };
}

/**
 * The access details of services whose outputs stay in their nested stack: each nested stack's
 * own outputs (those the services created there, not CDK's references), read from its
 * synthesized template, so the report still says how to reach every service.
 */
export function nestedAccessDetails(stack: Stack, nestedStacks: NestedStack[]): ReportContributor {
  // Read now, in the constructor: at synth CDK adds outputs of its own to the nested stacks (references).
  const own = nestedStacks.map((nested) => ({ nested, keys: nested.node.children.filter((c) => c instanceof CfnOutput).map((c) => c.node.id) }))
    .filter((n) => n.keys.length > 0);
  return {
    section: 'access',
    contribute(report) {
      const outdir = Stage.of(stack)!.outdir;
      const details: AccessDetail[] = own.flatMap(({ nested, keys }) => {
        const file = path.join(outdir, nested.templateFile);
        const outputs = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).Outputs ?? {} : {};
        return keys.filter((k) => outputs[k]).map((outputKey) => ({
          outputKey,
          description: `${outputs[outputKey].Description ?? ''} (an output of the nested stack ${nested.node.id} of ${stack.node.id}: `
            + `${stack.node.id} does not re-export it, its outputs being at CloudFormation's limit)`,
          value: typeof outputs[outputKey].Value === 'string' ? outputs[outputKey].Value : JSON.stringify(outputs[outputKey].Value),
        }));
      });
      return { ...report, accessDetails: [...report.accessDetails, ...details] };
    },
  };
}
