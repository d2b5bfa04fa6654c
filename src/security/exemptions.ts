import { IConstruct } from 'constructs';
import { SecurityRule } from './policy/security-rule';

/** Metadata type of an exemption; read only by the compliance evaluation. */
const EXEMPTION_METADATA = 'cdk-infra-engineer:exemption';

interface ExemptionData {
  /** Rule function names, the same in every pack (`S3BucketLoggingEnabled`). */
  readonly rules: string[];
  readonly reason: string;
}

/**
 * Exempts a construct and everything under it from rules, named by their function (so one
 * exemption covers the rule in every pack), with a reason. The library makes two kinds,
 * both listed in the report as acknowledgements: a rule the security policy relaxes (with
 * the relaxation's reason), and CDK's deployment machinery (custom resource handlers).
 */
export function exempt(scope: IConstruct, rules: string[], reason: string): void {
  const already = scope.node.metadata.some((m) => m.type === EXEMPTION_METADATA
    && (m.data as ExemptionData).reason === reason && rules.every((r) => (m.data as ExemptionData).rules.includes(r)));
  if (!already) scope.node.addMetadata(EXEMPTION_METADATA, { rules, reason } satisfies ExemptionData);
}

/** The reason `ruleName` is exempted on `resource` or an ancestor, if it is. */
export function findExemption(resource: IConstruct, ruleName: string): string | undefined {
  let current: IConstruct | undefined = resource;
  while (current) {
    for (const m of current.node.metadata) {
      if (m.type === EXEMPTION_METADATA && (m.data as ExemptionData).rules.includes(ruleName)) return (m.data as ExemptionData).reason;
    }
    current = current.node.scope;
  }
  return undefined;
}

/** The reason text of a relaxed rule, as the report shows it. */
export function relaxationReason(rule: SecurityRule, reason: string): string {
  return `Security policy relaxes '${rule}': ${reason}`;
}
