import type { Stack } from 'aws-cdk-lib';
import { FRAMEWORK_REQUIRED_RULES } from './framework-rules';
import { assertReason } from './reason';
import { SecurityRule } from './security-rule';
import { ApplicationRequirements, ComplianceFramework, EnvironmentTier } from '../../requirements';
import type { StackSecurity } from '../stack-security';

/** A security rule that is not enforced, and why. */
export interface RuleRelaxation {
  /** The rule that is not enforced. */
  readonly rule: SecurityRule;
  /** Why not: at least a sentence. It is written into the report and every acknowledgement it causes. */
  readonly reason: string;
  /**
   * The chosen compliance frameworks that require this rule and that you accept falling short
   * of. Required when one of the policy's frameworks requires the rule (the relaxation is
   * refused otherwise); those frameworks' packs then score the relaxed findings as failed.
   * @default - none: only rules no chosen framework requires can be relaxed
   */
  readonly frameworks?: ComplianceFramework[];
}

/** Properties of a `SecurityPolicy`. */
export interface SecurityPolicyProps {
  /** The environment tier: it decides which rules are relaxed by default. */
  readonly environment: EnvironmentTier;
  /**
   * Compliance frameworks the application must meet; they keep every rule they check
   * enforced, whatever the tier.
   * @default - none
   */
  readonly frameworks?: ComplianceFramework[];
  /**
   * Retention, in days, set on log groups and access logs that have none.
   * @default - 30 in development, 90 in staging, 365 in production
   */
  readonly logRetentionDays?: number;
  /**
   * Rules relaxed on top of the tier defaults, each with its reason.
   * @default - none
   */
  readonly relaxations?: RuleRelaxation[];
}

const LOG_RETENTION_DAYS: Record<EnvironmentTier, number> = {
  [EnvironmentTier.DEVELOPMENT]: 30,
  [EnvironmentTier.STAGING]: 90,
  [EnvironmentTier.PRODUCTION]: 365,
};

/**
 * What the enforcing aspects apply to every resource of a stack. Immutable: `relax` and
 * `enforce` return a new policy.
 *
 * Defaults per tier: production enforces every rule. Development and staging relax
 * deletion protection; without a compliance framework they also relax backups (no AWS
 * Backup plan) and, in every tier, customer managed keys. A compliance framework keeps
 * backups and customer managed keys enforced whatever the tier.
 */
export class SecurityPolicy {
  /** The tier's default policy for a set of compliance frameworks. */
  public static forEnvironment(props: SecurityPolicyProps): SecurityPolicy {
    return new SecurityPolicy(props.environment, props.frameworks ?? [], props.logRetentionDays, props.relaxations ?? [], []);
  }

  /** The default policy for an application's tier and compliance frameworks. */
  public static fromRequirements(requirements: ApplicationRequirements): SecurityPolicy {
    return SecurityPolicy.forEnvironment({ environment: requirements.environment, frameworks: requirements.compliance });
  }

  /** The environment tier. */
  public readonly environment: EnvironmentTier;
  /** Compliance frameworks the policy serves. */
  public readonly frameworks: ComplianceFramework[];
  /** Retention in days for log groups and access logs. */
  public readonly logRetentionDays: number;
  private readonly userRelaxations: RuleRelaxation[];
  /** Tier defaults the user asked to enforce anyway. */
  private readonly enforcedDefaults: SecurityRule[];

  private constructor(environment: EnvironmentTier, frameworks: ComplianceFramework[], logRetentionDays: number | undefined,
    relaxations: RuleRelaxation[], enforcedDefaults: SecurityRule[]) {
    if (!Object.values(EnvironmentTier).includes(environment)) {
      throw new Error(`SecurityPolicy environment must be one of ${Object.values(EnvironmentTier).join(', ')}, got ${JSON.stringify(environment)}`);
    }
    const retention = logRetentionDays ?? LOG_RETENTION_DAYS[environment];
    if (!Number.isInteger(retention) || retention < 1) {
      throw new Error(`SecurityPolicy logRetentionDays must be a whole number of days >= 1, got ${logRetentionDays}`);
    }
    relaxations.forEach((r, i) => {
      if (!Object.values(SecurityRule).includes(r.rule)) {
        throw new Error(`SecurityPolicy relaxations[${i}].rule must be one of ${Object.values(SecurityRule).join(', ')}, got ${JSON.stringify(r.rule)}`);
      }
      assertReason(r.reason, `SecurityPolicy relaxations[${i}].reason (relaxing '${r.rule}')`);
      const unnamed = frameworks.filter((f) => FRAMEWORK_REQUIRED_RULES[f]?.includes(r.rule) && !(r.frameworks ?? []).includes(f));
      if (unnamed.length > 0) {
        throw new Error(`SecurityPolicy relaxations[${i}] (relaxing '${r.rule}') refused: ${unnamed.join(', ')} require${unnamed.length === 1 ? 's' : ''} it. `
          + `To relax it anyway, name the framework: relax(SecurityRule.${ruleKey(r.rule)}, reason, [${unnamed.map((f) => `'${f}'`).join(', ')}]); `
          + 'the report then scores that framework below 100%.');
      }
    });
    this.environment = environment;
    this.frameworks = [...new Set(frameworks)];
    this.logRetentionDays = retention;
    this.userRelaxations = relaxations;
    this.enforcedDefaults = enforcedDefaults;
  }

  /** Every relaxed rule with its reason: the tier's defaults, then the user's. */
  public get relaxations(): RuleRelaxation[] {
    const defaults = this.tierRelaxations().filter((r) => !this.enforcedDefaults.includes(r.rule));
    const user = this.userRelaxations.filter((r) => !defaults.some((d) => d.rule === r.rule));
    return [...defaults, ...user];
  }

  /** True when a customer managed key encrypts buckets, log groups and secrets. */
  public get requiresCustomerManagedKeys(): boolean {
    return this.isEnforced(SecurityRule.CUSTOMER_MANAGED_KEYS);
  }

  /** Whether the aspects enforce this rule. */
  public isEnforced(rule: SecurityRule): boolean {
    return this.relaxationOf(rule) === undefined;
  }

  /**
   * Why the rule is relaxed.
   * @returns the relaxation, or undefined when the rule is enforced
   */
  public relaxationOf(rule: SecurityRule): RuleRelaxation | undefined {
    return this.relaxations.find((r) => r.rule === rule);
  }

  /**
   * A policy that does not enforce `rule`. The reason must be at least a sentence; it is
   * written into the design report and into every acknowledgement the relaxation causes.
   * A rule one of the policy's compliance frameworks requires is refused unless
   * `frameworks` names each such framework; their packs then score it as failed.
   * @param frameworks the chosen frameworks that require the rule and that you accept falling short of
   */
  public relax(rule: SecurityRule, reason: string, frameworks?: ComplianceFramework[]): SecurityPolicy {
    const relaxation: RuleRelaxation = { rule, reason, frameworks };
    return new SecurityPolicy(this.environment, this.frameworks, this.logRetentionDays,
      [...this.userRelaxations.filter((r) => r.rule !== rule), relaxation], this.enforcedDefaults.filter((r) => r !== rule));
  }

  /**
   * Puts any stack (one the library did not write: a plain `Stack`, a platform team's
   * shared stack) under this policy: the enforcing aspects, the rule packs, the template
   * check of its final templates (nested stacks included) and the compliance score. An
   * unacknowledged finding fails `cdk synth`. The evaluation is on the returned object
   * (`lastEvaluation` after synth). Call it once per stack.
   */
  public applyTo(stack: Stack): StackSecurity {
    // Loaded on use: the stack security module imports this one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { StackSecurity: Security } = require('../stack-security') as typeof import('../stack-security');
    return new Security(stack, { policy: this });
  }

  /** A policy that enforces `rule` even where the tier relaxes it by default. */
  public enforce(rule: SecurityRule): SecurityPolicy {
    return new SecurityPolicy(this.environment, this.frameworks, this.logRetentionDays,
      this.userRelaxations.filter((r) => r.rule !== rule), [...this.enforcedDefaults.filter((r) => r !== rule), rule]);
  }

  private tierRelaxations(): RuleRelaxation[] {
    const tier = this.environment;
    const out: RuleRelaxation[] = [];
    if (tier !== EnvironmentTier.PRODUCTION) {
      out.push({
        rule: SecurityRule.DELETION_PROTECTION,
        reason: `Default for the ${tier} tier: its stacks are torn down and rebuilt, and deletion protection would block \`cdk destroy\`; production enforces it.`,
      });
    }
    if (this.frameworks.length === 0) {
      if (tier !== EnvironmentTier.PRODUCTION) {
        out.push({
          rule: SecurityRule.BACKUPS,
          reason: `Default for the ${tier} tier without a compliance framework: its data is rebuilt from fixtures or copies, so it gets no AWS Backup plan`
            + (tier === EnvironmentTier.DEVELOPMENT ? ' and no point-in-time recovery unless the RPO asks for it.' : '; tables keep point-in-time recovery.'),
        });
      }
      out.push({
        rule: SecurityRule.CUSTOMER_MANAGED_KEYS,
        reason: 'No compliance framework asks for customer managed keys: AWS managed keys encrypt everything at rest without a monthly key fee.',
      });
    }
    return out;
  }
}

function ruleKey(rule: SecurityRule): string {
  return Object.entries(SecurityRule).find(([, v]) => v === rule)?.[0] ?? rule;
}
