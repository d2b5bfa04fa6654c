import * as path from 'path';
import { CloudFormationTemplate, DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { CliError, CliIo, readJson } from './io';

/** A stack of the cloud assembly, with its template and design report. */
export interface AssemblyStack {
  readonly artifactId: string;
  /** The CloudFormation stack name (the key of `cdk deploy --outputs-file`). */
  readonly stackName: string;
  /** `aws://account/region` from the manifest (`unknown-account/unknown-region` when env-agnostic). */
  readonly environment: string;
  readonly template: CloudFormationTemplate;
  /** Null when the stack has no `<artifact id>.design-report.json`. */
  readonly report: DesignReport | null;
  /** The stack tags the manifest carries. */
  readonly tags: { readonly [key: string]: string };
}

interface ManifestArtifact {
  readonly type?: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly properties?: {
    readonly templateFile?: string;
    readonly stackName?: string;
    readonly directoryName?: string;
    readonly tags?: { readonly [key: string]: string };
  };
}

/**
 * Every stack in the cloud assembly at `dir`, following nested assemblies (stages), in manifest
 * order: manifest.json lists the stacks; each template and design report is read beside it.
 */
export function readAssemblyStacks(io: CliIo, dir: string): AssemblyStack[] {
  const manifestFile = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = io.readFile(manifestFile);
  } catch (e) {
    throw new CliError(`cannot read ${manifestFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (is ${dir} a cloud assembly? run cdk synth)`);
  }
  let manifest: { artifacts?: { [id: string]: ManifestArtifact } };
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${manifestFile} is not JSON: ${(e as Error).message}`);
  }
  const stacks: AssemblyStack[] = [];
  for (const [artifactId, artifact] of Object.entries(manifest.artifacts ?? {})) {
    const props = artifact.properties ?? {};
    if (artifact.type === 'cdk:cloud-assembly' && props.directoryName) {
      stacks.push(...readAssemblyStacks(io, path.join(dir, props.directoryName)));
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack' || !props.templateFile) continue;
    const template = readJson(io, path.join(dir, props.templateFile)) as CloudFormationTemplate;
    stacks.push({
      artifactId,
      stackName: props.stackName ?? artifactId,
      environment: artifact.environment ?? 'aws://unknown-account/unknown-region',
      template,
      report: readReport(io, path.join(dir, `${artifactId}.design-report.json`)),
      tags: props.tags ?? {},
    });
  }
  return stacks;
}

function readReport(io: CliIo, file: string): DesignReport | null {
  let text: string;
  try {
    text = io.readFile(file);
  } catch {
    return null;
  }
  let report: DesignReport;
  try {
    report = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file} is not JSON: ${(e as Error).message}`);
  }
  if (!report || typeof report.stackName !== 'string') throw new CliError(`${file} is not a design report (no stackName)`);
  return report;
}

/** The file `cdk deploy --outputs-file` writes: `{ "<stackName>": { "<OutputKey>": "<value>" } }`. */
export type DeployOutputs = { [stackName: string]: { [outputKey: string]: string } };

export function readDeployOutputs(io: CliIo, file: string): DeployOutputs {
  const json = readJson(io, file);
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new CliError(`${file} is not a cdk deploy outputs file (expected { "<stackName>": { "<OutputKey>": "<value>" } })`);
  }
  const outputs: DeployOutputs = {};
  for (const [stack, values] of Object.entries(json)) {
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      throw new CliError(`${file}: the outputs of ${stack} are not an object of output keys and values`);
    }
    outputs[stack] = Object.fromEntries(Object.entries(values as object).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  return outputs;
}

/** A design report file found in a cloud assembly. */
export interface FoundReport {
  readonly file: string;
  readonly report: DesignReport;
}

/**
 * Every `*.design-report.json` in the cloud assembly at `dir` and in its nested stage assemblies
 * (`assembly-<stage>/`, any depth), top level first, each folder's files in name order.
 */
export function findDesignReports(io: CliIo, dir: string): FoundReport[] {
  let entries: string[];
  try {
    entries = io.readDir(dir).sort();
  } catch (e) {
    throw new CliError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const found: FoundReport[] = entries.filter((f) => f.endsWith('.design-report.json')).map((f) => {
    const file = path.join(dir, f);
    return { file, report: readReport(io, file)! };
  });
  for (const nested of entries.filter((f) => f.startsWith('assembly-'))) {
    const sub = path.join(dir, nested);
    if (isDirectory(io, sub)) found.push(...findDesignReports(io, sub));
  }
  return found;
}

/** True when `p` can be listed as a directory. */
export function isDirectory(io: CliIo, p: string): boolean {
  try {
    io.readDir(p);
    return true;
  } catch {
    return false;
  }
}
