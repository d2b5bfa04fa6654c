import { AspectPriority, Aspects, Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { EnvironmentTier } from '../requirements';
import { ComplianceEvaluation } from './evaluation/model';
import { SynthGate } from './gate/synth-gate';
import { RulePack, rulePacksFor } from './policy/rule-pack-selection';
import { SecurityPolicy } from './policy/security-policy';

/** Properties of `StackSecurity`. */
export interface StackSecurityProps {
  /** The policy the aspects enforce and the packs follow. */
  readonly policy: SecurityPolicy;
  /**
   * Fail `cdk synth` on an unacknowledged finding, with the rule, the resource path and the
   * fix (through the stage's `SynthGate`, which prints nothing when nothing is found).
   * @default true
   */
  readonly failSynthOnFindings?: boolean;
}

/**
 * Security for one stack: mutating aspects that apply the policy to every resource in it
 * (including resources added by hand, raw `CfnResource`s and nested stacks), the rule packs
 * that check the construct tree, and the template check that reads the final synthesized
 * templates (the stack's and its nested stacks'). Both are scored per pack; an
 * unacknowledged finding fails synth.
 *
 * Packs: AwsSolutions always; HIPAA Security, PCI DSS 3.2.1 and NIST 800-53 R5 for the
 * policy's frameworks; Serverless when the stack has Lambda functions; and
 * `CdkInfraEngineer` (with the template check's rules).
 */
export class StackSecurity {
  /** The enforced policy. */
  public readonly policy: SecurityPolicy;
  /** The packs the stack is checked against (Serverless only counts when functions exist). */
  public readonly rulePacks: RulePack[];
  private readonly stack: Stack;
  private last?: ComplianceEvaluation;
  /** The evaluation made earlier in this synthesis (by the design report), for the gate to reuse. */
  private pending?: ComplianceEvaluation;
  /** Set when a synthesis of the stack started in this process: its templates are then read from the assembly. */
  private synthesized = false;

  constructor(stack: Stack, props: StackSecurityProps) {
    this.stack = stack;
    this.policy = props.policy;
    this.rulePacks = rulePacksFor(this.policy.frameworks);
    // The aspects (and the aws-cdk-lib service modules they test nodes against) load with the
    // first secured stack, not with the package.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SecurityPolicyAspect } = require('./aspects/security-policy-aspect') as typeof import('./aspects/security-policy-aspect');
    Aspects.of(stack).add(new SecurityPolicyAspect(this.policy, stack, () => { this.synthesized = true; }), { priority: AspectPriority.MUTATING });
    if (props.failSynthOnFindings ?? true) {
      SynthGate.of(stack).addCheck({
        name: `security of ${stack.node.path}`,
        check: (outdir) => this._evaluationForValidation(outdir).findings.map((f) => ({
          ruleId: f.ruleId, resourcePath: f.resourcePath, description: f.description, fix: f.fix,
        })),
      });
    }
  }

  /**
   * The stack's customer managed key (`<stack>/Security/Key`), created on first use: the key
   * the aspects encrypt buckets, log groups and secrets with when the policy asks for
   * customer managed keys. For constructs that must name the key when they are built (S3
   * replication of KMS-encrypted objects).
   */
  public customerManagedKey(): kms.IKey {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { customerManagedKey } = require('./aspects/shared-resources') as typeof import('./aspects/shared-resources');
    return customerManagedKey(this.stack);
  }

  /**
   * The result of the last evaluation (every synthesis runs one).
   * @default - undefined before the first synthesis or `evaluate()`
   */
  public get lastEvaluation(): ComplianceEvaluation | undefined {
    return this.last;
  }

  /**
   * Runs every pack over the stack and the template check over its final templates now,
   * and scores them. The enforcing aspects run at synthesis, so call this after
   * `app.synth()` (or read `lastEvaluation`) for the deployed state.
   */
  public evaluate(): ComplianceEvaluation {
    return this.evaluateIn(undefined);
  }

  /**
   * The evaluation for the synth gate: the one the design report made earlier in this
   * synthesis, or a new one, so that the packs run once per synthesis.
   * @internal
   */
  public _evaluationForValidation(outdir?: string): ComplianceEvaluation {
    const result = this.pending ?? this.evaluateIn(outdir);
    this.pending = undefined;
    return result;
  }

  private evaluateIn(outdir: string | undefined): ComplianceEvaluation {
    // Loaded here, not at import: cdk-nag and the rules cost load time only when a stack is checked.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { evaluateStack } = require('./evaluation/evaluate-stack') as typeof import('./evaluation/evaluate-stack');
    const result = evaluateStack(this.stack, this.policy, this.rulePacks, {
      production: this.policy.environment === EnvironmentTier.PRODUCTION,
      outdir,
      readAssembly: this.synthesized || outdir !== undefined,
    });
    this.last = result;
    this.pending = result;
    return result;
  }
}
