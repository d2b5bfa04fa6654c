import { ApplicationRequirements, BudgetEnforcement, ComplianceFramework, DataStoreKind, WorkloadType } from '../requirements';
import { describeComponents } from './components';
import { planService } from './compute';
import { planDataStore } from './data';
import {
  ArchitectureDecision, BudgetPlan, ComputeRuntime, DataStorePlan, DataStoreTechnology, DecisionArea, DesignComponent, NetworkPlan, ResiliencePlan,
  ServicePlan,
} from './model';
import { planNetwork } from './network';
import { planSecurity } from './security';
import { planResilience } from './tier';
import { validateRequirements } from '../requirements/validate';

/**
 * Every architecture choice for an application, with the reasons. Pure and deterministic:
 * the same requirements always give the same design, and nothing here touches CDK.
 */
export class InfrastructureDesign {
  /**
   * Validates the requirements (throwing one error that lists every problem) and makes
   * the design.
   */
  public static fromRequirements(requirements: ApplicationRequirements): InfrastructureDesign {
    validateRequirements(requirements);
    return new InfrastructureDesign(requirements);
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

  private constructor(req: ApplicationRequirements) {
    this.requirements = req;
    const resilience = planResilience(req);
    this.resilience = resilience.plan;
    this.budget = req.budget ? { monthlyUsd: req.budget.monthlyUsd, enforcement: req.budget.enforcement ?? BudgetEnforcement.WARN } : undefined;
    const decisions: ArchitectureDecision[] = [resilience.decision];

    const complianceNames = (req.compliance ?? []).map(frameworkName);
    const storeReqs = req.dataStores ?? [];
    const kindOf = new Map(storeReqs.map((s) => [s.name, s.kind]));
    this.dataStores = storeReqs.map((s) => {
      const d = planDataStore(s, this.resilience, complianceNames);
      decisions.push(d.decision);
      return d.plan;
    });

    this.services = req.services.map((s) => {
      const used = [...(s.dataStores ?? []), ...(s.readOnlyDataStores ?? [])];
      const queues = used.filter((n) => kindOf.get(n) === DataStoreKind.QUEUE);
      const d = planService(s, {
        tier: req.environment,
        vpcStoresUsed: used.filter((n) => kindOf.get(n) === DataStoreKind.RELATIONAL || kindOf.get(n) === DataStoreKind.CACHE),
        complianceNames: s.workload === WorkloadType.STATIC_SITE ? [] : complianceNames,
        consumesQueue: s.workload === WorkloadType.QUEUE_WORKER ? (s.consumesQueue ?? (queues.length === 1 ? queues[0] : undefined)) : undefined,
      });
      decisions.push(...d.decisions);
      return d.plan;
    });

    this.dataStores = this.dataStores.map((store) => withConsumerVisibility(store, this.services));

    const network = planNetwork(this.services, this.dataStores, this.resilience, req.name);
    this.network = network.plan;
    if (network.decision) decisions.push(network.decision);
    if (req.domainName) {
      decisions.push({
        area: DecisionArea.EDGE,
        subject: req.name,
        choice: `domain '${req.domainName}' recorded; endpoints stay on AWS-provided names`,
        rationale: 'serving a custom domain needs its hosted zone and a certificate (in us-east-1 for CloudFront), which an '
          + 'environment-agnostic synth cannot look up; pass `certificate` and `domainNames` to StaticSite or `certificate` to ContainerService',
        alternatives: [{ option: 'create the certificate and DNS records here', whyNot: 'needs the hosted zone, looked up with AWS credentials at synth' }],
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
    this.decisions = decisions;
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
