import { Annotations, CfnOutput, RemovalPolicy, Stack, StackProps, Stage, Tags, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CacheCluster, InterfaceEndpointService, KeyValueTable, MessageQueue, NetworkBlock, ObjectStore, Observability, RelationalDatabase } from '../blocks';
import { BudgetValidationPlugin, DerivedUsage, usageFor } from './cost-wiring';
import { BuiltDataStore, buildDataStore } from './data-stores';
import { FIXED_OUTPUT_KEY, outputKey } from './names';
import { logRetention } from './retention';
import { securityReportContributor, wireSecurity } from './security-wiring';
import { buildService } from './services';
import { ResourceUsage } from '../cost';
import { costReportContributor } from '../cost/report-contributor';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { NetworkPlan } from '../design/model';
import { compositeAvailability, reliabilityReportContributor } from '../reliability';
import { ReportContributor } from '../report/model';
import { DesignReportWriter } from '../report/writer';
import { ApplicationRequirements } from '../requirements';
import { RequirementsValidationError } from '../requirements/problem';
import { SecurityPolicy, StackSecurity } from '../security';

/** Properties of an ApplicationStack. */
export interface ApplicationStackProps extends StackProps {
  /** What the application needs; validated before anything is built. */
  readonly requirements: ApplicationRequirements;
  /**
   * Write `<artifact id>.design-report.json` and `.md` into the cloud assembly at synth.
   * @default true
   */
  readonly designReport?: boolean;
  /**
   * Expected usage for the cost estimate, keyed by logical ID or construct path (a path
   * applies to every resource under it). Your figures win over those derived from the
   * requirements' traffic and data.
   * @default - derived from the requirements, then the estimator's documented defaults
   */
  readonly usage?: { [key: string]: ResourceUsage };
  /**
   * The security policy the aspects enforce on every resource of the stack. Relax a rule
   * with `SecurityPolicy.fromRequirements(requirements).relax(rule, reason)`.
   * @default - `SecurityPolicy.fromRequirements(requirements)`: the tier's defaults for the requirements' compliance frameworks
   */
  readonly securityPolicy?: SecurityPolicy;
  /**
   * Security enforcement and checks on (the default) or off, for benchmarks that measure
   * their cost.
   * @internal
   */
  readonly _security?: boolean;
}

const ENDPOINTS: { [name: string]: InterfaceEndpointService } = {
  secretsmanager: InterfaceEndpointService.SECRETS_MANAGER,
  sqs: InterfaceEndpointService.SQS,
};

/**
 * A stack composed from application requirements: network, data stores, services with
 * least-privilege access, alarms and a dashboard, outputs saying how to reach each part,
 * and a design report written at synth.
 */
export class ApplicationStack extends Stack {
  /** The design the stack was built from: every decision and its rationale. */
  public readonly design: InfrastructureDesign;
  /** Alarms, dashboard and the alarm topic. */
  public readonly observability: Observability;
  /**
   * The network, when the design needs one.
   * @default - no VPC
   */
  public readonly network?: NetworkBlock;
  /**
   * Security: the enforced policy, the rule packs, and the compliance evaluation made at
   * every synthesis (`security.lastEvaluation`).
   * @default - always set, unless switched off internally for benchmarks
   */
  public readonly security?: StackSecurity;

  private readonly reportContributors: ReportContributor[] = [];

  constructor(scope: Construct, id: string, props: ApplicationStackProps) {
    // Validate before any construct exists, so bad input never fails deep inside CDK.
    const design = InfrastructureDesign.fromRequirements(props.requirements);
    super(scope, id, props);
    this.design = design;
    const req = props.requirements;

    Tags.of(this).add('application', req.name);
    Tags.of(this).add('environment', req.environment);
    Tags.of(this).add('managed-by', 'cdk-infra-engineer');
    for (const [key, value] of Object.entries(req.tags ?? {})) Tags.of(this).add(key, value);

    // Dashboard names are unique per account across regions, so the region is part of it.
    this.observability = new Observability(this, 'Observability', {
      dashboardName: `${this.stackName}-${this.region}`,
      removalPolicy: design.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.checkAvailabilityZones(design);
    this.network = design.network.required ? this.buildNetwork(design.network) : undefined;

    const dataScope = new Construct(this, 'Data');
    const stores = new Map<string, BuiltDataStore>();
    for (const plan of design.dataStores) {
      stores.set(plan.name, buildDataStore(dataScope, plan, design.resilience, this.network, this.observability));
    }
    const servicesScope = new Construct(this, 'Services');
    const edgeScope = new Construct(this, 'Edge');
    for (const plan of design.services) {
      buildService(servicesScope, plan, {
        resilience: design.resilience, network: this.network, stores, observability: this.observability, edgeScope, outputScope: this,
      });
    }
    for (const store of stores.values()) this.outputStore(store);
    new CfnOutput(this, FIXED_OUTPUT_KEY.dashboard, { value: this.observability.dashboardName, description: 'CloudWatch dashboard of the application' });
    new CfnOutput(this, FIXED_OUTPUT_KEY.alarmTopic, { value: this.observability.alarmTopic.topicArn, description: 'SNS topic every alarm notifies: subscribe the on-call here' });

    if (props._security ?? true) {
      this.security = wireSecurity({
        stack: this, design, observability: this.observability, policy: props.securityPolicy, failSynthOnFindings: true,
      });
      this._addReportContributor(securityReportContributor(this.security));
    }
    this.wireCost(design, props);
    this.wireReliability(design);
    if (props.designReport ?? true) {
      new DesignReportWriter(scope, `${id}-design-report`, { stack: this, design, contributors: this.reportContributors });
    }
  }

  /**
   * Adds a section writer to the design report (security, cost, reliability).
   * @internal
   */
  public _addReportContributor(contributor: ReportContributor): void {
    this.reportContributors.push(contributor);
  }

  /**
   * An environment-agnostic stack sees two AZs; a design that needs three (a 99.99% target)
   * would silently get two, so say so instead.
   */
  private checkAvailabilityZones(design: InfrastructureDesign): void {
    if (design.network.required && design.network.maxAzs > 2 && Token.isUnresolved(this.region)) {
      throw new RequirementsValidationError([{
        path: 'requirements.availability.targetPercent',
        message: `${design.resilience.targetAvailabilityPercent} needs ${design.network.maxAzs} availability zones, but an environment-agnostic `
          + 'stack can only use 2: give the stack an env (account and region), or lower the target to 99.95',
      }]);
    }
  }

  /**
   * The cost estimate runs at synth, on the finished template: the report gets its cost
   * section, and the budget plugin fails synth (or warns) when the estimate exceeds the budget.
   */
  private wireCost(design: InfrastructureDesign, props: ApplicationStackProps): void {
    // Usage is derived at synth, when every construct (ours and the user's) exists.
    let derived: DerivedUsage | undefined;
    const usage = () => (derived ??= usageFor(this, design, props.usage)).usage;
    const guarded = BudgetValidationPlugin.of(Stage.of(this)!).guard({ stack: this, budget: design.budget, usage });
    this._addReportContributor(costReportContributor({
      usage,
      usageExplanations: () => (derived ??= usageFor(this, design, props.usage)).explanations,
      onEstimate: (estimate) => { guarded.lastEstimate = estimate; },
    }));
  }

  /**
   * The reliability section is scored at synth on the finished template; a target the
   * architecture's published SLAs cannot meet is a warning now, naming the weakest component.
   */
  private wireReliability(design: InfrastructureDesign): void {
    this._addReportContributor(reliabilityReportContributor(design));
    const { composite, weakest, weakestComponent } = compositeAvailability(design);
    const target = design.resilience.targetAvailabilityPercent;
    if (composite < target) {
      Annotations.of(this).addWarningV2('cdk-infra-engineer:availability-target',
        `requirements.availability.targetPercent ${target} is above what the architecture's published SLAs give: ${composite}% on the `
        + `'${weakest.service}' path, whose weakest component is ${weakestComponent.service} (${weakestComponent.percent}%)`);
    }
  }

  private buildNetwork(plan: NetworkPlan): NetworkBlock {
    return new NetworkBlock(this, 'Network', {
      maxAzs: plan.maxAzs,
      natGateways: plan.natGateways,
      interfaceEndpoints: plan.interfaceEndpoints.map((e) => ENDPOINTS[e]),
      flowLogRetention: logRetention(this.design.resilience.logRetentionDays),
      removalPolicy: this.design.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }

  private outputStore({ plan, block }: BuiltDataStore): void {
    if (block instanceof KeyValueTable) {
      new CfnOutput(this, outputKey('table', plan.name), { value: block.table.tableName, description: `DynamoDB table of the '${plan.name}' store` });
    } else if (block instanceof ObjectStore) {
      new CfnOutput(this, outputKey('bucket', plan.name), { value: block.bucket.bucketName, description: `S3 bucket of the '${plan.name}' store` });
    } else if (block instanceof MessageQueue) {
      new CfnOutput(this, outputKey('queueUrl', plan.name), { value: block.queue.queueUrl, description: `SQS queue URL of the '${plan.name}' store` });
    } else if (block instanceof RelationalDatabase) {
      new CfnOutput(this, outputKey('databaseEndpoint', plan.name), { value: block.endpoint, description: `Aurora writer endpoint of the '${plan.name}' store (PostgreSQL)` });
      if (block.secret) {
        new CfnOutput(this, outputKey('databaseSecretArn', plan.name), { value: block.secret.secretArn, description: `Secrets Manager secret with the '${plan.name}' database credentials` });
      }
    } else if (block instanceof CacheCluster) {
      new CfnOutput(this, outputKey('cacheEndpoint', plan.name), { value: block.endpointAddress, description: `ElastiCache primary endpoint of the '${plan.name}' store (TLS required)` });
    }
  }
}
