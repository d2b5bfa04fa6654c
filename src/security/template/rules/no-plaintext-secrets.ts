import { COMPLIANT, TemplateRule, Unknown } from '../model';

/**
 * Well-known secret formats, whatever they are called: a label, substrings one of which the
 * text must contain (a cheap test that keeps the regular expression off long strings such
 * as dashboard bodies), and the pattern.
 */
const SECRET_FORMATS: Array<[string, string[], RegExp]> = [
  ['an AWS access key id', ['AKIA', 'ASIA'], /(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)/],
  ['a private key', ['-----BEGIN '], /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a Stripe live key', ['k_live_'], /\b[sr]k_live_[A-Za-z0-9]{10,}/],
  ['a GitHub token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/],
  ['a Slack token', ['xox'], /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ['a JSON Web Token', ['eyJ'], /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['credentials in a URL', ['://'], /[a-z][a-z0-9+.-]{0,20}:\/\/[^\s/:@]{1,256}:([^\s/@\u2026{}]{1,256})@/i],
];
/** Names that say the value is secret: any literal under them is a finding. */
const STRICT_SECRET_NAME = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential)/i;
/** Setting values that name a unit or a switch, not a secret (Cognito's `TokenValidityUnits.AccessToken: 'minutes'`). */
const SETTING_VALUES = new Set(['seconds', 'minutes', 'hours', 'days', 'true', 'false', 'enabled', 'disabled', 'none']);
/** Names that may hold a secret: a high-entropy literal under them (in environment variables) is a finding. */
const SECRET_NAME = /(password|passwd|pwd|secret|token|key|credential|signing|salt|private)/i;
/** ...unless the name says it only locates or describes the secret. */
const LOCATOR_NAME = /(arn|name|id|url|uri|endpoint|host|port|length|type|ttl|count|prefix|path|region|enabled|version|policy|mode|template|schema|usage|spec|rotation|size|algorithm|format|field|header|location)$/i;

/**
 * No secret in plain text in the final template: no value in a well-known secret format
 * (AWS access keys, Stripe `sk_live_`, GitHub `ghp_`, Slack `xox`, private-key PEM blocks,
 * JWTs, URLs with a password) anywhere, joins included; no literal under a property or
 * variable named like a secret (`PASSWORD`, `API_KEY`, `AuthToken`, `SecretString`); and no
 * high-entropy literal under a user-chosen name (environment variables) that says key,
 * token, secret or password. Rule id `CdkInfraEngineer-NoPlaintextSecrets`, like the
 * construct-tree rule it supersedes.
 */
export const NoPlaintextSecretsInTemplate: TemplateRule = {
  id: 'NoPlaintextSecrets',
  info: 'A secret appears in plain text in the final template.',
  fix: 'Store the value in Secrets Manager and pass a reference: the secret ARN in an environment variable read at run time, '
    + 'ecs.Secret.fromSecretsManager for containers, or SecretValue.secretsManager for properties.',
  covers: ['NoPlaintextSecrets', 'LambdaEnvironmentSecrets'],
  check(resource) {
    const problems: string[] = [];
    walk(resource.properties, undefined, problems);
    return problems.length ? problems : COMPLIANT;
  },
};

/** Where a value sits: its key, and the frame of its parent (the path is only built for a finding). */
interface Frame {
  readonly key: string;
  readonly parent?: Frame;
  /** Under a key whose names the user chooses (environment variables and their like). */
  readonly userNamed: boolean;
}

const USER_NAMED_KEYS = new Set(['Environment', 'Variables', 'EnvironmentVariables', 'Parameters', 'Secrets', 'Secret']);

function pathOf(frame: Frame | undefined): string {
  const keys: string[] = [];
  for (let f = frame; f; f = f.parent) keys.unshift(f.key);
  return keys.join('.');
}

function walk(value: unknown, frame: Frame | undefined, problems: string[]): void {
  if (typeof value === 'string') {
    inspect(value, frame, true, problems);
  } else if (value instanceof Unknown) {
    inspect(value.text, frame, false, problems);
  } else if (Array.isArray(value)) {
    const userNamed = frame?.userNamed ?? false;
    value.forEach((item, i) => {
      const pair = item as Record<string, unknown>;
      // Name/Value pairs (container environment): the value is named by its Name.
      if (pair && typeof pair === 'object' && typeof pair.Name === 'string' && 'Value' in pair) {
        walk(pair.Value, { key: pair.Name, parent: frame, userNamed }, problems);
      } else {
        walk(item, { key: String(i), parent: frame, userNamed }, problems);
      }
    });
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const userNamed = (frame?.userNamed ?? false) || USER_NAMED_KEYS.has(key);
      walk((value as Record<string, unknown>)[key], { key, parent: frame, userNamed }, problems);
    }
  }
}

function inspect(text: string, frame: Frame | undefined, literal: boolean, problems: string[]): void {
  if (!text || text.includes('{{resolve:')) return;
  const format = SECRET_FORMATS.find(([, needles, pattern]) => needles.some((n) => text.includes(n)) && pattern.test(text));
  if (format) {
    problems.push(`${pathOf(frame)} holds ${format[0]}`);
    return;
  }
  const name = frame?.key ?? '';
  if (!literal || !SECRET_NAME.test(name) || LOCATOR_NAME.test(name)) return;
  if (STRICT_SECRET_NAME.test(name) && text.trim() !== '' && !SETTING_VALUES.has(text.toLowerCase())) {
    problems.push(`${pathOf(frame)} holds a literal under a secret's name`);
  } else if (frame?.parent?.userNamed && isHighEntropy(text)) {
    problems.push(`${pathOf(frame)} holds a high-entropy literal under a secret's name`);
  }
}

/** Long enough, varied enough and not an ARN, path or sentence: what a generated key looks like. */
export function isHighEntropy(text: string): boolean {
  if (text.length < 12 || /\s/.test(text) || text.startsWith('arn:') || /^[a-z]+:\/\//i.test(text) || text.startsWith('/')) return false;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / text.length) * Math.log2(n / text.length);
  return entropy >= 3.3;
}
