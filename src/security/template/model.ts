import { SecurityRule } from '../policy/security-rule';

/** A CloudFormation template as written into the cloud assembly. */
export interface TemplateJson {
  readonly Resources?: { [logicalId: string]: RawResource };
  readonly Parameters?: { [name: string]: unknown };
}

/** A resource of a template, as written. */
export interface RawResource {
  readonly Type: string;
  readonly Properties?: { [key: string]: unknown };
  readonly DeletionPolicy?: unknown;
  readonly UpdateReplacePolicy?: unknown;
  readonly Metadata?: { [key: string]: unknown };
}

/**
 * A value that cannot be known at synth (a parameter, a pseudo parameter, a condition, an
 * import). `text` keeps the constant parts of a join or substitution, with `\u2026` for the
 * unknown ones, so that a literal secret inside a join is still seen.
 */
export class Unknown {
  constructor(public readonly text: string = '') {}
}

/** `Ref` or `Fn::GetAtt` to a resource of the same template. */
export class Reference {
  constructor(public readonly logicalId: string, public readonly attribute?: string) {}
}

/** A resource of the final template, its properties resolved as far as the template allows. */
export interface TemplateResource {
  readonly logicalId: string;
  readonly type: string;
  /** Properties with intrinsics resolved: constants, `Reference`s and `Unknown`s. */
  readonly properties: { [key: string]: unknown };
  readonly deletionPolicy?: unknown;
  readonly updateReplacePolicy?: unknown;
  /** Construct path (`aws:cdk:path` metadata, or found through the construct tree). */
  readonly path: string;
}

/** Facts about one template that rules about one resource need. */
export interface TemplateIndex {
  /** Security groups (logical IDs) attached to a load balancer. */
  readonly loadBalancerGroups: ReadonlySet<string>;
  /** Resolved policy documents attached to a bucket, queue or topic (by its logical ID). */
  policiesOf(logicalId: string): unknown[];
  /** A resource of the same template by its logical ID. */
  resource(logicalId: string): TemplateResource | undefined;
}

/** What the template rules know about the stack's policy. */
export interface TemplateContext {
  readonly production: boolean;
  readonly index: TemplateIndex;
  /** Whether the security policy enforces `rule` (a relaxed rule's findings are acknowledged with its reason). */
  enforces(rule: SecurityRule): boolean;
}

/** The rule does not apply to the resource. */
export const NOT_APPLICABLE = 'not-applicable';
/** The rule applies and the resource complies. */
export const COMPLIANT = 'compliant';
/** A rule's result: not applicable, compliant, or one short description per problem. */
export type TemplateRuleResult = typeof NOT_APPLICABLE | typeof COMPLIANT | string[];

/** A check of one resource of a final template: a pure function of the resource and the template's facts. */
export interface TemplateRule {
  /** `CdkInfraEngineer-<id>` is the finding id. */
  readonly id: string;
  /** What is wrong. */
  readonly info: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * cdk-nag rule functions that check the same thing: a pack that has one of them is
   * scored by this rule's findings too, and the library's exemptions from them cover it.
   */
  readonly covers: string[];
  /** The policy rule whose relaxation accepts this rule's findings (with the relaxation's reason). */
  readonly policyRule?: SecurityRule;
  check(resource: TemplateResource, ctx: TemplateContext): TemplateRuleResult;
}
