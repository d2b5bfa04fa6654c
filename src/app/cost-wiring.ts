import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stack, Stage, Token, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BudgetGuard, CostEstimate, CostEstimator, ResourceUsage } from '../cost';
import { REQUESTS_PER_LCU, averageLcu, responseGb } from '../design/alternatives';
import { REQUESTS_PER_TASK } from '../design/compute';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { BudgetPlan, ComputeRuntime, DataStoreTechnology, ServicePlan } from '../design/model';

const SECONDS_PER_MONTH = 730 * 3600;
/** Queries per second one Aurora capacity unit is assumed to serve (as in the design). */
const QUERIES_PER_ACU = 250;

/** Usage per logical ID, and a sentence for each figure derived from the requirements. */
export interface DerivedUsage {
  readonly usage: { [logicalId: string]: ResourceUsage };
  readonly explanations: string[];
}

/**
 * Turns the requirements' traffic and data figures into the estimator's usage vocabulary,
 * keyed by logical ID, then lays the user's own usage (logical IDs or construct paths) over
 * it: the user's figures win. Fields the requirements say nothing about keep the
 * estimator's documented defaults.
 */
export function usageFor(stack: Stack, design: InfrastructureDesign, userUsage: { [key: string]: ResourceUsage } = {}): DerivedUsage {
  const usage: { [logicalId: string]: ResourceUsage } = {};
  const explanations: string[] = [];
  const set = (resource: CfnResource, fields: ResourceUsage, why: string) => {
    const id = stack.resolve(resource.logicalId) as string;
    usage[id] = { ...usage[id], ...fields };
    explanations.push(`${id}: ${why}`);
  };
  const servicesScope = stack.node.tryFindChild('Services');
  for (const plan of design.services) {
    const scope = servicesScope?.node.tryFindChild(plan.name);
    if (scope) deriveServiceUsage(plan, resourcesUnder(scope), set);
  }
  const dataScope = stack.node.tryFindChild('Data');
  for (const store of design.dataStores) {
    const scope = dataScope?.node.tryFindChild(store.name);
    if (!scope) continue;
    const users = design.services.filter((s) => s.readWriteStores.includes(store.name) || s.readOnlyStores.includes(store.name));
    const writers = users.filter((s) => s.readWriteStores.includes(store.name) && s.consumesQueue !== store.name);
    const requests = (list: ServicePlan[]) => list.reduce((sum, s) => sum + s.monthlyRequests, 0);
    const resources = resourcesUnder(scope);
    const names = (list: ServicePlan[]) => list.map((s) => s.name).join(', ') || 'none';
    switch (store.technology) {
      case DataStoreTechnology.DYNAMODB_ON_DEMAND:
      case DataStoreTechnology.DYNAMODB_PROVISIONED:
        for (const r of ofType(resources, 'AWS::DynamoDB::Table')) {
          const reads = store.readCapacityUnits ? undefined : requests(users);
          const writes = store.writeCapacityUnits ? undefined : requests(writers);
          set(r, { storageGb: store.storageGb, monthlyReadRequestUnits: reads, monthlyWriteRequestUnits: writes },
            `${store.storageGb} GB stored; ${reads === undefined ? 'provisioned capacity' : `one read per request of ${names(users)} (${reads}) and one write per request of ${names(writers)} (${writes})`}`);
        }
        break;
      case DataStoreTechnology.S3:
        for (const r of ofType(resources, 'AWS::S3::Bucket')) {
          set(r, { storageGb: store.storageGb, monthlyGetRequests: requests(users), monthlyPutRequests: requests(writers) },
            `${store.storageGb} GB stored; one GET per request of ${names(users)}, one PUT per request of ${names(writers)}`);
        }
        break;
      case DataStoreTechnology.SQS_STANDARD: {
        const queue = ofType(resources, 'AWS::SQS::Queue').find((r) => !isDeadLetterQueue(r));
        if (queue && writers.length) {
          set(queue, { monthlyRequests: 3 * requests(writers) }, `one message per request of ${names(writers)}, three API calls per message (send, receive, delete)`);
        }
        break;
      }
      case DataStoreTechnology.AURORA_POSTGRESQL_SERVERLESS_V2: {
        const declaredStore = design.requirements.dataStores?.find((d) => d.name === store.name);
        const declared = (declaredStore?.readsPerSecond ?? 0) + (declaredStore?.writesPerSecond ?? 0);
        const qps = declared || users.reduce((sum, s) => sum + s.monthlyRequests / SECONDS_PER_MONTH, 0);
        const acu = Math.min(store.maxAcu, Math.max(store.minAcu, qps / QUERIES_PER_ACU));
        for (const r of [...ofType(resources, 'AWS::RDS::DBCluster'), ...ofType(resources, 'AWS::RDS::DBInstance')]) {
          set(r, { averageAcu: round(acu), storageGb: store.storageGb }, `${round(qps)} queries/s at ${QUERIES_PER_ACU} per ACU: ${round(acu)} ACU on average (range ${store.minAcu}-${store.maxAcu})`);
        }
        break;
      }
      default:
        break;
    }
  }
  applyUserUsage(stack, usage, userUsage);
  return { usage, explanations };
}

function deriveServiceUsage(plan: ServicePlan, resources: CfnResource[], set: (r: CfnResource, f: ResourceUsage, why: string) => void): void {
  const outGb = responseGb(plan.monthlyRequests, plan.averageResponseSizeKb);
  const traffic = `${plan.monthlyRequests.toLocaleString('en-US')} requests a month of ${plan.averageResponseSizeKb} KB`;
  if (plan.runtime === ComputeRuntime.S3_CLOUDFRONT) {
    for (const r of ofType(resources, 'AWS::CloudFront::Distribution')) set(r, { monthlyRequests: plan.monthlyRequests, monthlyDataTransferOutGb: outGb }, `${traffic}: ${outGb} GB out`);
    return;
  }
  if (plan.runtime === ComputeRuntime.FARGATE) {
    const lcu = round(averageLcu(plan.monthlyRequests));
    for (const r of ofType(resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      set(r, { averageLcu: lcu, monthlyDataTransferOutGb: outGb }, `${traffic}: ${lcu} LCU on average (${REQUESTS_PER_LCU} new connections/s per LCU), ${outGb} GB out`);
    }
    const average = Math.min(plan.maxTasks, Math.max(plan.minTasks, Math.ceil(plan.monthlyRequests / SECONDS_PER_MONTH / REQUESTS_PER_TASK)));
    for (const r of ofType(resources, 'AWS::ECS::Service')) set(r, { averageTaskCount: average }, `${average} task(s) on average for ${traffic} at ${REQUESTS_PER_TASK}/s per task`);
    return;
  }
  // Functions: the scheduled job's runs come from its schedule; everything else from traffic.
  if (plan.schedule) return;
  for (const r of ofType(resources, 'AWS::Lambda::Function')) set(r, { monthlyRequests: plan.monthlyRequests }, `${traffic}: one invocation per request`);
  for (const r of ofType(resources, 'AWS::ApiGatewayV2::Api')) set(r, { monthlyRequests: plan.monthlyRequests, monthlyDataTransferOutGb: outGb }, `${traffic}: ${outGb} GB out`);
  if (!plan.consumesQueue) {
    const own = ofType(resources, 'AWS::SQS::Queue').find((r) => !isDeadLetterQueue(r));
    if (own) set(own, { monthlyRequests: 3 * plan.monthlyRequests }, `${traffic} as messages, three API calls each`);
  }
}

/** Lays the user's usage over the derived one; keys are logical IDs or construct paths. */
function applyUserUsage(stack: Stack, usage: { [logicalId: string]: ResourceUsage }, userUsage: { [key: string]: ResourceUsage }): void {
  const all = resourcesUnder(stack);
  const unknown: string[] = [];
  // Shorter (broader) paths first, so a more specific key wins.
  for (const [key, fields] of Object.entries(userUsage).sort(([a], [b]) => a.length - b.length)) {
    const matched = all.filter((r) => stack.resolve(r.logicalId) === key || r.node.path === key || r.node.path.startsWith(`${key}/`));
    if (matched.length === 0) unknown.push(key);
    for (const r of matched) {
      const id = stack.resolve(r.logicalId) as string;
      usage[id] = { ...usage[id], ...fields };
    }
  }
  if (unknown.length) {
    throw new Error(`usage key(s) ${unknown.map((k) => `'${k}'`).join(', ')} match no resource of ${stack.node.path}: give a logical ID or a construct path such as '${stack.node.path}/Services/<name>'`);
  }
}

function resourcesUnder(scope: IConstruct): CfnResource[] {
  return scope.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
}

function ofType(resources: CfnResource[], type: string): CfnResource[] {
  return resources.filter((r) => r.cfnResourceType === type);
}

/** Blocks name their dead-letter queues 'DeadLetterQueue' (a construct id contract). */
function isDeadLetterQueue(r: CfnResource): boolean {
  return r.node.scope?.node.id === 'DeadLetterQueue';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Stacks the budget plugin checks, per stage. */
interface GuardedStack {
  readonly stack: Stack;
  /** The budget to hold the stack to, if any. */
  readonly budget?: BudgetPlan;
  readonly usage: () => { [logicalId: string]: ResourceUsage };
  /**
   * Set by the report's cost section when it ran in the same synth, so the estimate is not
   * redone; consumed (cleared) by the plugin, so a later synth never sees a stale figure.
   */
  lastEstimate?: CostEstimate;
}

/**
 * A CDK validation plugin that compares each application stack's expected monthly cost with
 * its budget: a FAIL_SYNTH budget fails synth, a WARN budget reports a warning. It reads the
 * synthesized templates, as every validation plugin does.
 */
export class BudgetValidationPlugin implements IPolicyValidationPlugin {
  /** The plugin registered on a stage, created on first use. */
  public static of(stage: Stage): BudgetValidationPlugin {
    const existing = PLUGINS.get(stage);
    if (existing) return existing;
    const plugin = new BudgetValidationPlugin();
    PLUGINS.set(stage, plugin);
    Validations.of(stage).addPlugins(plugin);
    return plugin;
  }

  public readonly name = 'cdk-infra-engineer-budget';
  public readonly ruleIds = ['BudgetExceeded'];
  private readonly stacks: GuardedStack[] = [];

  public guard(entry: GuardedStack): GuardedStack {
    this.stacks.push(entry);
    return entry;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations = [];
    let success = true;
    for (const entry of this.stacks) {
      const budget = entry.budget;
      const templatePath = context.templatePaths.find((p) => path.basename(p) === entry.stack.templateFile);
      const cached = entry.lastEstimate;
      entry.lastEstimate = undefined;
      if (!budget || !templatePath) continue;
      const estimate = cached ?? CostEstimator.estimateTemplate({
        template: JSON.parse(fs.readFileSync(templatePath, 'utf8')),
        region: regionOf(entry.stack),
        usage: entry.usage(),
      });
      const verdict = BudgetGuard.evaluate(estimate, { monthlyUsd: budget.monthlyUsd, enforcement: budget.enforcement, name: entry.stack.stackName });
      if (!verdict.exceeded) continue;
      if (verdict.failsSynth) success = false;
      violations.push({
        ruleName: 'BudgetExceeded',
        description: verdict.message,
        severity: verdict.failsSynth ? 'error' : 'warning',
        fix: 'Lower the usage or the architecture\'s cost (see the design report\'s cost table), raise requirements.budget.monthlyUsd, '
          + 'or set requirements.budget.enforcement to BudgetEnforcement.WARN.',
        violatingResources: verdict.topDrivers.map((d) => ({ resourceLogicalId: d.logicalId, templatePath, locations: [] })),
      });
    }
    return { success, violations };
  }
}

const PLUGINS = new WeakMap<Stage, BudgetValidationPlugin>();

export function regionOf(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.region) ? undefined : stack.region;
}
