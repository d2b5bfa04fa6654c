import { ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, ServiceRequirements, WorkloadType } from '../requirements';
import { priceBill } from './bill';
import { describeComponents } from './components';
import { ASSUMED_DURATION_SECONDS } from './constants';
import {
  ArchitectureDecision, BudgetPlan, ComputeRuntime, DataStorePlan, DataStoreTechnology, DecisionArea, DecisionPin, DesignComponent, NatStrategy,
  NetworkPlan, ResiliencePlan, ServicePlan,
} from './model';
import { networkBill, planNetwork } from './network';
import { NETWORK_PIN_SUBJECT, pinKey, RUNTIME_LABEL } from './pins';
import { planSecurity } from './security';
import { STORE_DESIGNERS } from './stores';
import { planResilience } from './tier';
import { UsageModel } from './usage-model';
import { WORKLOAD_DESIGNERS } from './workloads';
import { validateRequirements } from '../requirements/validate';
import { BillEntry, UsageEntry } from './workloads/designer';

/** Options of a design beyond the requirements. */
export interface DesignOptions {
  /**
   * Region the whole-design prices are quoted for.
   * @default - us-east-1
   */
  readonly region?: string;
  /**
   * Choices recorded by earlier syntheses (see `DecisionPin`), by subject: a service name
   * to its runtime (`lambda`, `fargate`). A pin is kept while the requirements allow it.
   * @default - no pins: every open choice is made now
   */
  readonly pins?: { [subject: string]: string };
  /**
   * Monthly requests per service name replacing the requirements' traffic in the usage model
   * (the stack passes the user's usage overrides here), so everything derived follows them.
   * @default - the requirements' traffic
   */
  readonly monthlyRequests?: { [service: string]: number };
  /**
   * Let RuntimePreference.AUTO choose the cheapest whole design for kinds earlier releases chose
   * by a rule (HTTP APIs): new applications should set it (context
   * `cdk-infra-engineer:chooseCheapestRuntime`); deployed ones keep the rule's choice so an upgrade
   * never switches their architecture, and the design says when another runtime is cheaper.
   * @default false
   */
  readonly chooseCheapest?: boolean;
}

interface Forced {
  readonly runtimes: Map<string, ComputeRuntime>;
  readonly reasons: Map<string, string>;
  readonly nat?: NatStrategy;
  /** Prices of the designs made for one call of fromRequirements, by their forced choices. */
  readonly prices?: Map<string, number>;
}

/**
 * Every architecture choice for an application, with the reasons. Pure and deterministic:
 * the same requirements (and pins) always give the same design, and nothing here touches CDK.
 * Where the requirements leave a runtime open, every candidate is designed and priced as a
 * whole design, and the cheapest that meets the requirements wins.
 */
export class InfrastructureDesign {
  /**
   * Validates the requirements (throwing one error that lists every problem) and makes
   * the design.
   */
  public static fromRequirements(requirements: ApplicationRequirements, options: DesignOptions = {}): InfrastructureDesign {
    validateRequirements(requirements);
    const prices = new Map<string, number>();
    const make = (forced: Forced) => new InfrastructureDesign(requirements, options, { ...forced, prices });
    const { forced, pins, notices } = chooseRuntimes(requirements, options, make);
    const nat = Object.values(NatStrategy).find((v) => v === options.pins?.[NETWORK_PIN_SUBJECT]);
    return new InfrastructureDesign(requirements, options, { ...forced, nat, prices }, { pins, notices });
  }

  /** The requirements the design was made from. */
  public readonly requirements: ApplicationRequirements;
  /** Every choice made, in order: environment, data, compute and edge, network, observability. */
  public readonly decisions: ArchitectureDecision[];
  /** What gets built, one line each. */
  public readonly components: DesignComponent[];
  /** How each service is built. */
  public readonly services: ServicePlan[];
  /** How each data store is built. */
  public readonly dataStores: DataStorePlan[];
  /** The network. */
  public readonly network: NetworkPlan;
  /** Tier and recovery settings applied to every resource. */
  public readonly resilience: ResiliencePlan;
  /**
   * The budget, when the requirements carry one; enforcement defaults to a warning.
   * @default - no budget
   */
  public readonly budget?: BudgetPlan;
  /** The choices to record so that later syntheses keep them (one per open choice). */
  public readonly pins: DecisionPin[];
  /** Pins that are no longer the cheapest, or that the requirements now rule out. */
  public readonly pinNotices: string[];

  /**
   * The usage model the design's figures come from.
   * @internal
   */
  public readonly _usage: UsageModel;
  /**
   * The choices forced on this design (open runtimes, the NAT strategy).
   * @internal
   */
  public readonly _forced: Forced;
  private readonly options: DesignOptions;
  private readonly usageEntries: UsageEntry[] = [];
  private readonly billEntries: BillEntry[] = [];

  private constructor(req: ApplicationRequirements, options: DesignOptions, forced: Forced,
    chosen?: { pins: DecisionPin[]; notices: string[] }) {
    this.requirements = req;
    this.options = options;
    this._forced = forced;
    const resilience = planResilience(req);
    this.resilience = resilience.plan;
    this.budget = req.budget ? { monthlyUsd: req.budget.monthlyUsd, enforcement: req.budget.enforcement ?? BudgetEnforcement.WARN } : undefined;
    const decisions: ArchitectureDecision[] = [resilience.decision];

    const complianceNames = (req.compliance ?? []).map(frameworkName);
    const storeReqs = req.dataStores ?? [];
    const kindOf = new Map(storeReqs.map((s) => [s.name, s.kind]));
    const storeDesigns = storeReqs.map((s) => STORE_DESIGNERS[s.kind].design(s, { resilience: this.resilience, complianceNames }));
    decisions.push(...storeDesigns.map((d) => d.decision));

    // Callees first: a caller of a service in the VPC must run in the VPC too.
    const designed = new Map<string, ReturnType<typeof designService>>();
    for (const s of calleesFirst(req.services)) {
      const callsIntoVpc = (s.calls ?? []).filter((c) => designed.get(c)?.plan.runtime === ComputeRuntime.FARGATE);
      designed.set(s.name, designService(s, req, forced, complianceNames, kindOf, callsIntoVpc));
    }
    const serviceDesigns = req.services.map((s) => designed.get(s.name)!);
    decisions.push(...serviceDesigns.flatMap((d) => d.decisions));

    this.services = serviceDesigns.map((d) => d.plan);
    this.dataStores = storeDesigns.map((d) => withConsumerVisibility(d.plan, this.services));

    const network = planNetwork(this.services, this.dataStores, this.resilience, req.name, forced.nat);
    this.network = network.plan;
    if (network.decision) decisions.push(network.decision);
    if (req.domain) {
      const d = req.domain;
      const facing = this.services.filter((x) => x.publicEndpoint || x.runtime === ComputeRuntime.S3_CLOUDFRONT);
      decisions.push({
        area: DecisionArea.EDGE,
        subject: req.name,
        choice: `HTTPS on ${d.zoneName}: ${facing.map((x) => `${x.name} at ${x.hostName ?? `${x.name}.${d.zoneName}`}`).join(', ') || 'no user-facing service'}`,
        rationale: `the hosted zone ${d.hostedZoneId} is given, not looked up, so synth needs no credentials; `
          + (d.certificateArn ? 'the given certificate serves every host' : 'each host gets a DNS-validated ACM certificate')
          + ', with alias records; load balancers redirect HTTP to HTTPS under a TLS 1.3/1.2 policy, HTTP APIs take TLS 1.2 or later and '
          + 'turn their execute-api endpoint off; a static site gets its host when its certificate can be in us-east-1 (CloudFront\'s only region)',
        alternatives: [{ option: 'AWS-provided names', whyNot: 'no TLS certificate of yours, and load balancers would serve HTTP only' }],
      });
    } else if (req.domainName) {
      decisions.push({
        area: DecisionArea.EDGE,
        subject: req.name,
        choice: `domain '${req.domainName}' recorded; endpoints stay on AWS-provided names`,
        rationale: 'domainName is only recorded: give requirements.domain ({ zoneName, hostedZoneId }) to serve the services on it over HTTPS',
        alternatives: [{ option: 'requirements.domain', whyNot: 'not given' }],
      });
    }
    decisions.push(...planSecurity(req, complianceNames, this.services, this.dataStores));
    decisions.push({
      area: DecisionArea.OBSERVABILITY,
      subject: req.name,
      choice: 'CloudWatch alarms on errors, latency, throttles, queue age, dead letters, database CPU and capacity, routed to one SNS topic; one dashboard',
      rationale: 'every compute and data resource has an alarm so a failure pages someone before users report it',
      alternatives: [{ option: 'no alarms by default', whyNot: 'an unmonitored stack fails silently' }],
    });

    this._usage = new UsageModel(req, this.services, this.dataStores, new Map(Object.entries(options.monthlyRequests ?? {})));
    for (const plan of this.services) {
      const designer = WORKLOAD_DESIGNERS[plan.workload];
      this.usageEntries.push(...designer.usage(plan, this._usage.service(plan.name)));
      this.billEntries.push(...designer.bill(plan, Math.max(2, this.network.maxAzs)));
    }
    for (const plan of this.dataStores) {
      const designer = STORE_DESIGNERS[plan.kind];
      this.usageEntries.push(...designer.usage(plan, this._usage.store(plan.name)));
      this.billEntries.push(...designer.bill(plan));
    }
    this.billEntries.push(...networkBill(this.network));

    this.pins = [...(chosen?.pins ?? []),
      ...(this.network.required ? [{ subject: NETWORK_PIN_SUBJECT, key: pinKey(NETWORK_PIN_SUBJECT), value: this.network.natStrategy }] : [])];
    this.pinNotices = chosen?.notices ?? [];
    this.decisions = chosen ? this.priceAlternatives(decisions, serviceDesigns, network.natAlternatives) : decisions;
    this.components = describeComponents(this.services, this.dataStores, this.network);
  }

  /** The plan for a service, by name. */
  public service(name: string): ServicePlan {
    const s = this.services.find((x) => x.name === name);
    if (!s) throw new Error(`No service named '${name}' in the design (services: ${this.services.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** The plan for a data store, by name. */
  public dataStore(name: string): DataStorePlan {
    const s = this.dataStores.find((x) => x.name === name);
    if (!s) throw new Error(`No data store named '${name}' in the design (data stores: ${this.dataStores.map((x) => x.name).join(', ') || 'none'})`);
    return s;
  }

  /**
   * What the priced part of this design costs a month (what differs between designs), in USD.
   * @internal
   */
  public _price(): number {
    const key = JSON.stringify([[...this._forced.runtimes].sort(), this._forced.nat ?? null]);
    const known = this._forced.prices?.get(key);
    if (known !== undefined) return known;
    const price = priceBill(this.billEntries, this.usageEntries, this.options.region);
    this._forced.prices?.set(key, price);
    return price;
  }

  /**
   * Usage of every block, keyed by block path, from the one usage model.
   * @internal
   */
  public _usageEntries(): UsageEntry[] {
    return this.usageEntries;
  }

  /**
   * The same requirements with one more choice forced.
   * @internal
   */
  public _withChoice(change: { runtime?: [string, ComputeRuntime]; nat?: NatStrategy }): InfrastructureDesign {
    const runtimes = new Map(this._forced.runtimes);
    if (change.runtime) runtimes.set(change.runtime[0], change.runtime[1]);
    return new InfrastructureDesign(this.requirements, this.options, { ...this._forced, runtimes, nat: change.nat ?? this._forced.nat });
  }

  /** Each priced alternative is the whole design with that one choice changed, priced with the same usage. */
  private priceAlternatives(decisions: ArchitectureDecision[], serviceDesigns: Array<ReturnType<typeof designService>>,
    natAlternatives: Array<[number, NatStrategy]>): ArchitectureDecision[] {
    const own = this._price();
    const priced = new Map<ArchitectureDecision, Map<number, number>>();
    for (const d of serviceDesigns) {
      const compute = d.decisions[0];
      for (const [index, runtime] of d.runtimeAlternatives ?? []) {
        const other = this._withChoice({ runtime: [d.plan.name, runtime] });
        priced.set(compute, new Map([...(priced.get(compute) ?? []), [index, other._price()]]));
      }
    }
    const networkDecision = decisions.find((d) => d.area === DecisionArea.NETWORK);
    if (networkDecision && this.network.required) {
      for (const [index, nat] of natAlternatives) priced.set(networkDecision, new Map([[index, this._withChoice({ nat })._price()]]));
    }
    return decisions.map((d) => {
      const prices = priced.get(d);
      if (!prices) return d;
      return {
        ...d,
        choiceEstimatedMonthlyUsd: own,
        alternatives: d.alternatives.map((a, i) => (prices.has(i) ? { ...a, estimatedMonthlyUsd: prices.get(i) } : a)),
      };
    });
  }
}

function designService(s: ServiceRequirements, req: ApplicationRequirements, forced: Forced, complianceNames: string[],
  kindOf: Map<string, DataStoreKind>, callsIntoVpc: string[]) {
  const used = [...(s.dataStores ?? []), ...(s.readOnlyDataStores ?? [])];
  const queues = used.filter((n) => kindOf.get(n) === DataStoreKind.QUEUE);
  const vpcStores = used.filter((n) => kindOf.get(n) === DataStoreKind.RELATIONAL || kindOf.get(n) === DataStoreKind.CACHE);
  return WORKLOAD_DESIGNERS[s.workload].design(s, {
    requirements: req,
    tier: req.environment,
    vpcStoresUsed: [...vpcStores, ...callsIntoVpc],
    complianceNames: s.workload === WorkloadType.STATIC_SITE ? [] : complianceNames,
    consumesQueue: s.workload === WorkloadType.QUEUE_WORKER ? (s.consumesQueue ?? (queues.length === 1 ? queues[0] : undefined)) : undefined,
    runtime: forced.runtimes.get(s.name),
    runtimeReason: forced.reasons.get(s.name),
  });
}

/**
 * Where the requirements leave a runtime open: a pin that the requirements still allow is kept
 * (with a notice when another runtime has become cheaper); otherwise every runtime is designed
 * and priced as a whole design, and the cheapest that meets the peak wins.
 */
function chooseRuntimes(req: ApplicationRequirements, options: DesignOptions, make: (forced: Forced) => InfrastructureDesign)
  : { forced: Forced; pins: DecisionPin[]; notices: string[] } {
  const runtimes = new Map<string, ComputeRuntime>();
  const reasons = new Map<string, string>();
  const pins: DecisionPin[] = [];
  const notices: string[] = [];
  for (const s of calleesFirst(req.services)) {
    const candidates = WORKLOAD_DESIGNERS[s.workload].runtimes(s);
    if (candidates.length < 2) continue;
    const priced = candidates.map((runtime) => {
      runtimes.set(s.name, runtime);
      const design = make({ runtimes: new Map(runtimes), reasons });
      return { runtime, usd: design._price(), meetsPeak: meetsPeak(design.service(s.name)) };
    });
    const feasible = priced.filter((p) => p.meetsPeak);
    const cheapest = (feasible.length ? feasible : priced).reduce((a, b) => (b.usd < a.usd ? b : a));
    const pinned = options.pins?.[s.name] as ComputeRuntime | undefined;
    const pinnedCandidate = priced.find((p) => p.runtime === pinned);
    let chosen = cheapest;
    const legacy = WORKLOAD_DESIGNERS[s.workload].legacyRuntime?.(s);
    const legacyCandidate = priced.find((p) => p.runtime === legacy);
    if ((pinned === undefined || !pinnedCandidate) && legacyCandidate && !options.chooseCheapest && (s.runtime ?? 'auto') === 'auto') {
      chosen = legacyCandidate;
      if (cheapest.runtime !== legacyCandidate.runtime && cheapest.usd < legacyCandidate.usd) {
        notices.push(`${s.name}: ${RUNTIME_LABEL[cheapest.runtime]} would be $${(legacyCandidate.usd - cheapest.usd).toFixed(2)} a month less than `
          + `${RUNTIME_LABEL[legacyCandidate.runtime]}: set the context 'cdk-infra-engineer:chooseCheapestRuntime' to true (or the service's runtime) to switch`);
      }
      const other = priced.filter((p) => p !== legacyCandidate).map((p) => `$${(p.usd - legacyCandidate.usd).toFixed(2)} a month ${p.usd >= legacyCandidate.usd ? 'more' : 'less'} with ${RUNTIME_LABEL[p.runtime]}`);
      reasons.set(s.name, 'the rule earlier releases applied (containers from an average of 100 requests/s), kept so an upgrade never switches a deployed '
        + `service; whole designs priced with the same usage: ${other.join('; ')}`);
    } else if (pinned !== undefined && pinnedCandidate) {
      chosen = pinnedCandidate;
      if (cheapest.runtime !== pinned && cheapest.usd < pinnedCandidate.usd) {
        notices.push(`${s.name}: ${RUNTIME_LABEL[cheapest.runtime]} would now be $${(pinnedCandidate.usd - cheapest.usd).toFixed(2)} a month less than the pinned `
          + `${RUNTIME_LABEL[pinned]}: remove the pin '${pinKey(s.name)}' to switch`);
      }
      reasons.set(s.name, `pinned to ${RUNTIME_LABEL[pinned]} when it was first chosen (context '${pinKey(s.name)}'), so an upgrade or a price change never switches it`);
    } else {
      if (pinned !== undefined) notices.push(`${s.name}: the pin '${pinned}' is not a runtime the requirements allow now; chose again`);
      const others = priced.filter((p) => p !== cheapest).map((p) => `$${(p.usd - cheapest.usd).toFixed(2)} a month more with ${RUNTIME_LABEL[p.runtime]}${p.meetsPeak ? '' : ' (which cannot meet the peak)'}`);
      reasons.set(s.name, `the cheapest whole design that meets the peak, priced with the same usage (NAT, public addresses, WAF and load balancer included): ${others.join('; ')}`);
    }
    runtimes.set(s.name, chosen.runtime);
    pins.push({ subject: s.name, key: pinKey(s.name), value: chosen.runtime });
  }
  return { forced: { runtimes, reasons }, pins, notices };
}

/** Functions meet a peak within the default account concurrency; container designs scale to it by construction. */
function meetsPeak(plan: ServicePlan): boolean {
  return plan.runtime !== ComputeRuntime.LAMBDA || Math.ceil(plan.peakRequestsPerSecond * ASSUMED_DURATION_SECONDS) <= 1000;
}

/** Services ordered so that every callee comes before its callers (validation rejects cycles). */
function calleesFirst(services: ServiceRequirements[]): ServiceRequirements[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const out: ServiceRequirements[] = [];
  const seen = new Set<string>();
  const visit = (s: ServiceRequirements) => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const c of s.calls ?? []) if (byName.has(c)) visit(byName.get(c)!);
    out.push(s);
  };
  services.forEach(visit);
  return out;
}

/**
 * Lambda's SQS event source needs the queue's visibility timeout to be at least the function
 * timeout; AWS recommends six times it, so retries do not overlap a running batch.
 */
function withConsumerVisibility(store: DataStorePlan, services: ServicePlan[]): DataStorePlan {
  if (store.technology !== DataStoreTechnology.SQS_STANDARD) return store;
  const consumers = services.filter((s) => s.consumesQueue === store.name && s.runtime === ComputeRuntime.LAMBDA);
  const longest = Math.max(0, ...consumers.map((s) => s.timeoutSeconds));
  return { ...store, visibilityTimeoutSeconds: Math.max(30, 6 * longest) };
}

function frameworkName(f: ComplianceFramework): string {
  switch (f) {
    case ComplianceFramework.HIPAA: return 'HIPAA';
    case ComplianceFramework.PCI_DSS_321: return 'PCI DSS 3.2.1';
    case ComplianceFramework.NIST_800_53_R5: return 'NIST 800-53 R5';
    default: return String(f);
  }
}
