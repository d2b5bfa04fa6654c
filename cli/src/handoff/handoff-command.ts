import * as fs from 'fs';
import * as path from 'path';
import type { ActualsResult } from '../actuals/actuals-result';
import { readAssemblyStacks, readDeployOutputs } from '../assembly';
import { HandoffDocument, handoffStack } from './handoff-document';
import { renderHandoffMarkdown } from './handoff-markdown';
import { CliError, CliIo, readJson } from '../io';
import type { StatusResult } from '../status/status-attempts';

export interface HandoffOptions {
  /** The cloud assembly directory (cdk.out). */
  readonly assembly: string;
  /** The file `cdk deploy --outputs-file` wrote. */
  readonly outputs?: string;
  /** Directory for handoff.json and handoff.md. */
  readonly out: string;
  /** Files written by `actuals --json`. */
  readonly actuals: string[];
  /** Files written by `status --json`. */
  readonly status: string[];
  readonly now?: () => Date;
}

/**
 * `handoff --assembly cdk.out --outputs outputs.json [--out dir]`: writes handoff.json and
 * handoff.md, one section per stack: the quality metrics with how each was computed, the
 * configuration status, the access details with deployed values, and the resources. No AWS call.
 */
export function runHandoff(options: HandoffOptions, io: CliIo): number {
  const stacks = readAssemblyStacks(io, options.assembly);
  if (stacks.length === 0) throw new CliError(`no stacks in ${path.join(options.assembly, 'manifest.json')}: synthesize the app first (cdk synth)`);
  const outputs = options.outputs ? readDeployOutputs(io, options.outputs) : undefined;
  const names = new Set(stacks.map((s) => s.stackName));
  const actuals = resultsByStack<ActualsResult>(io, options.actuals, 'cdk-infra-engineer/actuals', 'actuals --json', names);
  const status = resultsByStack<StatusResult>(io, options.status, 'cdk-infra-engineer/status', 'status --json', names);
  for (const extra of Object.keys(outputs ?? {}).filter((n) => !names.has(n))) {
    io.err(`handoff: ${options.outputs} has outputs of ${extra}, which is not in ${options.assembly}`);
  }
  const doc: HandoffDocument = {
    kind: 'cdk-infra-engineer/handoff',
    schemaVersion: 1,
    generatedAt: (options.now ?? (() => new Date()))().toISOString(),
    assembly: options.assembly,
    outputsFile: options.outputs ?? null,
    stacks: stacks.map((stack) => handoffStack({
      stack,
      outputs: outputs?.[stack.stackName],
      actuals: actuals.get(stack.stackName),
      status: status.get(stack.stackName),
    })),
  };
  try {
    fs.mkdirSync(options.out, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create ${options.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const jsonFile = path.join(options.out, 'handoff.json');
  const mdFile = path.join(options.out, 'handoff.md');
  io.writeFile(jsonFile, JSON.stringify(doc, undefined, 2) + '\n');
  io.writeFile(mdFile, renderHandoffMarkdown(doc));

  io.out(`Hand-off of ${doc.stacks.length} stack(s) from ${options.assembly}${options.outputs ? ` with the outputs in ${options.outputs}` : ' (no outputs file)'}:`);
  for (const s of doc.stacks) {
    const known = s.accessDetails.filter((a) => a.value !== null).length;
    const named = s.resources.filter((r) => r.physicalName !== null).length;
    io.out(`${s.stackName}: ${s.deployed ? 'deployed' : 'not in the outputs file'}; ${known} of ${s.accessDetails.length} access details known, `
      + `${named} of ${s.resources.length} resources with a physical name`);
    for (const m of s.metrics) {
      io.out(`  ${m.name}: ${m.display}`);
      io.out(`    how: ${m.method}`);
    }
  }
  io.out(`Wrote ${jsonFile} and ${mdFile}`);
  return 0;
}

/** Reads `--actuals` / `--status` files, checks their kind, and keys them by stack name. */
function resultsByStack<T extends { kind: string; stackName: string }>(
  io: CliIo, files: string[], kind: string, writer: string, stacks: Set<string>,
): Map<string, { file: string; result: T }> {
  const byStack = new Map<string, { file: string; result: T }>();
  for (const file of files) {
    const result = readJson(io, file) as T;
    if (result?.kind !== kind) throw new CliError(`${file} is not a file written by cdk-infra-engineer ${writer}`);
    if (!stacks.has(result.stackName)) io.err(`handoff: ${file} is about ${result.stackName}, which is not in the assembly`);
    byStack.set(result.stackName, { file, result });
  }
  return byStack;
}
