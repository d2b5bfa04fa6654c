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
/** Names that may hold a secret: a high-entropy literal under them (in environment variables) is a finding. */
const SECRET_NAME = /(password|passwd|pwd|secret|token|key|credential|signing|salt|private)/i;
/** ...unless the name says it only locates or describes the secret. */
const LOCATOR_NAME = /(arn|name|id|url|uri|endpoint|host|port|length|type|ttl|count|prefix|path|region|enabled|version|policy|mode|template|schema|usage|spec|rotation|size|algorithm|format|field|header|location)$/i;
/** Property paths where names are chosen by the user: environment variables and their like. */
const USER_NAMED = /(^|\.)(Environment\.Variables|Environment|Variables|EnvironmentVariables|Parameters|Secrets?)(\.|$)/;

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
    walk(resource.properties, '', problems);
    return problems.length ? problems : COMPLIANT;
  },
};

function walk(value: unknown, path: string, problems: string[]): void {
  if (typeof value === 'string' || value instanceof Unknown) {
    inspect(typeof value === 'string' ? value : value.text, path, typeof value === 'string', problems);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const named = item && typeof item === 'object' && typeof (item as Record<string, unknown>).Name === 'string' && 'Value' in item;
      // Name/Value pairs (container environment): the value is named by its Name.
      if (named) walk((item as Record<string, unknown>).Value, `${path}.${(item as Record<string, unknown>).Name}`, problems);
      else walk(item, `${path}.${i}`, problems);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key, problems);
  }
}

function inspect(text: string, path: string, literal: boolean, problems: string[]): void {
  if (!text || text.includes('{{resolve:')) return;
  const format = SECRET_FORMATS.find(([, needles, pattern]) => needles.some((n) => text.includes(n)) && pattern.test(text));
  if (format) {
    problems.push(`${path} holds ${format[0]}`);
    return;
  }
  const name = path.slice(path.lastIndexOf('.') + 1);
  const parent = path.slice(0, path.lastIndexOf('.'));
  if (!literal || LOCATOR_NAME.test(name) || !SECRET_NAME.test(name)) return;
  if (STRICT_SECRET_NAME.test(name) && text.trim() !== '') {
    problems.push(`${path} holds a literal under a secret's name`);
  } else if (USER_NAMED.test(`${parent}.`) && isHighEntropy(text)) {
    problems.push(`${path} holds a high-entropy literal under a secret's name`);
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
