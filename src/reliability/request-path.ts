import { InfrastructureDesign } from '../design/infrastructure-design';
import { ComputeRuntime, ServicePlan } from '../design/model';
import { RUNTIME_LABEL } from '../design/pins';
import { inSeries, onPath, SLA, SlaComponent } from '../design/slas';
import { STORE_DESIGNERS } from '../design/stores';
import { WORKLOAD_DESIGNERS } from '../design/workloads';

export interface RequestPath {
  readonly service: string;
  /** Every component the service depends on; only the synchronous ones count in `percent`. */
  readonly components: SlaComponent[];
  readonly percent: number;
}

/**
 * Composite availability from published SLAs: per service, the product of the SLAs of the
 * components a request waits for (its front, the stores it reads and writes synchronously, the
 * services it calls and theirs); the architecture's figure is its weakest user-facing path
 * (every path when nothing is user-facing). Needs only the design.
 */
export function compositeAvailability(design: InfrastructureDesign) {
  const paths: RequestPath[] = design.services.map((s) => {
    const components = pathOf(s, design, new Set());
    return { service: s.name, components, percent: round(inSeries(components.filter((c) => c.synchronous).map((c) => c.percent))) };
  });
  const userFacing = paths.filter((p) => design.service(p.service).publicEndpoint);
  const considered = userFacing.length ? userFacing : paths;
  const weakest = considered.reduce((a, b) => (b.percent < a.percent ? b : a));
  const onIt = weakest.components.filter((c) => c.synchronous);
  const weakestComponent = onIt.reduce((a, b) => (b.percent < a.percent ? b : a), onIt[0] ?? { ...SLA.lambda, synchronous: true });
  return { paths, weakest, weakestComponent, composite: weakest.percent };
}

/** The components a request to (or a run of) a service depends on, flagged synchronous or not. */
export function pathOf(s: ServicePlan, design: InfrastructureDesign, visiting: Set<string>): SlaComponent[] {
  visiting.add(s.name);
  const front = WORKLOAD_DESIGNERS[s.workload].requestPath(s);
  const storeNames = [...new Set([...s.readWriteStores, ...s.readOnlyStores, ...(s.consumesQueue ? [s.consumesQueue] : [])])];
  const stores = storeNames.map((n) => design.dataStore(n)).flatMap((d) => STORE_DESIGNERS[d.kind].sla(d)
    // A worker's run starts from its queue: the queue is on the worker's own path.
    .map((c) => (d.name === s.consumesQueue ? onPath(c) : c)));
  const callees = s.calls.filter((c) => !visiting.has(c)).flatMap((c) => pathOf(design.service(c), design, visiting));
  return [...front, ...stores, ...callees];
}

/**
 * What would lift a path to the target: a function service that could run on containers
 * (load balancer and Fargate, 99.99% each), with the whole-design cost difference; otherwise the
 * weakest component, and the target the design does meet.
 */
export function availabilityFixes(design: InfrastructureDesign, target: number): string[] {
  const { weakest, weakestComponent } = compositeAvailability(design);
  const plan = design.service(weakest.service);
  const fixes: string[] = [];
  const couldRunContainers = WORKLOAD_DESIGNERS[plan.workload].runtimes({ name: plan.name, workload: plan.workload })
    .includes(ComputeRuntime.FARGATE);
  if (plan.runtime === ComputeRuntime.LAMBDA && couldRunContainers) {
    const front = WORKLOAD_DESIGNERS[plan.workload].requestPath(plan).filter((c) => c.synchronous).map((c) => c.percent);
    const containerFront = [SLA.elb.percent, SLA.fargate.percent];
    const rest = weakest.components.filter((c) => c.synchronous).map((c) => c.percent).slice(front.length);
    const withContainers = round(inSeries([...containerFront, ...rest]));
    const compute = design.decisions.find((d) => d.subject === plan.name && d.area === 'compute');
    const alt = compute?.alternatives.find((a) => a.estimatedMonthlyUsd !== undefined);
    const delta = alt && compute?.choiceEstimatedMonthlyUsd !== undefined ? alt.estimatedMonthlyUsd! - compute.choiceEstimatedMonthlyUsd : undefined;
    if (withContainers >= target) {
      fixes.push(`run '${plan.name}' on ${RUNTIME_LABEL[ComputeRuntime.FARGATE]} (runtime: RuntimePreference.CONTAINER): its path would give ${withContainers}%`
        + (delta !== undefined ? ` for $${Math.abs(delta).toFixed(2)} a month ${delta >= 0 ? 'more' : 'less'}` : ''));
    }
  }
  if (weakestComponent.percent < 99.99 && /Single-AZ/.test(weakestComponent.service)) {
    fixes.push(`a standby in another AZ for ${weakestComponent.service} (production tier, or availability.rtoMinutes below 15 for Aurora)`);
  }
  fixes.push(`${fixes.length ? 'or ' : ''}set requirements.availability.targetPercent to ${weakest.percent}, what the published SLAs give`);
  return fixes;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
