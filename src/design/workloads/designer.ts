import { ResourceUsage } from '../../cost/model';
import { ApplicationRequirements, EnvironmentTier, ServiceRequirements } from '../../requirements';
import { AlarmDefinition, ArchitectureDecision, ComputeRuntime, ServicePlan } from '../model';
import { SlaComponent } from '../slas';
import { ServiceTraffic } from '../usage-model';

/** Where a usage figure or a billed resource sits: a block of the stack and a path inside it. */
export interface BlockPath {
  /** The scope the block is built in: `Services`, `Data` or `Edge`. */
  readonly scope: 'Services' | 'Data' | 'Edge' | 'Network';
  /** The block's construct id (the service or store name, or `<service>-waf`). */
  readonly block: string;
  /** Path inside the block ('' for the whole block). */
  readonly path: string;
}

/** Usage in the estimator's vocabulary for the resources at and under a block path. */
export interface UsageEntry extends BlockPath {
  readonly usage: ResourceUsage;
  /** Where the figures come from, for the report's assumptions. */
  readonly why: string;
}

/** A billable resource of the design, in CloudFormation terms, at the path its block gives it. */
export interface BillEntry extends BlockPath {
  readonly type: string;
  readonly properties: { [key: string]: unknown };
}

/** What the designers of a whole application share. */
export interface WorkloadContext {
  readonly requirements: ApplicationRequirements;
  readonly tier: EnvironmentTier;
  /** Compliance frameworks (display names) the service must meet. */
  readonly complianceNames: string[];
  /** Stores the service uses that live in a VPC (relational, cache). */
  readonly vpcStoresUsed: string[];
  /** The queue a worker consumes, if it is a declared store. */
  readonly consumesQueue?: string;
  /** The runtime to design with; the designer's first runtime otherwise. */
  readonly runtime?: ComputeRuntime;
  /** Why that runtime, for the rationale (a pin, the cheapest design, the requested runtime). */
  readonly runtimeReason?: string;
}

/** A service's plan and decisions. */
export interface ServiceDesign {
  readonly plan: ServicePlan;
  /** The compute decision first. */
  readonly decisions: ArchitectureDecision[];
  /**
   * Alternatives of the compute decision (by index) that are another runtime of this
   * designer: each is priced as the whole design with that runtime.
   */
  readonly runtimeAlternatives?: ReadonlyArray<readonly [number, ComputeRuntime]>;
}

/** One kind of workload: every piece the application needs to design, build, price and assess it. */
export interface WorkloadDesigner {
  /**
   * The runtimes a service can run on, given its runtime preference: one when the
   * requirements fix it, several when the design chooses (the cheapest that meets them).
   */
  runtimes(s: ServiceRequirements): ComputeRuntime[];
  /**
   * The runtime releases before whole-design pricing chose under RuntimePreference.AUTO. Deployed
   * applications keep it (an upgrade must not switch their architecture) until the app opts into
   * the cheapest design (`DesignOptions.chooseCheapest`) or pins a runtime.
   * @default - the first of `runtimes` (a kind with no earlier release)
   */
  legacyRuntime?(s: ServiceRequirements): ComputeRuntime;
  /** The plan (the block's props in design terms) and the decisions, with their rationale. */
  design(s: ServiceRequirements, ctx: WorkloadContext): ServiceDesign;
  /** Usage of the block's resources, from the service's traffic. */
  usage(plan: ServicePlan, traffic: ServiceTraffic): UsageEntry[];
  /** The billable resources the block deploys, for pricing whole designs. */
  bill(plan: ServicePlan, azs: number): BillEntry[];
  /** The components a request to (or a run of) the service passes through, before its stores and callees. */
  requestPath(plan: ServicePlan): SlaComponent[];
  /**
   * The alarms of the block, as data (see `design/alarms.ts`): the stack builds exactly these
   * (Observability resolves the dimensions from the built constructs) and the report lists them.
   */
  alarms(plan: ServicePlan): AlarmDefinition[];
}
