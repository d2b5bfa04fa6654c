import { IConstruct } from 'constructs';
import { isBlanketScope } from './acknowledgements';
import { SecurityRule } from './policy/security-rule';

/** How a finding came to be accepted without a fix. */
export enum AcceptanceKind {
  /** `Acknowledgements.of(...)`, `Validations.of(...).acknowledge` or their metadata, on the resource. */
  ACKNOWLEDGEMENT = 'acknowledgement',
  /** The library exempted a resource it created itself (deployment machinery, the access-log bucket...). */
  LIBRARY_EXEMPTION = 'library-exemption',
  /** The security policy relaxes the rule (a tier default, or `relax()` with a reason). */
  POLICY_RELAXATION = 'policy-relaxation',
  /**
   * The policy relaxes a rule a chosen compliance framework requires, naming the framework:
   * the finding does not fail synth, and the framework's pack scores it as failed.
   */
  FRAMEWORK_WAIVER = 'framework-waiver',
}

/** An exemption the library made. */
export interface Exemption {
  /** Rule function names, the same in every pack (`S3BucketLoggingEnabled`), or template rule ids. */
  readonly rules: string[];
  readonly reason: string;
  readonly kind: AcceptanceKind;
  /** Pack prefixes that score the exempted findings as failed (a framework waiver). */
  readonly waivedIn?: string[];
}

/**
 * Exemptions live here, not in construct metadata: only the library's own code can make
 * one, and only below a stack (an exemption on a stack, stage or app is ignored).
 */
const EXEMPTIONS = new WeakMap<IConstruct, Exemption[]>();

/**
 * Exempts a construct the library created (and everything under it) from rules, named by
 * their function (so one exemption covers the rule in every pack), with a reason. Listed
 * in the report with the reason.
 */
export function exempt(scope: IConstruct, rules: string[], reason: string,
  kind: AcceptanceKind = AcceptanceKind.LIBRARY_EXEMPTION, waivedIn?: string[]): void {
  const list = EXEMPTIONS.get(scope) ?? [];
  if (list.some((e) => e.reason === reason && rules.every((r) => e.rules.includes(r)))) return;
  list.push({ rules, reason, kind, waivedIn });
  EXEMPTIONS.set(scope, list);
}

/** The exemption of any of `ruleNames` on `resource` or an ancestor below its stack, if there is one. */
export function findExemption(resource: IConstruct, ruleNames: string[]): Exemption | undefined {
  let current: IConstruct | undefined = resource;
  while (current && !isBlanketScope(current)) {
    const found = EXEMPTIONS.get(current)?.find((e) => ruleNames.some((r) => e.rules.includes(r)));
    if (found) return found;
    current = current.node.scope;
  }
  return undefined;
}

/** The reason text of a relaxed rule, as the report shows it. */
export function relaxationReason(rule: SecurityRule, reason: string): string {
  return `Security policy relaxes '${rule}': ${reason}`;
}
