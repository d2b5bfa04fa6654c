import * as fs from 'fs';
import * as path from 'path';
import { NestedStack, Stack } from 'aws-cdk-lib';
import { ISynthCheck, SynthCheckViolation } from '../security';

/** The context key of CDK's own resource-count check (0 turns it off). */
export const STACK_RESOURCE_LIMIT_CONTEXT = '@aws-cdk/core:stackResourceLimit';

/** CloudFormation's per-template quotas that a deploy would otherwise hit after minutes. */
export const TEMPLATE_LIMITS = { resources: 500, outputs: 200, parameters: 200, bytes: 1_000_000 };

/**
 * Checks an application stack's template (and its nested stacks' templates) against
 * CloudFormation's quotas at synth, so a deploy does not fail with TooManyResourcesInStack
 * after minutes, pointing nowhere near the requirement to change.
 */
export function templateLimitsCheck(stack: Stack, services: number): ISynthCheck {
  return {
    name: 'cloudformation-limits',
    check: (outdir: string): SynthCheckViolation[] => [stack, ...stack.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))]
      .flatMap((s) => templateViolations(outdir, s, services)),
  };
}

/** A template's counts against `TEMPLATE_LIMITS`. */
export interface TemplateCounts {
  readonly resources: number;
  readonly outputs: number;
  readonly parameters: number;
  readonly bytes: number;
  /** The first limit the template exceeds. */
  readonly over?: keyof typeof TEMPLATE_LIMITS;
}

/** What CloudFormation counts in a template against `TEMPLATE_LIMITS`, and the first limit it exceeds. */
export function templateCounts(template: any): TemplateCounts {
  const counts = {
    resources: Object.keys(template.Resources ?? {}).length,
    outputs: Object.keys(template.Outputs ?? {}).length,
    parameters: Object.keys(template.Parameters ?? {}).length,
    // CloudFormation measures the template it receives; CDK writes it indented.
    bytes: Buffer.byteLength(JSON.stringify(template)),
  };
  return { ...counts, over: (Object.keys(TEMPLATE_LIMITS) as Array<keyof typeof TEMPLATE_LIMITS>).find((k) => counts[k] > TEMPLATE_LIMITS[k]) };
}

function templateViolations(outdir: string, stack: Stack, services: number): SynthCheckViolation[] {
  const file = path.join(outdir, stack.templateFile);
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, 'utf8');
  const counts = templateCounts(JSON.parse(text));
  return (Object.keys(TEMPLATE_LIMITS) as Array<keyof typeof TEMPLATE_LIMITS>)
    .filter((k) => counts[k] > TEMPLATE_LIMITS[k])
    .map((k) => ({
      ruleId: 'CloudFormationTemplateLimit',
      resourcePath: stack.node.path,
      description: `the template has ${counts[k].toLocaleString('en-US')} ${k}, over CloudFormation's limit of `
        + `${TEMPLATE_LIMITS[k].toLocaleString('en-US')} per stack: the deploy would fail`,
      fix: `requirements.services lists ${services} services in one stack: split the application into several ApplicationStacks `
        + '(for example one per team or domain of services), each with its own requirements',
    }));
}
