import { CfnResource } from 'aws-cdk-lib';
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

function applyOnce(rule: Rule, node: CfnResource): RuleOutcome {
  try {
    const result = rule(node);
    return result === NagRuleCompliance.NOT_APPLICABLE ? NOT_APPLICABLE : { result };
  } catch (e) {
    return { error: (e as Error).message };
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

/**
 * Subclasses a cdk-nag pack so that `applyRule` reports to a sink. The pack's own
 * acknowledgement handling is bypassed: the evaluator decides, so that it can count
 * acknowledged rules and refuse stack-wide acknowledgements.
 */
export function recordingPack(pack: PackClass, props?: NagPackProps): RecordingPack {
  // Typed as one concrete pack so that TypeScript accepts the subclass; any pack works at runtime.
  const Base = pack as unknown as typeof AwsSolutionsChecks;
  class Recording extends Base implements RecordingPack {
    private sink?: (check: RuleCheck) => void;
    private shared?: SharedRuleResults;
    public readonly ruleIdsByName = new Map<string, string>();
    private readonly skipped = new Set<string>();
    /** Per rule function: its suffix override, its id and whether it is skipped (cleared by `skip`). */
    private readonly ruleInfo = new Map<Rule, { suffix?: string; ruleId: string; skipped: boolean }>();

    public skip(ruleNames: string[]): void {
      ruleNames.forEach((n) => this.skipped.add(n));
      this.ruleInfo.clear();
    }

    public get ruleIdPrefix(): string {
      return this.readPackName;
    }

    public run(scope: IConstruct, sink: (check: RuleCheck) => void, shared?: SharedRuleResults): void {
      this.sink = sink;
      this.shared = shared;
      try {
        this.validateScope(scope);
      } finally {
        this.sink = undefined;
        this.shared = undefined;
      }
    }

    protected applyRule(params: IApplyRule): void {
      // A pack applies each of its rules to every resource: the rule's id and whether it is
      // skipped are worked out on its first application, not on each of them.
      let known = this.ruleInfo.get(params.rule);
      if (!known || known.suffix !== params.ruleSuffixOverride) {
        const ruleId = `${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
        this.ruleIdsByName.set(params.rule.name, ruleId);
        known = { suffix: params.ruleSuffixOverride, ruleId, skipped: this.skipped.has(params.rule.name) };
        this.ruleInfo.set(params.rule, known);
      }
      if (known.skipped) return;
      const ruleId = known.ruleId;
      const { result, error } = this.shared ? this.shared.apply(params.rule, params.node) : applyOnce(params.rule, params.node);
      // Most rules do not apply to most resources: report only those that do.
      if (result === NagRuleCompliance.NOT_APPLICABLE || !this.sink) return;
      this.sink({
        ruleId,
        ruleName: params.rule.name,
        info: params.info,
        explanation: params.explanation,
        node: params.node,
        result,
        error,
      });
    }
  }
  return new Recording(undefined, props);
}

/** The public packs, by the framework they check. */
export const PUBLIC_PACKS = {
  awsSolutions: AwsSolutionsChecks,
  hipaa: HIPAASecurityChecks,
  pciDss321: PCIDSS321Checks,
  nist80053R5: NIST80053R5Checks,
  serverless: ServerlessChecks,
};
