import * as fs from 'fs';
import * as os from 'os';
import * as nodePath from 'path';
import { Annotations, App, Aspects, CfnOutput, CfnResource, NestedStack, RemovalPolicy, Stack, StackProps, Stage, Tags, Token } from 'aws-cdk-lib';
import type { ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BLOCK_MODULES, SERVICE_MODULES } from './block-modules';
import { BudgetValidationPlugin } from './cost-wiring';
import { BuiltDataStore, buildDataStore } from './data-stores';
import { FIXED_OUTPUT_KEY } from './names';
import { reportContributors, warnOnAvailability } from './report-contributors';
import { logRetention } from './retention';
import { OneStackMeasure, ServicePlacement, nestedAccessDetails, outputsKeptInNestedStacks, placeServices, placementDecision } from './service-placement';
import { BuiltService, ServiceDomain, buildService } from './services';
import { STACK_RESOURCE_LIMIT_CONTEXT, templateCounts, templateLimitsCheck } from './template-limits';
import { DerivedUsage, requestOverrides, usageFor } from './usage-wiring';
import type { NetworkBlock, Observability } from '../blocks';
import { BlockContextKeys } from '../blocks/context-keys';
import { ResourceUsage } from '../cost';
import { tagStandIn } from '../design/constants';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { NetworkPlan, ServiceBlockKind } from '../design/model';
import { NETWORK_PIN_SUBJECT, pinKey } from '../design/pins';
import { ReportContributor } from '../report/model';
import { DesignReportWriter } from '../report/writer';
import { ApplicationRequirements, DomainRequirements } from '../requirements';
import { RequirementsValidationError } from '../requirements/problem';
import { RequiredTags, SecurityPolicy, StackSecurity, SynthGate } from '../security';
import { exemptCustomResourceHandlers } from '../security/aspects/custom-resource-handlers';
import { allowLoadBalancerLogDelivery } from '../security/aspects/load-balancer-log-delivery';
import { SECURITY_SCOPE_ID } from '../security/aspects/shared-resources';

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

/**
 * Set while an ApplicationStack measures its application synthesized in one stack (see
 * `measureOneStack`): the design to build the copy from, so the copy is built as one stack and
 * checks, prices and reports nothing.
 */
let measuringDesign: InfrastructureDesign | undefined;

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

  /** Where each service is built: undefined for this stack, else the id of its nested stack. */
  private readonly servicePlacement: Map<string, string | undefined>;

  private readonly reportContributors: ReportContributor[] = [];

  constructor(scope: Construct, id: string, props: ApplicationStackProps) {
    // Validate (and design) before any construct exists, so bad input never fails deep inside CDK.
    const path = scope.node.path ? `${scope.node.path}/${id}` : id;
    const req = props.requirements;
    const pins = readPins(scope, path, req);
    const measuring = measuringDesign;
    measuringDesign = undefined;
    const design = measuring ?? InfrastructureDesign.fromRequirements(req, {
      region: props.env?.region && !Token.isUnresolved(props.env.region) ? props.env.region : undefined,
      pins,
      chooseCheapest: [true, 'true'].includes(scope.node.tryGetContext('cdk-infra-engineer:chooseCheapestRuntime')),
      monthlyRequests: requestOverrides(path, serviceNames(req), props.usage),
    });
    // Static sites on the domain need a certificate CloudFront takes (us-east-1): made in a
    // sibling stack there, whose ARNs reach this stack as cross-region references.
    const siteHosts = cloudFrontCertificateHosts(design, req.domain, props.env?.region);
    super(scope, id, siteHosts.length ? { ...props, crossRegionReferences: true } : props);
    this.design = design;
    // CDK's own resource-count check fails synth without naming the requirement to change; the
    // gate's CloudFormation-limits check below reports it (and outputs, parameters, size) instead.
    if (this.node.tryGetContext(STACK_RESOURCE_LIMIT_CONTEXT) === undefined) this.node.setContext(STACK_RESOURCE_LIMIT_CONTEXT, 0);

    tagApplication(this, req);

    // Dashboard names are unique per account across regions, so the region is part of it.
    this.observability = new (BLOCK_MODULES.observability().Observability)(this, 'Observability', {
      dashboardName: `${this.stackName}-${this.region}`,
      removalPolicy: design.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.checkAvailabilityZones(design);
    this.network = design.network.required ? this.buildNetwork(design.network) : undefined;

    const policy = props.securityPolicy ?? SecurityPolicy.fromRequirements(req);
    if (props._security ?? true) this.security = new StackSecurity(this, { policy, failSynthOnFindings: !measuring });
    const replicaKey = () => (this.security && policy.requiresCustomerManagedKeys ? this.security.customerManagedKey() : undefined);

    const dataScope = new Construct(this, 'Data');
    const stores = new Map<string, BuiltDataStore>();
    for (const plan of design.dataStores) {
      stores.set(plan.name, buildDataStore(dataScope, plan, design.resilience, this.network, this.observability, this, replicaKey));
    }
    const servicesScope = new Construct(this, 'Services');
    const edgeScope = new Construct(this, 'Edge');
    const zone = req.domain ? serviceDomain(edgeScope, req.domain) : undefined;
    const domain = zone && siteHosts.length
      ? { ...zone, siteCertificates: this.cloudFrontCertificates(scope, id, props, policy, siteHosts, zone) } : zone;
    const services = new Map<string, BuiltService>();
    const placed: ServicePlacement = measuring
      ? { placement: new Map<string, string | undefined>(design.services.map((s) => [s.name, undefined])), basis: 'measuring one stack' }
      : placeServices(design.services, design.dataStores.length, () => this.measureOneStack(props, design));
    this.servicePlacement = placed.placement;
    // Past a bound, nested services' outputs stay in their nested stack (the application stack's 200-output limit).
    const rootOutputs = this.node.children.filter((c) => c instanceof CfnOutput).length + Object.keys(FIXED_OUTPUT_KEY).length;
    const outputsInNested = outputsKeptInNestedStacks(design.services, this.servicePlacement, rootOutputs);
    const decision = placementDecision(placed, outputsInNested);
    if (decision) design.decisions.push(decision);
    const groups = this.servicesStacks(new Set([...this.servicePlacement.values()].filter((p): p is string => p !== undefined)), req.name);
    for (const plan of calleesFirst(design)) {
      const placement = this.servicePlacement.get(plan.name);
      const where = placement ? groups.get(placement)!
        : { servicesScope, edgeScope, observability: this.observability, stack: this as Stack };
      services.set(plan.name, buildService(where.servicesScope, plan, {
        resilience: design.resilience,
        network: this.network,
        stores,
        services,
        observability: where.observability,
        edgeScope: where.edgeScope,
        outputScope: outputsInNested.has(plan.name) ? where.stack : this,
        domain,
      }));
    }
    new CfnOutput(this, FIXED_OUTPUT_KEY.dashboard, { value: this.observability.dashboardName, description: 'CloudWatch dashboard of the application' });
    new CfnOutput(this, FIXED_OUTPUT_KEY.alarmTopic, { value: this.observability.alarmTopic.topicArn, description: 'SNS topic every alarm notifies: subscribe the on-call here' });

    if (measuring) return;
    SynthGate.of(this).addCheck(templateLimitsCheck(this, design.services.length));
    this.reportPins(path);
    warnOnAvailability(this, design);
    // Usage is keyed by construct path and checked against the template at synth.
    let derived: DerivedUsage | undefined;
    const usage = () => (derived ??= usageFor(this, design, props.usage, this.servicePlacement));
    const guarded = BudgetValidationPlugin.of(Stage.of(this)!).guard({ stack: this, budget: design.budget, usage: () => usage().usage });
    this.reportContributors.push(...reportContributors({
      stack: this,
      design,
      security: this.security,
      usage: () => usage().usage,
      usageExplanations: () => usage().explanations,
      onEstimate: (estimate) => { guarded.lastEstimate = estimate; },
    }));
    if (outputsInNested.size) this.reportContributors.push(nestedAccessDetails(this, [...groups.values()].map((g) => g.stack)));
    if (props.designReport ?? true) {
      new DesignReportWriter(scope, `${id}-design-report`, { stack: this, design, contributors: this.reportContributors });
    }
  }

  /**
   * Each open choice is recorded as a context value the first time it is made; later syntheses
   * keep it (see DESIGN pins in docs/ARCHITECTURE.md). CDK writes `cdk.context.json` only for
   * lookups it resolves through the CLI, so the value to commit is reported here.
   */
  private reportPins(path: string): void {
    for (const pin of this.design.pins) {
      const key = pinContextKey(path, pin.key);
      if (this.node.tryGetContext(key) === undefined) {
        Annotations.of(this).addInfo(`decision made: ${pin.subject} is '${pin.value}'. To keep it through upgrades and price changes, `
          + `commit it to cdk.json "context" (or cdk.context.json): "${key}": "${pin.value}"`);
      }
    }
    for (const notice of this.design.pinNotices) Annotations.of(this).addWarningV2('cdk-infra-engineer:pinned-decision', notice);
  }

  /**
   * Build, then measure: the application synthesized in one stack, in a scratch app with this
   * stack's context, environment and name (its security aspects included, nothing checked,
   * priced or reported), for an application whose bounds cannot tell whether it fits.
   */
  private measureOneStack(props: ApplicationStackProps, design: InfrastructureDesign): OneStackMeasure {
    const outdir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'cie-one-stack-'));
    try {
      const app = new App({ outdir, autoSynth: false, context: this.node.getAllContext() });
      const env = {
        account: Token.isUnresolved(this.account) ? undefined : this.account,
        region: Token.isUnresolved(this.region) ? undefined : this.region,
      };
      measuringDesign = design;
      let copy: ApplicationStack;
      try {
        copy = new ApplicationStack(app, this.node.id, { ...props, env, stackName: this.stackName, designReport: false });
      } finally {
        measuringDesign = undefined;
      }
      return templateCounts(app.synth().getStackArtifact(copy.artifactId).template);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
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
   * The sibling stack in us-east-1 (same account) with one DNS-validated certificate per static
   * site, under the same tags and security gate as this stack. Its id is this stack's plus
   * `-CloudFrontCertificates`, and each certificate's construct id is its service's name, so
   * adding a site adds a certificate and changes none that a distribution uses.
   */
  private cloudFrontCertificates(scope: Construct, id: string, props: ApplicationStackProps, policy: SecurityPolicy,
    siteHosts: Array<[string, string]>, domain: ServiceDomain): Map<string, ICertificate> {
    const { CloudFrontCertificateStack } = BLOCK_MODULES.cloudFrontCertificateStack();
    const stack = new CloudFrontCertificateStack(scope, `${id}-CloudFrontCertificates`, {
      env: { account: props.env?.account },
      hostedZone: domain.zone,
      description: `${props.requirements.name}: CloudFront certificates of ${this.stackName} (CloudFront takes certificates from us-east-1 only)`,
    });
    tagApplication(stack, props.requirements);
    if (props._security ?? true) new StackSecurity(stack, { policy, failSynthOnFindings: true });
    return new Map(siteHosts.map(([service, host]) => [service, stack.addCertificate(service, [host])]));
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
   * A nested stack per group of services beyond what this stack holds (see service-placement.ts):
   * each with its services, their web ACLs, and their alarms (on the application's topic) and
   * dashboard, so no alarm or widget of theirs counts against this stack's limits.
   */
  private servicesStacks(ids: Set<string>, application: string) {
    const groups = new Map<string, {
      servicesScope: Construct; edgeScope: Construct; observability: Observability; stack: NestedStack;
    }>();
    if (ids.size) this.allowNestedLoadBalancerLogDelivery();
    for (const id of [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const nested = new NestedStack(this, id, { description: `${application}: services of ${this.stackName} (${id})` });
      const observability = new (BLOCK_MODULES.observability().Observability)(nested, 'Observability', {
        alarmTopic: this.observability.alarmTopic,
        dashboardName: `${this.stackName}-${this.region}-${id}`,
      });
      // The security aspects exempt CDK's own handlers of the application stack only; those of a
      // nested stack (the static sites' bucket deployment) get the same exemption here.
      Aspects.of(nested).add({
        visit: (node) => {
          if (node !== nested) return;
          const own = nested.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === nested);
          exemptCustomResourceHandlers(nested, own);
        },
      });
      groups.set(id, { servicesScope: new Construct(nested, 'Services'), edgeScope: new Construct(nested, 'Edge'), observability, stack: nested });
    }
    return groups;
  }

  /**
   * The security aspects give the access-log bucket its load balancer delivery policy when this
   * stack has a load balancer; load balancers of nested stacks log to the same bucket, so it
   * needs the policy too (runs after the aspects provisioned the bucket).
   */
  private allowNestedLoadBalancerLogDelivery(): void {
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this) return;
        const scope = this.node.tryFindChild(SECURITY_SCOPE_ID);
        const bucket = scope?.node.tryFindChild('AccessLogs') as IBucket | undefined;
        const nestedLoadBalancer = this.node.findAll().some((c) => CfnResource.isCfnResource(c) && Stack.of(c) !== this
          && c.cfnResourceType === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
        if (scope && bucket && nestedLoadBalancer) allowLoadBalancerLogDelivery(scope as Construct, bucket);
      },
    });
  }

  private buildNetwork(plan: NetworkPlan): NetworkBlock {
    const { InterfaceEndpointService, NetworkBlock } = BLOCK_MODULES.network();
    const { SubnetCidrLayout } = BLOCK_MODULES.subnetCidrs();
    const endpoints: { [name: string]: typeof InterfaceEndpointService[keyof typeof InterfaceEndpointService] } = {
      secretsmanager: InterfaceEndpointService.SECRETS_MANAGER,
      sqs: InterfaceEndpointService.SQS,
    };
    // Subnets can never move once deployed. Without a recorded layout, the VPC keeps the one
    // earlier releases gave this design (private subnets first when there are no public ones),
    // so an upgrade moves nothing; recording it keeps them in place when the application grows.
    const key = BlockContextKeys.SUBNET_CIDR_LAYOUT;
    const recorded = this.node.tryGetContext(key);
    const layout = recorded ?? (plan.natGateways > 0 ? SubnetCidrLayout.RESERVED_SLOTS : SubnetCidrLayout.PRIVATE_FIRST);
    if (recorded === undefined) {
      Annotations.of(this).addWarningV2('cdk-infra-engineer:subnet-layout',
        `the VPC's subnets are laid out as ${layout}. Commit "${key}": "${layout}" to cdk.json "context" before the first deploy `
        + '(or now, for a deployed application): without it, adding or removing the last container service (NAT) would renumber the '
        + 'private subnets, which CloudFormation cannot do with a database inside');
    }
    return new NetworkBlock(this, 'Network', {
      subnetCidrLayout: layout,
      maxAzs: plan.maxAzs,
      natGateways: plan.natGateways,
      interfaceEndpoints: plan.interfaceEndpoints.map((e) => endpoints[e]),
      flowLogRetention: logRetention(this.design.resilience.logRetentionDays),
      removalPolicy: this.design.resilience.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }

}

/** The application's tags on every resource of a stack it deploys. */
function tagApplication(stack: Stack, req: ApplicationRequirements): void {
  Tags.of(stack).add('application', req.name);
  Tags.of(stack).add('environment', req.environment);
  Tags.of(stack).add('managed-by', 'cdk-infra-engineer');
  for (const [key, value] of Object.entries(req.tags ?? {})) Tags.of(stack).add(key, value);
  // Stand-ins the design records when the requirements leave the owner or cost centre out.
  if (!req.tags?.[RequiredTags.OWNER]) Tags.of(stack).add(RequiredTags.OWNER, tagStandIn(req.name));
  if (!req.tags?.[RequiredTags.COST_ALLOCATION]) Tags.of(stack).add(RequiredTags.COST_ALLOCATION, tagStandIn(req.name));
}

/**
 * `[service, host]` of each static site that needs a certificate made in us-east-1: the
 * requirements have a domain without `certificateArn`, and the stack deploys to another region.
 * An environment-agnostic stack cannot reference one across regions: a validation error says so.
 */
function cloudFrontCertificateHosts(design: InfrastructureDesign, domain: DomainRequirements | undefined,
  region: string | undefined): Array<[string, string]> {
  if (!domain || domain.certificateArn) return [];
  const sites = design.services.filter((s) => s.block === ServiceBlockKind.STATIC_SITE);
  if (!sites.length) return [];
  const concrete = region !== undefined && !Token.isUnresolved(region) ? region : undefined;
  if (concrete === 'us-east-1') return [];
  const hosts = sites.map((s): [string, string] => [s.name, s.hostName ?? `${s.name}.${domain.zoneName}`]);
  if (concrete === undefined) {
    throw new RequirementsValidationError([{
      path: 'requirements.domain',
      message: `serves static site${sites.length > 1 ? 's' : ''} ${hosts.map(([, h]) => `'${h}'`).join(', ')} through CloudFront, which takes certificates `
        + 'from us-east-1 only, and this stack is environment-agnostic (no env region), so the certificate cannot be made there and referenced '
        + 'across regions: give the stack an env with its region (and account), e.g. env: { account: \'123456789012\', region: \'eu-west-1\' }, '
        + 'or give requirements.domain.certificateArn (an existing us-east-1 certificate covering these hosts)',
    }]);
  }
  return hosts;
}

/** The requirements' hosted zone (given, not looked up: synth needs no credentials) and certificate. */
function serviceDomain(scope: Construct, domain: DomainRequirements): ServiceDomain {
  const { route53, acm } = { route53: SERVICE_MODULES.route53(), acm: SERVICE_MODULES.acm() };
  return {
    zoneName: domain.zoneName,
    zone: route53.HostedZone.fromHostedZoneAttributes(scope, 'Zone', { hostedZoneId: domain.hostedZoneId, zoneName: domain.zoneName }),
    certificate: domain.certificateArn ? acm.Certificate.fromCertificateArn(scope, 'Certificate', domain.certificateArn) : undefined,
  };
}

/** The context key a decision of a stack is pinned under. */
function pinContextKey(stackPath: string, key: string): string {
  return `cdk-infra-engineer:${stackPath}:${key}`;
}

function readPins(scope: Construct, stackPath: string, req: ApplicationRequirements): { [subject: string]: string } {
  const pins: { [subject: string]: string } = {};
  for (const subject of [...serviceNames(req), NETWORK_PIN_SUBJECT]) {
    const value = scope.node.tryGetContext(pinContextKey(stackPath, pinKey(subject)));
    if (typeof value === 'string') pins[subject] = value;
  }
  return pins;
}

/** Service names, read before validation (which reports a malformed list with its path). */
function serviceNames(req: ApplicationRequirements): string[] {
  const services: unknown = req?.services;
  return Array.isArray(services) ? services.map((s) => (s as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string') : [];
}

/** Callees before their callers, so a caller is wired to a built service. */
function calleesFirst(design: InfrastructureDesign) {
  const out: typeof design.services = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const plan = design.service(name);
    plan.calls.forEach(visit);
    out.push(plan);
  };
  design.services.forEach((s) => visit(s.name));
  return out;
}
