import { Unknown, isUnknown } from './unknown';

/** A condition's value: true, false, or not known before deploy. */
export type ConditionValue = boolean | Unknown;

/**
 * Evaluates a template's Conditions (Fn::Equals, And, Or, Not, Condition) with `value`
 * resolving their operands. A condition on an unknown value is an Unknown naming it; And/Or
 * short-circuit on a known operand (false And unknown is false).
 */
export function evaluateConditions(conditions: { [name: string]: unknown }, value: (v: unknown) => unknown): Map<string, ConditionValue> {
  const result = new Map<string, ConditionValue>();
  const evaluating = new Set<string>();
  const named = (name: string): ConditionValue => {
    const known = result.get(name);
    if (known !== undefined) return known;
    if (!(name in conditions)) return new Unknown(`the condition '${name}', which the template does not define`, `condition ${name}`, { Condition: name });
    if (evaluating.has(name)) return new Unknown(`the condition '${name}', which refers to itself`, `condition ${name}`, { Condition: name });
    evaluating.add(name);
    const v = evaluate(conditions[name]);
    evaluating.delete(name);
    result.set(name, v);
    return v;
  };
  const evaluate = (c: unknown): ConditionValue => {
    if (typeof c === 'boolean') return c;
    if (c === 'true' || c === 'false') return c === 'true';
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return new Unknown(`a condition that is not understood (${JSON.stringify(c)})`, 'condition', c);
    const [fn, arg] = Object.entries(c)[0] ?? [];
    const args: unknown[] = Array.isArray(arg) ? arg : [arg];
    switch (fn) {
      case 'Condition':
        return named(String(arg));
      case 'Fn::Equals': {
        const [a, b] = args.map(value);
        const unknown = [a, b].find(isUnknown);
        if (unknown) return unknown;
        if (!isComparable(a) || !isComparable(b)) return new Unknown('a comparison of values known only at deploy (Fn::Equals)', 'Fn::Equals at deploy', c);
        return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
      }
      case 'Fn::Not': {
        const v = evaluate(args[0]);
        return isUnknown(v) ? v : !v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const decisive = fn === 'Fn::Or';
        let unknown: Unknown | undefined;
        for (const a of args) {
          const v = evaluate(a);
          if (v === decisive) return decisive;
          if (isUnknown(v)) unknown ??= v;
        }
        return unknown ?? !decisive;
      }
      default:
        return new Unknown(`a condition function that is not understood (${fn})`, 'condition', c);
    }
  };
  for (const name of Object.keys(conditions)) named(name);
  return result;
}

/** Values compare as CloudFormation compares them: strings (a number 5 equals "5"). */
function normal(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(normal);
  return v;
}

function isComparable(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
}
