import { CfnResource, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { IConstruct } from 'constructs';
import { isCreatedByCdk, propertyOf, singletonFunctions } from '../aspects/custom-resource-handlers';

/** Facts about a stack that rules about one resource need: computed once per pack run. */
export interface StackIndex {
  /** Logical IDs referenced by any CloudWatch alarm (dimensions or metric math). */
  readonly alarmed: ReadonlySet<string>;
  /** Logical IDs of Lambda functions CDK created to serve CloudFormation custom resources. */
  readonly customResourceHandlers: ReadonlySet<string>;
}

let cache = new WeakMap<Stack, StackIndex>();

/** Alarmed logical IDs read from the stacks' final templates, while an evaluation that loaded them runs. */
let alarmedInTemplates: ReadonlyMap<Stack, ReadonlySet<string>> | undefined;

/**
 * Runs `work` with the alarmed resources of each stack taken from its final template (the
 * template is the truth, and reading it is cheaper than resolving every alarm of the tree).
 * Outside it (the pack used on its own), the index resolves the tree's alarms.
 */
export function withAlarmedFromTemplates<T>(
  templates: ReadonlyArray<{ stack: Stack; template: { Resources?: { [id: string]: unknown } } }>, work: () => T,
): T {
  const previous = alarmedInTemplates;
  alarmedInTemplates = new Map(templates.map(({ stack, template }) => {
    const alarms = Object.values(template.Resources ?? {}).filter((r) => (r as { Type?: unknown })?.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => {
        const p = (r as { Properties?: { Dimensions?: unknown; Metrics?: unknown; Namespace?: unknown } }).Properties ?? {};
        return { d: p.Dimensions, m: p.Metrics, n: p.Namespace };
      });
    return [stack, new Set(alarms.length ? referencedIds(alarms) : [])];
  }));
  try {
    return work();
  } finally {
    alarmedInTemplates = previous;
  }
}

/** Forgets every index, so that the next rule run sees the current construct tree. */
export function resetStackIndexes(): void {
  cache = new WeakMap();
}

/** The index of the stack `node` belongs to. */
export function stackIndexOf(node: CfnResource): StackIndex {
  const stack = Stack.of(node);
  let index = cache.get(stack);
  if (!index) {
    index = buildIndex(stack);
    cache.set(stack, index);
  }
  return index;
}

/** The logical ID of a resource, as the template has it. */
export function logicalIdOf(node: CfnResource): string {
  return Stack.of(node).resolve(node.logicalId) as string;
}

function buildIndex(stack: Stack): StackIndex {
  const fromTemplate = alarmedInTemplates?.get(stack);
  const alarmed = new Set<string>(fromTemplate);
  const tokens = new Set<string>();
  const functions = new Map<string, CfnResource>();
  const alarms: Array<{ d: unknown; m: unknown; n: unknown }> = [];
  for (const child of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(child) || Stack.of(child) !== stack) continue;
    if (child.cfnResourceType === 'AWS::Lambda::Function') functions.set(stack.resolve(child.logicalId) as string, child);
    if (child instanceof cloudwatch.CfnAlarm) {
      if (!fromTemplate) alarms.push({ d: child.dimensions, m: child.metrics, n: child.namespace });
    } else if (child.cfnResourceType.startsWith('Custom::') || child.cfnResourceType === 'AWS::CloudFormation::CustomResource') {
      referencedIds(propertyOf(stack, child, 'ServiceToken')).forEach((id) => tokens.add(id));
    }
  }
  // Every alarm's references in one resolution (a stack has tens of alarms; each resolve call has a fixed cost).
  if (alarms.length) referencedIds(stack.resolve(alarms)).forEach((id) => alarmed.add(id));
  // A function used as a service token is CDK's machinery only when CDK's constructs made it.
  const singletons = tokens.size ? singletonFunctions(stack) : new Set<IConstruct>();
  const customResourceHandlers = new Set([...tokens].filter((id) => functions.has(id) && isCreatedByCdk(functions.get(id)!, singletons)));
  return { alarmed, customResourceHandlers };
}

/** Logical IDs in `Ref` and `Fn::GetAtt` expressions anywhere in a resolved value. */
function referencedIds(value: unknown): string[] {
  const json = JSON.stringify(value ?? null);
  const ids: string[] = [];
  for (const m of json.matchAll(/"Ref":"([A-Za-z0-9]+)"/g)) ids.push(m[1]);
  for (const m of json.matchAll(/"Fn::GetAtt":\["([A-Za-z0-9]+)"/g)) ids.push(m[1]);
  return ids;
}
