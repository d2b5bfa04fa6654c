import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { TemplateJson } from './model';
import { logicalIdOf } from '../logical-id';

/** One synthesized template and the stack it came from. */
export interface LoadedTemplate {
  readonly stack: Stack;
  readonly template: TemplateJson;
  /** The template's resources by logical ID, back to their constructs. */
  readonly constructs: ReadonlyMap<string, CfnResource>;
}

/**
 * The final templates of a stack and of every nested stack under it. Read from the cloud
 * assembly (`outdir`) when it holds this synthesis's files, else rendered in memory from
 * the construct tree (after synthesis that is the same template).
 */
export function loadTemplates(stack: Stack, outdir?: string, readAssembly = true): LoadedTemplate[] {
  const stacks: Stack[] = [stack];
  const resources: CfnResource[] = [];
  for (const c of stack.node.findAll()) {
    if (c !== stack && NestedStack.isNestedStack(c)) stacks.push(c);
    else if (CfnResource.isCfnResource(c)) resources.push(c);
  }
  const byStack = new Map<Stack, Map<string, CfnResource>>(stacks.map((s) => [s, new Map()]));
  for (const r of resources) {
    const owner = Stack.of(r);
    byStack.get(owner)?.set(logicalIdOf(r, owner), r);
  }
  return stacks.map((s) => ({ stack: s, template: readTemplate(s, outdir, readAssembly), constructs: byStack.get(s)! }));
}

function readTemplate(stack: Stack, outdir: string | undefined, readAssembly: boolean): TemplateJson {
  const dir = outdir ?? Stage.of(stack)?.outdir;
  const file = dir && readAssembly ? path.join(dir, stack.templateFile) : undefined;
  if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as TemplateJson;
  return stack.resolve((stack as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as TemplateJson;
}
