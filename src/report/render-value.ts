/** What a CloudFormation expression in an output can be resolved with at synth. */
export interface KnownValues {
  /** The stack's region, when it is not assumed. */
  readonly region?: string;
}

const PSEUDO: { [name: string]: (known: KnownValues) => string | undefined } = {
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::Partition': () => 'aws',
  'AWS::Region': (known) => known.region,
};

/**
 * An output's value for a reader: literal text as is, and a CloudFormation expression with what
 * is known filled in (`Fn::Join`, `Fn::Sub`, the region, the URL suffix) and each deploy-time
 * value as `<LogicalId>` or `<LogicalId.Attribute>`:
 * `https://<ServicesapiHttpApiF2D81EFD>.execute-api.eu-west-1.amazonaws.com/`.
 */
export function readableValue(value: string, known: KnownValues): string {
  if (!value.startsWith('{') && !value.startsWith('[')) return value;
  let expression: unknown;
  try {
    expression = JSON.parse(value);
  } catch {
    return value;
  }
  return render(expression, known) ?? value;
}

/** Undefined when the expression has a part this renderer does not know (the raw JSON is shown then). */
function render(e: unknown, known: KnownValues): string | undefined {
  if (typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean') return String(e);
  if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const [fn, arg] = Object.entries(e)[0] ?? [];
  if (Object.keys(e).length !== 1) return undefined;
  if (fn === 'Ref' && typeof arg === 'string') return PSEUDO[arg] ? PSEUDO[arg](known) ?? `<${arg}>` : `<${arg}>`;
  if (fn === 'Fn::GetAtt') {
    const [id, attribute] = Array.isArray(arg) ? arg : typeof arg === 'string' ? arg.split(/\.(.*)/s) : [];
    return typeof id === 'string' && typeof attribute === 'string' ? `<${id}.${attribute}>` : undefined;
  }
  if (fn === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    const parts = arg[1].map((p: unknown) => render(p, known));
    return parts.every((p): p is string => p !== undefined) ? parts.join(arg[0]) : undefined;
  }
  if (fn === 'Fn::Sub' && typeof arg === 'string') {
    return arg.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => (PSEUDO[name]?.(known)) ?? `<${name}>`);
  }
  if (fn === 'Fn::ImportValue') {
    const name = render(arg, known);
    return name === undefined ? undefined : `<import ${name}>`;
  }
  return undefined;
}
