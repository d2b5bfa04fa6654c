import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';

/** Names of properties and environment variables that hold secrets. */
const SECRET_NAME = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential)/i;
/** ...unless the name says the value only locates or describes the secret. */
const LOCATOR_NAME = /(arn|name|id|url|uri|endpoint|host|port|length|type|ttl|count|prefix|path|region|enabled|version|policy|mode|template)$/i;
/** Values that are secrets whatever they are called: AWS access key ids and PEM private keys. */
const SECRET_VALUE = /(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * No secret appears in plain text in the template: properties and environment variables
 * named like secrets (`PASSWORD`, `API_KEY`, `AuthToken`, `SecretString`) hold references
 * (`{{resolve:secretsmanager:...}}`, `Ref`, `Fn::GetAtt`), never literal strings; and no
 * literal looks like an access key id or a private key. One finding per property
 * (`Property::Environment.Variables.API_KEY`).
 */
export function NoPlaintextSecrets(node: CfnResource): NagRuleResult {
  const stack = Stack.of(node);
  const rendered = stack.resolve((node as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as
    { Resources?: Record<string, { Properties?: unknown }> };
  const properties = Object.values(rendered.Resources ?? {})[0]?.Properties;
  if (properties === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  const findings: string[] = [];
  walk(properties, [], findings);
  return findings.length > 0 ? findings : NagRuleCompliance.COMPLIANT;
}

function walk(value: unknown, path: string[], findings: string[]): void {
  if (typeof value === 'string') {
    const name = path[path.length - 1] ?? '';
    const namedSecret = SECRET_NAME.test(name) && !LOCATOR_NAME.test(name);
    if ((namedSecret && value.trim() !== '' && !value.includes('{{resolve:')) || SECRET_VALUE.test(value)) {
      findings.push(`Property::${path.join('.')}`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      // Name/Value pairs (ECS environment, tags): the value is named by its Name.
      if (item && typeof item === 'object' && typeof (item as Record<string, unknown>).Name === 'string' && 'Value' in item) {
        walk((item as Record<string, unknown>).Value, [...path, String((item as Record<string, unknown>).Name)], findings);
      } else {
        walk(item, [...path, String(i)], findings);
      }
    });
    return;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // Intrinsics (Ref, Fn::GetAtt, Fn::Join...) are resolved at deploy time: not literals.
    // A joined value is checked only for secret-looking literals: its parts are usually
    // pieces of a dynamic reference (`{{resolve:secretsmanager:`, ARN, `:SecretString:::}}`).
    if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
      if (entries[0][0] === 'Fn::Join' && SECRET_VALUE.test(JSON.stringify(entries[0][1]))) findings.push(`Property::${path.join('.')}`);
      return;
    }
    for (const [key, child] of entries) walk(child, [...path, key], findings);
  }
}
