import { RawResource, Reference, TemplateJson, Unknown } from './model';

const PLACEHOLDER = '\u2026';

/**
 * Resolves the intrinsics of a template value that the template itself decides: `Ref` and
 * `Fn::GetAtt` to its resources become `Reference`s, joins and substitutions of constants
 * become strings; everything else (parameters, pseudo parameters, conditions, imports) is
 * `Unknown`, never assumed safe.
 */
export function resolveValue(value: unknown, template: TemplateJson): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, template));
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, arg] = entries[0];
    if (key === 'Ref') return typeof arg === 'string' && template.Resources?.[arg] ? new Reference(arg) : new Unknown();
    if (key === 'Fn::GetAtt') {
      const [id, attribute] = Array.isArray(arg) ? arg : String(arg).split('.');
      return typeof id === 'string' && template.Resources?.[id] ? new Reference(id, String(attribute)) : new Unknown();
    }
    if (key === 'Fn::Join') return join(arg, template);
    if (key === 'Fn::Sub') return substitute(arg);
    if (key === 'Fn::Select') return select(arg, template);
    if (key === 'Fn::If') return choice(arg, template);
    if (key.startsWith('Fn::') || key === 'Condition') return new Unknown();
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = resolveValue(v, template);
  return out;
}

function join(arg: unknown, template: TemplateJson): unknown {
  if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') return new Unknown();
  const parts = resolveValue(arg[1], template);
  if (!Array.isArray(parts)) return new Unknown();
  const text = parts.map((p) => (typeof p === 'string' || typeof p === 'number' ? String(p) : p instanceof Unknown ? p.text || PLACEHOLDER : PLACEHOLDER));
  const known = parts.every((p) => typeof p === 'string' || typeof p === 'number');
  return known ? text.join(arg[0]) : new Unknown(text.join(arg[0]));
}

function substitute(arg: unknown): unknown {
  const text = Array.isArray(arg) ? arg[0] : arg;
  if (typeof text !== 'string') return new Unknown();
  if (!/\$\{[^!]/.test(text)) return text.replace(/\$\{!/g, '${');
  return new Unknown(text.replace(/\$\{[^!][^}]*\}/g, PLACEHOLDER));
}

/** Either branch may be deployed: the constant text of both, separated by ` | `. */
function choice(arg: unknown, template: TemplateJson): Unknown {
  if (!Array.isArray(arg) || arg.length !== 3) return new Unknown();
  const text = (v: unknown) => (typeof v === 'string' ? v : v instanceof Unknown ? v.text || PLACEHOLDER : PLACEHOLDER);
  return new Unknown(`${text(resolveValue(arg[1], template))}${CHOICE}${text(resolveValue(arg[2], template))}`);
}

/** Separates the branches of an `Fn::If` in an `Unknown`'s text. */
export const CHOICE = ' | ';

function select(arg: unknown, template: TemplateJson): unknown {
  if (!Array.isArray(arg) || arg.length !== 2) return new Unknown();
  const list = resolveValue(arg[1], template);
  const index = Number(arg[0]);
  return Array.isArray(list) && Number.isInteger(index) && index < list.length ? list[index] : new Unknown();
}

/** The resource's properties, resolved. */
export function resolvedProperties(resource: RawResource, template: TemplateJson): { [key: string]: unknown } {
  return (resolveValue(resource.Properties ?? {}, template) ?? {}) as { [key: string]: unknown };
}

/** True only for a value that is known to be true (`true` or `'true'`). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** True only for a value that is known to be false. */
export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** A value as a list (CloudFormation accepts a single value where it takes a list). */
export function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The logical IDs a resolved value refers to. */
export function referencedIds(value: unknown): string[] {
  if (value instanceof Reference) return [value.logicalId];
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (value && typeof value === 'object' && !(value instanceof Unknown)) return Object.values(value).flatMap(referencedIds);
  return [];
}
