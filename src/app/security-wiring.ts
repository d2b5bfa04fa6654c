import { Stack, Tags } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { FunctionService, ObjectStore, Observability, QueueWorker, RegionalWebAcl, ScheduledJob } from '../blocks';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { ComputeRuntime } from '../design/model';
import { ReportContributor, SecuritySection } from '../report/model';
import { ComplianceEvaluation, RequiredTags, SecurityPolicy, StackSecurity } from '../security';

/** What the stack hands to the security wiring. */
export interface SecurityWiringInput {
  readonly stack: Stack;
  readonly design: InfrastructureDesign;
  readonly observability: Observability;
  /** The policy; the requirements' tier and frameworks decide it when not given. */
  readonly policy?: SecurityPolicy;
  /** Register the packs as validation plugins (findings fail synth). */
  readonly failSynthOnFindings: boolean;
}

/**
 * Applies the security design to the built stack: the required tags, the choices the
 * design makes per block (reserved concurrency, replication, web ACL alarms), then the
 * enforcing aspects and rule packs, and the report's security section.
 */
export function wireSecurity(input: SecurityWiringInput): StackSecurity {
  const { stack, design, observability } = input;
  const req = design.requirements;
  // Stand-ins the design records when the requirements leave the owner or cost centre out.
  if (!req.tags?.[RequiredTags.OWNER]) Tags.of(stack).add(RequiredTags.OWNER, req.name);
  if (!req.tags?.[RequiredTags.COST_ALLOCATION]) Tags.of(stack).add(RequiredTags.COST_ALLOCATION, req.name);

  const services = stack.node.tryFindChild('Services');
  for (const plan of design.services) {
    const block = services?.node.tryFindChild(plan.name);
    if (plan.runtime === ComputeRuntime.LAMBDA && plan.reservedConcurrency !== undefined
      && (block instanceof FunctionService || block instanceof QueueWorker || block instanceof ScheduledJob)) {
      const cfn = block.lambdaFunction.node.defaultChild;
      if (cfn instanceof lambda.CfnFunction && cfn.reservedConcurrentExecutions === undefined) {
        cfn.reservedConcurrentExecutions = plan.reservedConcurrency;
      }
    }
  }
  for (const acl of stack.node.tryFindChild('Edge')?.node.children ?? []) {
    if (acl instanceof RegionalWebAcl) observability.monitorWebAcl(acl.node.id.replace(/-waf$/, ''), acl.metricName);
  }

  const policy = input.policy ?? SecurityPolicy.fromRequirements(req);
  const security = new StackSecurity(stack, { policy, failSynthOnFindings: input.failSynthOnFindings });

  const data = stack.node.tryFindChild('Data');
  for (const plan of design.dataStores) {
    const block: IConstruct | undefined = data?.node.tryFindChild(plan.name);
    if (plan.replicated && block instanceof ObjectStore) {
      block.addReplica(policy.requiresCustomerManagedKeys ? security.customerManagedKey() : undefined);
    }
  }
  return security;
}

/** Fills the report's security section from the evaluation made at synth. */
export function securityReportContributor(security: StackSecurity): ReportContributor {
  return {
    section: 'security',
    contribute: (report) => ({ ...report, security: toSection(security.evaluate()) }),
  };
}

function toSection(evaluation: ComplianceEvaluation): SecuritySection {
  return {
    frameworks: evaluation.frameworks.map((f) => ({
      name: f.name,
      rulesEvaluated: f.rulesEvaluated,
      rulesPassed: f.rulesPassed,
      rulesAcknowledged: f.rulesAcknowledged,
      compliancePercent: f.compliancePercent,
    })),
    acknowledgements: evaluation.acknowledgements.map((a) => ({ ruleId: a.ruleId, resourcePath: a.resourcePath, reason: a.reason })),
  };
}
