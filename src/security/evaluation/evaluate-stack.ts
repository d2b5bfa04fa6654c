import { Stack } from 'aws-cdk-lib';
import { evaluateCompliance } from './evaluate';
import { ComplianceEvaluation } from './model';
import { createRecordingPack, RulePack, usesFunctions } from './rule-packs';
import { withTreeMemo } from './tree-memo';
import { SecurityPolicy } from '../policy/security-policy';
import { withAlarmedFromTemplates } from '../rules/stack-index';
import { checkTemplates } from '../template/check';
import { loadTemplates } from '../template/load';

/** Where the templates come from, and the tier. */
export interface StackEvaluationOptions {
  readonly production: boolean;
  /** The assembly directory of this synthesis; defaults to the stage's. */
  readonly outdir?: string;
  /** Read the templates from the assembly (a synthesis of the stack ran); otherwise render them in memory. */
  readonly readAssembly: boolean;
}

/**
 * Runs the packs over the stack and the template check over its final templates, and scores
 * both. Nothing changes the tree meanwhile, so resolved values, tree walks and logical IDs are
 * worked out once (`withTreeMemo`).
 */
export function evaluateStack(stack: Stack, policy: SecurityPolicy, rulePacks: RulePack[], options: StackEvaluationOptions): ComplianceEvaluation {
  return withTreeMemo(stack, () => evaluateUnchanged(stack, policy, rulePacks, options));
}

function evaluateUnchanged(stack: Stack, policy: SecurityPolicy, rulePacks: RulePack[], options: StackEvaluationOptions): ComplianceEvaluation {
  const packs = rulePacks
    .filter((p) => p !== RulePack.SERVERLESS || usesFunctions(stack))
    .map((p) => createRecordingPack(p, options.production));
  // Our construct-tree rules that a template rule of the same id supersedes are not run.
  packs.find((p) => p.ruleIdPrefix === RulePack.CDK_INFRA_ENGINEER)?.skip(['NoPlaintextSecrets', 'StatefulResourceRetained']);
  // cdk-nag reads a cache's AUTH token only; the template rule CacheAuthenticated also counts an RBAC user group.
  packs.forEach((p) => p.skip(['ElastiCacheRedisClusterRedisAuth']));
  const templates = loadTemplates(stack, options.readAssembly ? options.outdir : undefined, options.readAssembly);
  const template = checkTemplates(templates, { production: options.production, enforces: (rule) => policy.isEnforced(rule) });
  return withAlarmedFromTemplates(templates, () => evaluateCompliance(stack, packs, { template, policy }));
}
