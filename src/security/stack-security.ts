import { AspectPriority, Aspects, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { EnvironmentTier } from '../requirements';
import { SecurityPolicyAspect } from './aspects/security-policy-aspect';
import { customerManagedKey } from './aspects/shared-resources';
import { evaluateCompliance } from './evaluation/evaluate';
import { ComplianceEvaluation } from './evaluation/model';
import { createRecordingPack, RulePack, rulePacksFor, usesFunctions } from './evaluation/rule-packs';
import { EvaluationSource, StackValidationPlugin } from './evaluation/validation-plugin';
import { SecurityPolicy } from './policy/security-policy';

/** Properties of `StackSecurity`. */
export interface StackSecurityProps {
  /** The policy the aspects enforce and the packs follow. */
  readonly policy: SecurityPolicy;
  /**
   * Register the packs as CDK validation plugins, so that an unacknowledged finding fails
   * `cdk synth` with the rule, the resource path and the fix.
   * @default true
   */
  readonly failSynthOnFindings?: boolean;
}

/**
 * Security for one stack: mutating aspects that apply the policy to every resource in it
 * (including resources added by hand), and the rule packs that then check it, registered
 * as validation plugins and scored per pack.
 *
 * Packs: AwsSolutions always; HIPAA Security, PCI DSS 3.2.1 and NIST 800-53 R5 for the
 * policy's frameworks; Serverless when the stack has Lambda functions; and
 * `CdkInfraEngineerChecks`.
 */
export class StackSecurity {
  /** The enforced policy. */
  public readonly policy: SecurityPolicy;
  /** The packs the stack is checked against (Serverless only counts when functions exist). */
  public readonly rulePacks: RulePack[];
  private readonly stack: Stack;
  private last?: ComplianceEvaluation;
  /** The evaluation made earlier in this synthesis (by the design report), for the plugin to reuse. */
  private pending?: ComplianceEvaluation;

  constructor(stack: Stack, props: StackSecurityProps) {
    this.stack = stack;
    this.policy = props.policy;
    this.rulePacks = rulePacksFor(this.policy.frameworks);
    Aspects.of(stack).add(new SecurityPolicyAspect(this.policy, stack), { priority: AspectPriority.MUTATING });
    if (props.failSynthOnFindings ?? true) {
      const source: EvaluationSource = { evaluationForPlugin: () => this._evaluationForValidation() };
      Validations.of(stack).addPlugins(new StackValidationPlugin(this.rulePacks, stack.node.path, source));
    }
  }

  /**
   * The stack's customer managed key (`<stack>/Security/Key`), created on first use: the key
   * the aspects encrypt buckets, log groups and secrets with when the policy asks for
   * customer managed keys. For constructs that must name the key when they are built (S3
   * replication of KMS-encrypted objects).
   */
  public customerManagedKey(): kms.IKey {
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
   * Runs every pack over the stack now and scores it. The enforcing aspects run at
   * synthesis, so call this after `app.synth()` (or read `lastEvaluation`) for the
   * deployed state.
   */
  public evaluate(): ComplianceEvaluation {
    const packs = this.rulePacks
      .filter((p) => p !== RulePack.SERVERLESS || usesFunctions(this.stack))
      .map((p) => createRecordingPack(p, this.policy.environment === EnvironmentTier.PRODUCTION));
    const result = evaluateCompliance(this.stack, packs);
    this.last = result;
    this.pending = result;
    return result;
  }

  /**
   * The evaluation for the validation plugin: the one the design report made earlier in
   * this synthesis, or a new one, so that the packs run once per synthesis.
   * @internal
   */
  public _evaluationForValidation(): ComplianceEvaluation {
    const result = this.pending ?? this.evaluate();
    this.pending = undefined;
    return result;
  }
}
