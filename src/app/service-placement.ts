import { ArchitectureDecision, DecisionArea, ServiceBlockKind, ServicePlan } from '../design/model';

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

/**
 * Where each service is built: undefined for the application stack, else `Services<N>`.
 * Deterministic from the design, in declaration order, so appending services never moves one
 * that exists: an application that may fit in one stack (its least estimate within 500) keeps
 * every service in the application stack (today's layout); a larger one keeps its first services
 * there while the estimate stays within 450 and fills nested stacks of at most 300 estimated
 * resources with the rest, in order. Reordering or removing a service in the middle may move the
 * services after it; so does the one step that takes an application past one stack.
 */
export function placeServices(services: ReadonlyArray<ServicePlan>, dataStores: number): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  // At least this many resources in one stack: within the limit, the application may be deployed
  // that way today, so it keeps that layout (an overestimate here would move deployed services).
  const least = services.reduce((sum, s) => sum + RESOURCES_PER_BLOCK[s.block].least, BASE_RESOURCES.least);
  if (least <= ONE_STACK_LIMIT) {
    services.forEach((s) => out.set(s.name, undefined));
    return out;
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
  return out;
}

/** The decision the design report shows when services are placed in nested stacks; undefined when all fit in one. */
export function placementDecision(placement: ReadonlyMap<string, string | undefined>): ArchitectureDecision | undefined {
  const byStack = new Map<string, string[]>();
  for (const [name, where] of placement) if (where) byStack.set(where, [...byStack.get(where) ?? [], name]);
  if (byStack.size === 0) return undefined;
  const kept = [...placement.values()].filter((p) => p === undefined).length;
  return {
    area: DecisionArea.ENVIRONMENT,
    subject: 'application',
    choice: `${kept} services in the application stack, the other ${placement.size - kept} in nested stacks: `
      + [...byStack].map(([id, names]) => `${id} (${names[0]} to ${names[names.length - 1]})`).join(', '),
    rationale: `The services need more than CloudFormation's ${ONE_STACK_LIMIT} resources per stack. Services stay in the application stack, in `
      + `the order requirements.services lists them, while its estimate is within ${ROOT_MARGIN}; the rest fill nested stacks of at most `
      + `${NESTED_STACK_BUDGET} estimated resources each, with their alarms (on the application's topic) and a dashboard of their own. `
      + 'Data stores, network, the alarm topic and the main dashboard stay in the application stack. Appending services never moves one '
      + 'that exists; reordering or removing a service in the middle of the list may move the services after it into another stack, '
      + 'which replaces them (new function names and endpoints).',
    alternatives: [
      { option: 'one ApplicationStack per group of services', whyNot: 'splits the requirements, and the data stores each service uses, by hand' },
    ],
  };
}
