import { CfnResource, Token } from 'aws-cdk-lib';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import {
  AwsSolutionsChecks, HIPAASecurityChecks, IApplyRule, NagPack, NagPackProps, NagRuleCompliance, NagRuleResult, NIST80053R5Checks,
  PCIDSS321Checks, ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';

/** One rule applied to one resource. */
export interface RuleCheck {
  /** `<pack>-<rule>`, for example `AwsSolutions-S1`. */
  readonly ruleId: string;
  /** The rule's function name, the same in every pack (`S3BucketLoggingEnabled`). */
  readonly ruleName: string;
  /** Why the rule was triggered. */
  readonly info: string;
  /** Why the rule exists (used as the fix). */
  readonly explanation: string;
  readonly node: CfnResource;
  /** The rule's result; undefined when the rule threw. */
  readonly result?: NagRuleResult;
  /** The error message when the rule threw (usually an unresolvable token). */
  readonly error?: string;
}

/** A rule pack that reports every rule application instead of collecting violations. */
export interface RecordingPack {
  /** Prefix of its rule ids (`AwsSolutions`, `HIPAA.Security`, ...). */
  readonly ruleIdPrefix: string;
  /** The pack's rule ids by rule function name, as seen in the last run. */
  readonly ruleIdsByName: ReadonlyMap<string, string>;
  /**
   * Applies every rule to every resource under `scope`, reporting each application to `sink`.
   * With `shared`, a rule another pack of the same evaluation already applied to a resource is
   * not run again: its result is reported.
   */
  run(scope: IConstruct, sink: (check: RuleCheck) => void, shared?: SharedRuleResults): void;
  /** Rule functions not to call (superseded by a template rule with the same id). */
  skip(ruleNames: string[]): void;
}

type PackClass = new (scope?: IConstruct, props?: NagPackProps) => NagPack;
type Rule = IApplyRule['rule'];

/** What applying a rule to a resource gave: its result, or the error it threw. */
interface RuleOutcome {
  readonly result?: NagRuleResult;
  readonly error?: string;
}

/** Most rules do not apply to most resources: one outcome object for all of those. */
const NOT_APPLICABLE: RuleOutcome = Object.freeze({ result: NagRuleCompliance.NOT_APPLICABLE });

/**
 * Rules whose outcome is a function of one plain property of the resource (and of constants):
 * the key it is memoized by, across evaluations, or undefined to run the rule. cdk-nag's
 * LambdaLatestVersion filters and sorts every runtime CDK knows, with a locale compare, for
 * each function; its outcome depends on the runtime name only.
 */
const OUTCOME_KEYS = new Map<string, (node: CfnResource) => string | undefined>([
  ['LambdaLatestVersion', (node) => {
    const runtime = node instanceof CfnFunction ? node.runtime : undefined;
    return typeof runtime === 'string' && !Token.isUnresolved(runtime) ? runtime : undefined;
  }],
]);
const memoOutcomes = new Map<string, RuleOutcome>();

function applyOnce(rule: Rule, node: CfnResource): RuleOutcome {
  const keyOf = OUTCOME_KEYS.get(rule.name);
  const key = keyOf && keyOf(node);
  if (key === undefined) return applyRuleTo(rule, node);
  const memoKey = `${rule.name}\u0000${key}`;
  let outcome = memoOutcomes.get(memoKey);
  if (!outcome) memoOutcomes.set(memoKey, outcome = applyRuleTo(rule, node));
  return outcome;
}

function applyRuleTo(rule: Rule, node: CfnResource): RuleOutcome {
  try {
    const result = rule(node);
    return result === NagRuleCompliance.NOT_APPLICABLE ? NOT_APPLICABLE : { result };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * Rules known to return NOT_APPLICABLE for every resource of a class and CloudFormation type:
 * class -> type -> rule -> whether it does. Learned once per process for each combination
 * (held weakly: aws-iam makes a class per conditional policy).
 */
const typeGated = new WeakMap<object, Map<string, Map<Rule, boolean>>>();

/** What is known of the rules for resources of `node`'s class and type (see `decidedByTypeAlone`). */
function typeGatesOf(node: CfnResource): Map<Rule, boolean> {
  let byType = typeGated.get(node.constructor);
  if (!byType) typeGated.set(node.constructor, byType = new Map());
  let gates = byType.get(node.cfnResourceType);
  if (!gates) byType.set(node.cfnResourceType, gates = new Map());
  return gates;
}

/**
 * Whether `rule` returns NOT_APPLICABLE for every resource of `node`'s class and type (`gates`
 * is `typeGatesOf(node)`). Found the first time by running the rule on a view of `node` that
 * records what the rule reads: a NOT_APPLICABLE reached without reading anything but the
 * prototype (instanceof) and `cfnResourceType` is the outcome for every resource with the same
 * class and type, since rules are deterministic functions of what they read. Anything else
 * (another property read, a result, an error) means the rule is called for each resource.
 */
export function decidedByTypeAlone(rule: Rule, node: CfnResource, gates: Map<Rule, boolean> = typeGatesOf(node)): boolean {
  let gated = gates.get(rule);
  if (gated === undefined) gates.set(rule, gated = probeTypeGate(rule, node));
  return gated;
}

function probeTypeGate(rule: Rule, node: CfnResource): boolean {
  let readOther = false;
  const other = () => {
    readOther = true;
  };
  const view = new Proxy(node, {
    get: (target, key) => {
      if (key !== 'cfnResourceType') other();
      return Reflect.get(target, key, target);
    },
    has: (target, key) => (other(), Reflect.has(target, key)),
    ownKeys: (target) => (other(), Reflect.ownKeys(target)),
    getOwnPropertyDescriptor: (target, key) => (other(), Reflect.getOwnPropertyDescriptor(target, key)),
    // A rule only reads: any write makes the probe inconclusive, and is not made.
    set: () => (other(), true),
    defineProperty: () => (other(), true),
    deleteProperty: () => (other(), true),
  });
  try {
    return rule(view) === NagRuleCompliance.NOT_APPLICABLE && !readOther;
  } catch {
    return false;
  }
}

/**
 * Rule outcomes shared by the packs of one evaluation. The packs have rules in common
 * (AwsSolutions, HIPAA Security, PCI DSS and NIST 800-53 apply the same rule functions, and
 * Serverless repeats Lambda rules), and a rule is a function of the resource and the tree,
 * which do not change while the packs run: the same rule on the same resource gives the same
 * outcome in every pack, so a rule that applies runs once. Outcomes of rules that do not apply
 * are not kept (deciding that is a type test; keeping tens of thousands of them costs more).
 */
export class SharedRuleResults {
  private readonly byNode = new Map<CfnResource, Map<Rule, RuleOutcome>>();
  // A pack applies all its rules to one resource before the next: the last resource's outcomes are kept at hand.
  private lastNode?: CfnResource;
  private lastOutcomes?: Map<Rule, RuleOutcome>;

  private resourcesScope?: IConstruct;
  private resources?: CfnResource[];

  /** The CfnResources under `scope`, walked once for all the packs. */
  public resourcesUnder(scope: IConstruct): CfnResource[] {
    if (scope !== this.resourcesScope || !this.resources) {
      this.resourcesScope = scope;
      this.resources = cfnResourcesUnder(scope);
    }
    return this.resources;
  }

  /** The outcome of `rule` on `node`, applied on the first call. */
  public apply(rule: Rule, node: CfnResource): RuleOutcome {
    if (node !== this.lastNode) {
      this.lastNode = node;
      this.lastOutcomes = this.byNode.get(node);
    }
    const known = this.lastOutcomes?.get(rule);
    if (known) return known;
    const outcome = applyOnce(rule, node);
    if (outcome !== NOT_APPLICABLE) {
      if (!this.lastOutcomes) this.byNode.set(node, this.lastOutcomes = new Map());
      this.lastOutcomes.set(rule, outcome);
    }
    return outcome;
  }
}

/** One rule of a pack as its `checkResource` applies it: the same for every resource. */
interface PackRule {
  readonly rule: Rule;
  readonly ruleId: string;
  readonly info: string;
  readonly explanation: string;
}

/** A pack that prepares its rules' shared state before a run (our pack resets its stack indexes). */
interface PreparingPack {
  prepareRun?(): void;
}

/**
 * Subclasses a cdk-nag pack so that its rules report to a sink. The pack's own
 * acknowledgement handling is bypassed: the evaluator decides, so that it can count
 * acknowledged rules and refuse stack-wide acknowledgements.
 *
 * A pack's `checkResource` applies the same rules, in the same order, to every resource (the
 * packs' check methods call `applyRule` unconditionally; test/security/recording-packs.test.ts
 * reads their sources to keep it so, and compares results with cdk-nag's own walk). So the
 * rule list is captured once per run from the first resource, and applied to each resource
 * directly: the pack's check methods, which build an object per rule per resource, run once.
 */
export function recordingPack(pack: PackClass, props?: NagPackProps): RecordingPack {
  // Typed as one concrete pack so that TypeScript accepts the subclass; any pack works at runtime.
  const Base = pack as unknown as typeof AwsSolutionsChecks;
  class Recording extends Base implements RecordingPack {
    public readonly ruleIdsByName = new Map<string, string>();
    private readonly skipped = new Set<string>();
    /** While capturing: the rules `checkResource` applies. */
    private capturing?: PackRule[];

    public skip(ruleNames: string[]): void {
      ruleNames.forEach((n) => this.skipped.add(n));
    }

    public get ruleIdPrefix(): string {
      return this.readPackName;
    }

    public run(scope: IConstruct, sink: (check: RuleCheck) => void, shared?: SharedRuleResults): void {
      (this as PreparingPack).prepareRun?.();
      const nodes = shared ? shared.resourcesUnder(scope) : cfnResourcesUnder(scope);
      if (nodes.length === 0) return;
      const rules = this.rulesFor(nodes[0]).filter((r) => !this.skipped.has(r.rule.name));
      // Per class and resource type, the rules that may apply: most rules return NOT_APPLICABLE
      // from a type test alone, and are not called for resources they cannot apply to.
      const plans = new Map<unknown, Map<string, PackRule[]>>();
      for (const node of nodes) {
        let byType = plans.get(node.constructor);
        if (!byType) plans.set(node.constructor, byType = new Map());
        let plan = byType.get(node.cfnResourceType);
        if (!plan) {
          const gates = typeGatesOf(node);
          byType.set(node.cfnResourceType, plan = rules.filter((r) => !decidedByTypeAlone(r.rule, node, gates)));
        }
        for (const r of plan) {
          const { result, error } = shared ? shared.apply(r.rule, node) : applyOnce(r.rule, node);
          // Most rules do not apply to most resources: report only those that do.
          if (result === NagRuleCompliance.NOT_APPLICABLE) continue;
          sink({ ruleId: r.ruleId, ruleName: r.rule.name, info: r.info, explanation: r.explanation, node, result, error });
        }
      }
    }

    /** The rules the pack applies to a resource, in its order (its check methods run once, here). */
    private rulesFor(node: CfnResource): PackRule[] {
      const captured: PackRule[] = [];
      this.capturing = captured;
      try {
        this.checkResource(node);
      } finally {
        this.capturing = undefined;
      }
      return captured;
    }

    protected applyRule(params: IApplyRule): void {
      if (!this.capturing) throw new Error(`${this.readPackName}: rules are applied through run()`);
      const ruleId = `${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
      this.ruleIdsByName.set(params.rule.name, ruleId);
      this.capturing.push({ rule: params.rule, ruleId, info: params.info, explanation: params.explanation });
    }
  }
  return new Recording(undefined, props);
}

/** The CfnResources under `scope`, in cdk-nag's walk order (a resource, then its children). */
export function cfnResourcesUnder(scope: IConstruct): CfnResource[] {
  const out: CfnResource[] = [];
  const walk = (node: IConstruct) => {
    if (CfnResource.isCfnResource(node)) out.push(node);
    for (const child of node.node.children) walk(child);
  };
  walk(scope);
  return out;
}

/** The public packs, by the framework they check. */
export const PUBLIC_PACKS = {
  awsSolutions: AwsSolutionsChecks,
  hipaa: HIPAASecurityChecks,
  pciDss321: PCIDSS321Checks,
  nist80053R5: NIST80053R5Checks,
  serverless: ServerlessChecks,
};
