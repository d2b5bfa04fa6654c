import { ValidationProblem } from './types';

/** Names become part of resource names (ALB and target group names allow 32 characters). */
export const NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$/;
export const MAX_NAME_LENGTH = 20;

export type Problems = ValidationProblem[];

export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkEnum(p: Problems, path: string, value: unknown, enumObj: object, enumName: string, required: boolean): boolean {
  if (value === undefined && !required) return true;
  const values = Object.values(enumObj) as string[];
  if (typeof value === 'string' && values.includes(value)) return true;
  const accepted = Object.entries(enumObj).map(([k, v]) => `${enumName}.${k} ('${v}')`).join(', ');
  p.push({ path, message: `must be one of ${accepted}, got ${describe(value)}` });
  return false;
}

export function checkName(p: Problems, path: string, value: unknown): boolean {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value) || value.length > MAX_NAME_LENGTH) {
    p.push({
      path,
      message: `must be a DNS-style name of 1-${MAX_NAME_LENGTH} lowercase letters, digits and hyphens, starting with a letter, with single hyphens between letters or digits, got ${describe(value)}`,
    });
    return false;
  }
  return true;
}

/** Checks an optional number; `min` is inclusive unless `exclusive`. */
export function checkNumber(p: Problems, path: string, value: unknown, min: number, exclusive: boolean, max?: number): boolean {
  if (value === undefined) return true;
  const ok = typeof value === 'number' && Number.isFinite(value)
    && (exclusive ? value > min : value >= min) && (max === undefined || value <= max);
  if (!ok) {
    const range = `${exclusive ? '>' : '>='} ${min}${max === undefined ? '' : ` and <= ${max}`}`;
    p.push({ path, message: `must be a number ${range}, got ${describe(value)}` });
  }
  return ok;
}

export function checkStringList(p: Problems, path: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    p.push({ path, message: `must be a list of names, got ${describe(value)}` });
    return [];
  }
  const seen = new Set<string>();
  value.forEach((v, i) => {
    if (typeof v !== 'string') p.push({ path: `${path}[${i}]`, message: `must be a name, got ${describe(v)}` });
    else if (seen.has(v)) p.push({ path: `${path}[${i}]`, message: `lists '${v}' twice` });
    else seen.add(v);
  });
  return value.filter((v): v is string => typeof v === 'string');
}


/**
 * Records a name and reports a duplicate. Names that differ only in hyphens count as the
 * same, because output keys and logical IDs drop hyphens ('a-1' and 'a1' are both 'A1').
 * Returns false for a duplicate.
 */
export function checkUnique(p: Problems, path: string, name: string, seen: Map<string, string>, what: string): boolean {
  const key = name.replace(/-/g, '');
  const earlier = seen.get(key);
  if (earlier === undefined) {
    seen.set(key, name);
    return true;
  }
  p.push({
    path,
    message: earlier === name ? `'${name}' is used twice; ${what} names must be unique`
      : `'${name}' differs from '${earlier}' only in hyphens, which output keys drop; rename one`,
  });
  return false;
}
