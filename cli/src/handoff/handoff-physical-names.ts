import { CloudFormationTemplate } from 'cdk-infra-engineer/lib/report/model';

/** Values learned by matching the template's output expressions against the deployed outputs. */
export interface DeployedValues {
  /** What `Ref` returned, by logical ID or pseudo parameter (AWS::Region ...): the physical ID. */
  readonly refs: Map<string, string>;
  /** What `Fn::GetAtt` returned, by `LogicalId.Attribute`. */
  readonly attributes: Map<string, string>;
}

export interface PhysicalName {
  readonly name: string;
  /** `outputs`: a stack output returns it; `template`: the template sets it. */
  readonly source: 'outputs' | 'template';
}

/**
 * Matches every output expression against its deployed value. `Ref` and `Fn::GetAtt` give
 * their value directly; `Fn::Join` is matched as a pattern (its literal parts fixed, each
 * reference captured), so `https://{Ref Api}.execute-api.{Ref AWS::Region}...` yields the API ID
 * and the region. Two references side by side cannot be told apart and are skipped.
 */
export function learnDeployedValues(template: CloudFormationTemplate, outputs: { [key: string]: string }): DeployedValues {
  const learned: DeployedValues = { refs: new Map(), attributes: new Map() };
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    const value = outputs[key];
    if (typeof value === 'string') learn(output.Value, value, learned);
  }
  return learned;
}

function learn(expr: unknown, value: string, learned: DeployedValues): void {
  const ref = refOf(expr);
  if (ref) {
    learned.refs.set(ref, value);
    return;
  }
  const att = getAttOf(expr);
  if (att) {
    learned.attributes.set(att, value);
    return;
  }
  const join = joinOf(expr);
  if (!join) return;
  const pieces = join.parts.flatMap((p, i) => (i === 0 || join.delimiter === '' ? [p] : [join.delimiter, p])).filter((p) => p !== '');
  const pattern = pieces.map((p) => (typeof p === 'string' ? escapeRegExp(p) : '(.+?)')).join('');
  const match = new RegExp(`^${pattern}$`, 's').exec(value);
  if (!match) return;
  let group = 1;
  pieces.forEach((p, i) => {
    if (typeof p === 'string') return;
    const captured = match[group++];
    const alone = typeof pieces[i - 1] !== 'object' && typeof pieces[i + 1] !== 'object';
    if (alone) learn(p, captured, learned);
  });
}

/** Resolves an expression with what was learned; undefined when any part is unknown. */
export function resolveValue(expr: unknown, learned: DeployedValues): string | undefined {
  if (typeof expr === 'string') return expr;
  if (typeof expr === 'number') return String(expr);
  const ref = refOf(expr);
  if (ref) return learned.refs.get(ref);
  const att = getAttOf(expr);
  if (att) return learned.attributes.get(att);
  const join = joinOf(expr);
  if (!join) return undefined;
  const parts = join.parts.map((p) => resolveValue(p, learned));
  return parts.every((p) => p !== undefined) ? parts.join(join.delimiter) : undefined;
}

/** Name properties that are the physical ID, where they do not follow the `<Type>Name` rule. */
const NAME_PROPERTY: { [type: string]: string } = {
  'AWS::RDS::DBCluster': 'DBClusterIdentifier',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::Scheduler::Schedule': 'Name',
  'AWS::WAFv2::WebACL': 'Name',
  'AWS::ECS::Service': 'ServiceName',
  'AWS::ElastiCache::ReplicationGroup': 'ReplicationGroupId',
};

/**
 * The physical name of a resource: what an output's `Ref` returned, else the name the
 * template sets (`TableName`, `BucketName`, `FunctionName` ... the `<Type>Name` property),
 * resolved with the learned values; undefined when it is only known after deploy.
 */
export function physicalNameOf(
  logicalId: string, resource: { Type: string; Properties?: unknown }, learned: DeployedValues,
): PhysicalName | undefined {
  const fromOutputs = learned.refs.get(logicalId);
  if (fromOutputs !== undefined) return { name: fromOutputs, source: 'outputs' };
  const property = NAME_PROPERTY[resource.Type] ?? `${resource.Type.split('::').pop()}Name`;
  const expr = (resource.Properties as { [key: string]: unknown } | undefined)?.[property];
  const name = expr === undefined ? undefined : resolveValue(expr, learned);
  return name === undefined ? undefined : { name, source: 'template' };
}

/** Attributes learned for one resource (`DomainName`, `Endpoint.Address` ...). */
export function attributesOf(logicalId: string, learned: DeployedValues): { [attribute: string]: string } | undefined {
  const prefix = `${logicalId}.`;
  const entries = [...learned.attributes].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function refOf(expr: unknown): string | undefined {
  const ref = (expr as { Ref?: unknown } | null)?.Ref;
  return typeof ref === 'string' ? ref : undefined;
}

function getAttOf(expr: unknown): string | undefined {
  const att = (expr as { 'Fn::GetAtt'?: unknown } | null)?.['Fn::GetAtt'];
  if (typeof att === 'string') return att;
  return Array.isArray(att) && att.length === 2 && att.every((a) => typeof a === 'string') ? `${att[0]}.${att[1]}` : undefined;
}

function joinOf(expr: unknown): { delimiter: string; parts: unknown[] } | undefined {
  const join = (expr as { 'Fn::Join'?: unknown } | null)?.['Fn::Join'];
  if (!Array.isArray(join) || join.length !== 2 || typeof join[0] !== 'string' || !Array.isArray(join[1])) return undefined;
  return { delimiter: join[0], parts: join[1] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
