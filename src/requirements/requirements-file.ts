import * as fs from 'fs';
import * as path from 'path';
import type { Document, LineCounter } from 'yaml';
import { ValidationProblem } from './types';
import { findRequirementProblems } from './validate';

/** A problem in a requirements file: the field's path, and its line when the file has one for it. */
export interface RequirementsFileProblem extends ValidationProblem {
  readonly file: string;
  /** 1-based line of the field (or of its nearest enclosing object when the field is missing). */
  readonly line?: number;
}

/** What reading a requirements file found: the parsed object and every problem in it. */
export interface RequirementsFileResult {
  readonly requirements: unknown;
  readonly problems: RequirementsFileProblem[];
}

/** `file:line requirements.x must be ...`, one line per problem. */
export function formatFileProblem(p: RequirementsFileProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''} ${p.path} ${p.message}`;
}

/** Thrown by `Requirements.fromFile`: every problem, each naming the file, the line where known, and the path. */
export class RequirementsFileError extends Error {
  constructor(public readonly file: string, public readonly problems: RequirementsFileProblem[]) {
    super(`Invalid application requirements in ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`
      + problems.map((p) => `  - ${formatFileProblem(p)}`).join('\n'));
    this.name = 'RequirementsFileError';
  }
}

/**
 * Reads requirements from a `.json`, `.yaml` or `.yml` file and validates them like requirements
 * written in code. Enum fields take their string values (`"environment": "production"`).
 */
export function readRequirementsFile(file: string): RequirementsFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { requirements: undefined, problems: [{ file, path: 'requirements', message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  const extension = path.extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(extension)) {
    return { requirements: undefined, problems: [{ file, path: 'requirements', message: `must be a .json, .yaml or .yml file, got '${extension || 'no extension'}'` }] };
  }
  // Loaded here, not at import: the YAML parser is only needed when a file is read.
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  // JSON is YAML 1.2: one parser gives both formats a line for every field.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = [...doc.errors.map((e) => ({ message: e.message, at: e.pos[0] })), ...(extension === '.json' ? jsonSyntax(text) : [])];
  if (syntax.length > 0) {
    const first = syntax[0];
    const line = first.at === undefined ? undefined : lines.linePos(first.at).line;
    const what = extension === '.json' ? 'JSON' : 'YAML';
    return { requirements: undefined, problems: [{ file, line, path: 'requirements', message: `is not valid ${what}: ${first.message.split('\n')[0]}` }] };
  }
  const parsed = doc.toJS();
  // `$schema` points editors at schema/requirements.schema.json; it is not a requirement.
  const requirements = isPlainObject(parsed) && '$schema' in parsed ? withoutKey(parsed, '$schema') : parsed;
  const problems = findRequirementProblems(requirements).map((p) => ({ ...p, file, line: lineOf(doc, lines, p.path) }));
  return { requirements, problems };
}

/** The `yaml` package, loaded on first use. */
function yaml(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof import('yaml');
}

/** JSON.parse's verdict on a .json file (YAML accepts more: comments, unquoted keys). */
function jsonSyntax(text: string): Array<{ message: string; at?: number }> {
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    return [{ message, at: at ? Number(at[1]) : undefined }];
  }
}

/** The line of `requirements.services[0].traffic` in the file, or of the nearest part of the path that exists. */
function lineOf(doc: Document, lines: LineCounter, problemPath: string): number | undefined {
  const { isMap, isSeq } = yaml();
  const keys = pathKeys(problemPath);
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      // A map or list starts on the line of its first entry; the key above it names the field.
      const pair = n > 0 && (isMap(node) || isSeq(node)) ? keyLine(doc, lines, keys.slice(0, n)) : undefined;
      return pair ?? lines.linePos(range[0]).line;
    }
  }
  return undefined;
}

function keyLine(doc: Document, lines: LineCounter, keys: Array<string | number>): number | undefined {
  const { isMap } = yaml();
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === keys[keys.length - 1]);
  const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

/** `requirements.services[0].traffic` -> ['services', 0, 'traffic']; `tags['cost-center']` -> ['tags', 'cost-center']. */
function pathKeys(problemPath: string): Array<string | number> {
  const keys: Array<string | number> = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^']*)'\]/g;
  const rest = problemPath.replace(/^requirements/, '');
  for (let m = pattern.exec(rest); m; m = pattern.exec(rest)) keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
  return keys;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}
