import { enUs } from './headline';
import { TemplateIndex } from './template-index';
import { ResourceUsage } from '../model';

/** The usage fields, in the vocabulary's order. */
export const USAGE_FIELDS: ReadonlyArray<keyof ResourceUsage> = [
  'monthlyRequests', 'averageDurationMs', 'monthlyReadRequestUnits', 'monthlyWriteRequestUnits',
  'storageGb', 'monthlyPutRequests', 'monthlyGetRequests', 'monthlyDataProcessedGb',
  'monthlyDataTransferOutGb', 'averageLcu', 'averageAcu', 'averageTaskCount',
  'monthlyIngestedLogGb', 'monthlyHours', 'monthlyIoRequests', 'monthlyStateTransitions',
  'monthlyConnectionMinutes', 'monthlyActiveUsers',
];

/** A template whose resources usage keys may name: logical IDs are `prefix` + the template's own. */
export interface UsageScope {
  readonly prefix: string;
  readonly template: TemplateIndex;
}

/**
 * Checks the usage map and resolves it per resource: a key is a logical ID or a construct
 * path (applying to every resource at or under it); per field, a logical ID beats a path and
 * a longer path beats a shorter one. Throws on a key matching no resource, an unknown field
 * or a negative, non-finite value.
 */
export function resolveUsage(
  usage: { [key: string]: ResourceUsage } | undefined,
  templates: TemplateIndex | ReadonlyArray<UsageScope>,
): Map<string, ResourceUsage> {
  const scopes: ReadonlyArray<UsageScope> = templates instanceof TemplateIndex ? [{ prefix: '', template: templates }] : templates;
  const result = new Map<string, ResourceUsage>();
  if (!usage) return result;
  if (typeof usage !== 'object' || Array.isArray(usage)) throw new Error('usage must be an object keyed by logical ID or construct path');
  const problems: string[] = [];
  const entries = Object.entries(usage);
  for (const [key, fields] of entries) {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      problems.push(`usage['${key}'] must be an object of usage fields`);
      continue;
    }
    for (const [field, value] of Object.entries(fields)) {
      if (!(USAGE_FIELDS as readonly string[]).includes(field)) {
        problems.push(`usage['${key}'].${field} is not a usage field (known: ${USAGE_FIELDS.join(', ')})`);
      } else if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
        problems.push(`usage['${key}'].${field} must be a number >= 0, got ${JSON.stringify(value)}`);
      }
    }
  }
  const pathMatches = new Map<string, Array<{ specificity: number; fields: ResourceUsage }>>();
  for (const [key, fields] of entries) {
    let matched = false;
    for (const { prefix, template } of scopes) {
      const local = key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
      if (local !== undefined && local in template.resources) {
        add(pathMatches, prefix + local, Number.MAX_SAFE_INTEGER, fields);
        matched = true;
      }
      for (const id of Object.keys(template.resources)) {
        const path = template.pathOf(id);
        if (path && (path === key || path.startsWith(key + '/'))) {
          // A path's traffic is its requests; a dead-letter queue under it only sees failures.
          const inherited = template.isDeadLetterQueue(id) ? withoutRequests(fields) : fields;
          add(pathMatches, prefix + id, key.length, inherited);
          matched = true;
        }
      }
    }
    if (!matched) problems.push(`usage key '${key}' matches no resource: give a logical ID or a construct path (aws:cdk:path) of the template`);
  }
  if (problems.length > 0) throw new Error(`invalid usage:\n  ${problems.join('\n  ')}`);
  for (const [id, matches] of pathMatches) {
    const merged: { [field: string]: number } = {};
    for (const m of matches.sort((a, b) => a.specificity - b.specificity)) {
      for (const [field, value] of Object.entries(m.fields)) if (value !== undefined) merged[field] = value as number;
    }
    result.set(id, merged as ResourceUsage);
  }
  return result;
}

function withoutRequests(fields: ResourceUsage): ResourceUsage {
  const { monthlyRequests: _requests, ...rest } = fields;
  return rest;
}

function add(map: Map<string, Array<{ specificity: number; fields: ResourceUsage }>>, id: string, specificity: number, fields: ResourceUsage) {
  const list = map.get(id) ?? [];
  list.push({ specificity, fields });
  map.set(id, list);
}

/** Reads one resource's usage, falling back to documented defaults and recording each one used. */
export class UsageReader {
  constructor(private readonly given: ResourceUsage, private readonly assumptions: string[]) {}

  /** The given value of a field, or the default (written into the assumptions with `why`). */
  public get(field: keyof ResourceUsage, fallback: number, why: string): number {
    const value = this.given[field];
    if (value !== undefined) return value;
    this.assumptions.push(`default ${field} = ${enUs(fallback)}: ${why}`);
    return fallback;
  }

  /** The given value of a field, if any. */
  public explicit(field: keyof ResourceUsage): number | undefined {
    return this.given[field];
  }
}
