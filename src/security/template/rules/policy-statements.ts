import { Unknown } from '../model';
import { asList, CHOICE } from '../resolve';

/** An ARN or a service name: a principal built from pseudo parameters is still a named one. */
const NAMED_PRINCIPAL = /^arn:|:iam::|\.amazonaws\.com(\.cn)?$/;

/** Condition keys that tie a `*` principal to an account, organisation, source or network. */
const RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalorgid',
  'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip',
  'aws:userid', 'kms:calleraccount', 'aws:resourceaccount', 'aws:principalservicename', 'cloudfront:sourcearn',
]);

type Statement = { [key: string]: unknown };

/** The statements of a resolved policy document. */
export function statementsOf(document: unknown): Statement[] {
  if (document instanceof Unknown || !document || typeof document !== 'object') return [];
  return asList((document as Statement).Statement).filter((s): s is Statement => !!s && typeof s === 'object' && !(s instanceof Unknown));
}

/**
 * Whether a principal is anyone: `*`, `{ AWS: '*' }`, or not known at synth. A principal
 * whose every possible value is an ARN or a service name built from pseudo parameters
 * (`arn:${Partition}:iam::${AccountId}:root`) is a named one.
 */
export function isAnyPrincipal(principal: unknown): boolean {
  if (principal === '*' || isUnknownPrincipal(principal)) return true;
  if (principal && typeof principal === 'object' && !(principal instanceof Unknown)) {
    return Object.values(principal as Statement).some((v) => asList(v).some((p) => p === '*' || isUnknownPrincipal(p)));
  }
  return false;
}

function isUnknownPrincipal(p: unknown): boolean {
  return p instanceof Unknown && !p.text.split(CHOICE).every((branch) => NAMED_PRINCIPAL.test(branch));
}

/**
 * Whether a condition limits who can act: a restricting key with a value other than `*`,
 * under an operator without `IfExists` (which lets requests without the key through).
 */
export function isRestricting(condition: unknown): boolean {
  if (!condition || typeof condition !== 'object' || condition instanceof Unknown) return false;
  return Object.entries(condition as Statement).some(([operator, keys]) => !/IfExists$/i.test(operator) && !!keys && typeof keys === 'object'
    && Object.entries(keys as Statement).some(([key, value]) => RESTRICTING_KEYS.has(key.toLowerCase())
      && asList(value).length > 0 && asList(value).every((v) => v !== '*')));
}

/** A short label of a statement: its Sid, or its position. */
export function labelOf(statement: Statement, index: number): string {
  return typeof statement.Sid === 'string' ? `Statement '${statement.Sid}'` : `Statement[${index}]`;
}

/** Allow statements open to anyone without a restricting condition, described. */
export function publicStatements(document: unknown): string[] {
  const out: string[] = [];
  statementsOf(document).forEach((s, i) => {
    if (s.Effect !== 'Allow') return;
    if (s.NotPrincipal !== undefined) {
      out.push(`${labelOf(s, i)} allows everyone but NotPrincipal`);
    } else if (isAnyPrincipal(s.Principal) && !isRestricting(s.Condition)) {
      out.push(`${labelOf(s, i)} allows ${describeActions(s.Action ?? s.NotAction)} to principal '*' without a condition on account, source or network`);
    }
  });
  return out;
}

function describeActions(actions: unknown): string {
  const list = asList(actions).map((a) => (typeof a === 'string' ? a : '<unknown>'));
  return list.length ? list.join(', ') : 'every action';
}
