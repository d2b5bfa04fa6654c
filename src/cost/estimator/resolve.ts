import { evaluateConditions, ConditionValue } from './conditions';
import { expandForEach } from './for-each';
import { TemplateResource } from './template-index';
import { ContainerReads, Unknown, isUnknown } from './unknown';

/** What resolution needs besides the template. */
export interface ResolveInput {
  /** The region the estimate is for (AWS::Region). */
  readonly region: string;
  /** Parameter values from the caller (or a parent stack), by name; win over Defaults. */
  readonly parameters?: { readonly [name: string]: unknown };
  /** Where a nested template's parameters came from, for messages: "the parent stack". */
  readonly parametersFrom?: string;
}

/** A resource that is not deployed (its Condition is false) or whose deployment is not known. */
export interface ConditionalResource {
  readonly logicalId: string;
  readonly type: string;
  readonly reason: string;
}

/** A template with every value the estimator can know filled in, once, before the models run. */
export interface ResolvedTemplate {
  /** Resources that deploy, or may (see `conditionUnknown`), with resolved Properties. */
  readonly resources: { [id: string]: TemplateResource };
  /** Resources whose Condition is false. */
  readonly excluded: ConditionalResource[];
  /** Logical ID -> why it is not known whether the resource deploys. */
  readonly conditionUnknown: Map<string, string>;
  /** Resources that could not be expanded (Fn::ForEach over an unknown collection). */
  readonly unexpanded: ConditionalResource[];
}

const PSEUDO_UNKNOWN = new Map<string, string>([
  ['AWS::AccountId', 'the account ID'],
  ['AWS::StackName', 'the stack name'],
  ['AWS::StackId', 'the stack ID'],
  ['AWS::NotificationARNs', 'the stack\'s notification ARNs'],
]);

/**
 * Where a resolved resource keeps the parameters it used through their Default: a symbol, so
 * the resource's keys, JSON and spreads are as written. Only resolved copies carry it (a
 * resource as written read no parameter).
 */
const DEFAULTS_USED = Symbol('defaultsUsed');

/**
 * The parameters a resolved resource uses through their Default ("X = \"t3.micro\": the Default
 * of parameter 'X'"), or undefined. The list may be shared between resources: read only.
 */
export function defaultsUsedBy(resource: TemplateResource): readonly string[] | undefined {
  return (resource as { [DEFAULTS_USED]?: string[] })[DEFAULTS_USED];
}

/** Marks a value to be dropped (AWS::NoValue). */
const NO_VALUE = Symbol('AWS::NoValue');

/**
 * Resolves parameters, conditions, mappings, pseudo parameters and the constant-foldable
 * intrinsics; expands Fn::ForEach. Ref and Fn::GetAtt to resources stay as written, so cost
 * models still find what a resource points at; anything else that cannot be known becomes an
 * `Unknown`. Throws on a caller parameter the template does not declare.
 */
export function resolveTemplate(template: { [key: string]: any }, input: ResolveInput): ResolvedTemplate {
  const declared: { [name: string]: any } = isObject(template.Parameters) ? template.Parameters : {};
  const given = input.parameters ?? {};
  const undeclared = Object.keys(given).filter((k) => !(k in declared));
  if (undeclared.length > 0) {
    throw new Error(`parameters ${undeclared.map((k) => `'${k}'`).join(', ')} not declared by the template (declared: ${Object.keys(declared).join(', ') || 'none'})`);
  }
  const invalid: string[] = [];
  // A parent stack's values are CloudFormation's business; only a caller's are checked.
  for (const [name, v] of input.parametersFrom ? [] : Object.entries(given)) {
    if (isUnknown(v)) continue;
    const decl = declared[name] ?? {};
    const allowed: unknown[] | undefined = Array.isArray(decl.AllowedValues) ? decl.AllowedValues : undefined;
    if (allowed && !allowed.some((a) => String(a) === String(v))) {
      invalid.push(`parameters.${name} must be one of ${allowed.map(String).join(', ')}, got ${JSON.stringify(v)}`);
    } else if (decl.Type === 'Number' && (typeof v !== 'number' && (typeof v !== 'string' || v.trim() === '' || !Number.isFinite(Number(v))))) {
      invalid.push(`parameters.${name} must be a number (its Type is Number), got ${JSON.stringify(v)}`);
    }
  }
  if (invalid.length > 0) throw new Error(invalid.join('; '));
  const mappings: { [name: string]: any } = isObject(template.Mappings) ? template.Mappings : {};
  const partition = input.region.startsWith('cn-') ? 'aws-cn' : input.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  const resources: { [id: string]: any } = isObject(template.Resources) ? template.Resources : {};

  // Parameters: the caller's value, else the Default, else unknown.
  const params = new Map<string, { value: unknown; fromDefault: boolean }>();
  for (const [name, decl] of Object.entries(declared)) {
    const type = String(decl?.Type ?? 'String');
    if (name in given) {
      params.set(name, { value: typed(given[name], type), fromDefault: false });
    } else if (type.startsWith('AWS::SSM::Parameter::Value')) {
      params.set(name, { value: new Unknown(`the parameter '${name}', read from Parameter Store at deploy: pass parameters`, `parameter ${name}`, { Ref: name }), fromDefault: false });
    } else if (decl?.Default !== undefined) {
      params.set(name, { value: typed(decl.Default, type), fromDefault: true });
    } else {
      const from = input.parametersFrom ? `, given by ${input.parametersFrom} as a value known only at deploy` : ' with no default: pass parameters';
      params.set(name, { value: new Unknown(`the parameter '${name}'${from}`, `parameter ${name}`, { Ref: name }), fromDefault: false });
    }
  }

  // Which Defaults the current resource used: each parameter's last stamp, and the first two
  // names met (most resources use one or none), so that nothing is allocated per resource.
  let stamp = 0;
  const stamped = new Map<string, number>();
  let usedFirst: string | undefined;
  let usedMore: string[] | undefined;
  let collecting = false;
  const pseudo = new Map<string, Unknown>();
  const defaultText = new Map<string, string>();
  /** The assumption of one parameter's Default, shared by every resource that uses only it (read only). */
  const defaultAlone = new Map<string, string[]>();
  const describeDefault = (n: string): string => {
    let text = defaultText.get(n);
    if (text === undefined) defaultText.set(n, text = `${n} = ${JSON.stringify(params.get(n)!.value)}: the Default of parameter '${n}'`);
    return text;
  };
  const ref = (name: string, source: unknown): unknown => {
    const p = params.get(name);
    if (p) {
      if (p.fromDefault && collecting && stamped.get(name) !== stamp) {
        stamped.set(name, stamp);
        if (usedFirst === undefined) usedFirst = name;
        else (usedMore ??= [usedFirst]).push(name);
      }
      if (isUnknown(p.value)) unknownSeen = true;
      return p.value;
    }
    if (!name.startsWith('AWS::')) return source; // a resource: kept for the models
    const known = pseudo.get(name); // a pseudo parameter already met: the same Unknown
    if (known) {
      unknownSeen = true;
      return known;
    }
    if (name === 'AWS::Region') return input.region;
    if (name === 'AWS::Partition') return partition;
    if (name === 'AWS::URLSuffix') return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO_UNKNOWN.has(name)) {
      unknownSeen = true;
      const unknown = new Unknown(`${PSEUDO_UNKNOWN.get(name)} (${name}), known only at deploy`, name, { Ref: name });
      pseudo.set(name, unknown);
      return unknown;
    }
    return source; // a resource: kept for the models
  };

  let conditions: Map<string, ConditionValue> = new Map();
  // One scope for every value (not a scope and a closure per call): conditions is read when called.
  const scope: Scope = { ref, mappings, conditions: (n) => conditions.get(n) };
  const value = (v: unknown): unknown => resolveValue(v, scope);
  conditions = evaluateConditions(isObject(template.Conditions) ? template.Conditions : {}, value);

  const samGlobals = isObject(template.Globals) ? template.Globals : undefined;
  const expanded = expandForEach(resources, (v) => value(v), Object.keys(resources));
  const result: ResolvedTemplate = {
    resources: {}, excluded: [], conditionUnknown: new Map(), unexpanded: expanded.unexpanded,
  };
  // Keys listed once, not for-in: a large Resources object is a dictionary, where for-in collects them again.
  for (const id of expanded.keys) {
    const raw = expanded.resources[id];
    if (!isObject(raw) || typeof raw.Type !== 'string') {
      result.resources[id] = raw; // TemplateIndex names the problem
      continue;
    }
    stamp++;
    usedFirst = undefined;
    usedMore = undefined;
    collecting = true;
    unknownSeen = false;
    if (typeof raw.Condition === 'string') {
      const c = conditions.get(raw.Condition);
      if (c === false) {
        result.excluded.push({ logicalId: id, type: raw.Type, reason: `not deployed: its condition '${raw.Condition}' is false` });
        continue;
      }
      if (c === undefined) {
        result.conditionUnknown.set(id, `its condition '${raw.Condition}' is not defined in the template's Conditions`);
      } else if (isUnknown(c)) {
        result.conditionUnknown.set(id, `deployed only if its condition '${raw.Condition}' is true, which depends on ${c.what}`);
      }
    }
    unknownSeen = false;
    const own = samGlobals ? withGlobals(raw, samGlobals) : raw.Properties;
    const properties = own === undefined ? undefined : value(own);
    if (properties === raw.Properties) {
      // Nothing to resolve: the resource as written (no parameter was read, so no Default used).
      result.resources[id] = raw as TemplateResource;
      continue;
    }
    const resolved: any = { ...raw };
    if (properties === undefined || properties === NO_VALUE) {
      delete resolved.Properties;
    } else {
      resolved.Properties = unknownSeen ? trackUnknowns(properties, own, id) : properties;
    }
    // Set by `ref` while resolving (a closure the compiler cannot follow).
    const first = usedFirst as string | undefined;
    const more = usedMore as string[] | undefined;
    if (more) {
      resolved[DEFAULTS_USED] = more.map(describeDefault);
    } else if (first !== undefined) {
      let alone = defaultAlone.get(first);
      if (!alone) defaultAlone.set(first, alone = [describeDefault(first)]);
      resolved[DEFAULTS_USED] = alone;
    }
    result.resources[id] = resolved;
  }
  collecting = false;
  return result;
}

/** The SAM Globals section of each serverless type. */
const SAM_GLOBALS: { [type: string]: string } = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
};

/**
 * A SAM resource's properties with the template's Globals applied as SAM applies them: the
 * resource's own value wins, maps are merged, lists are concatenated (globals first).
 */
function withGlobals(raw: { [key: string]: any }, globals: { [section: string]: any }): unknown {
  const section = SAM_GLOBALS[raw.Type];
  const g = section ? globals[section] : undefined;
  if (!isObject(g)) return raw.Properties;
  const own: { [key: string]: any } = isObject(raw.Properties) ? raw.Properties : {};
  const merged: { [key: string]: any } = { ...g };
  for (const [k, v] of Object.entries(own)) {
    const gv = g[k];
    if (isObject(gv) && isObject(v) && !isIntrinsic(gv) && !isIntrinsic(v)) merged[k] = { ...gv, ...v };
    else if (Array.isArray(gv) && Array.isArray(v)) merged[k] = [...gv, ...v];
    else merged[k] = v;
  }
  return merged;
}

function isIntrinsic(v: { [key: string]: any }): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** Set when resolving a value met an Unknown: only then are its containers wrapped for tracking. */
let unknownSeen = false;

function makeUnknown(what: string, label: string, source: unknown): Unknown {
  unknownSeen = true;
  return new Unknown(what, label, source);
}

interface Scope {
  readonly ref: (name: string, source: unknown) => unknown;
  readonly mappings: { [name: string]: any };
  readonly conditions: (name: string) => ConditionValue | undefined;
}

/** Resolves one value; returns the same object when nothing in it changed. */
export function resolveValue(v: unknown, scope: Scope): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const r = resolveValue(v[i], scope);
      if (r !== v[i] && !out) out = v.slice(0, i);
      if (out && r !== NO_VALUE) out.push(r);
    }
    return out ?? v;
  }
  if (v instanceof Unknown) return v;
  // for-in, not Object.keys: no array per object (this runs on every object of the template).
  let only: string | undefined;
  let count = 0;
  for (const k in v) {
    if (++count > 1) break;
    only = k;
  }
  if (count === 1 && (only === 'Ref' || only!.startsWith('Fn::'))) return intrinsic(only!, (v as any)[only!], v, scope);
  let out: { [k: string]: unknown } | undefined;
  for (const k in v) {
    const original = (v as any)[k];
    const r = resolveValue(original, scope);
    if (r !== original && !out) out = { ...(v as object) };
    if (out) {
      if (r === NO_VALUE) delete out[k];
      else out[k] = r;
    }
  }
  return out ?? v;
}

function deployTime(what: string, source: unknown): Unknown {
  return makeUnknown(`a value known only at deploy (${what})`, `${what} at deploy`, source);
}

function intrinsic(name: string, arg: any, source: unknown, scope: Scope): unknown {
  switch (name) {
    case 'Ref':
      return typeof arg === 'string' ? scope.ref(arg, source) : source;
    case 'Fn::GetAtt':
      return source;
    case 'Fn::If': {
      if (!Array.isArray(arg) || arg.length !== 3) return source;
      const c = scope.conditions(String(arg[0]));
      if (c === true) return resolveValue(arg[1], scope);
      if (c === false) return resolveValue(arg[2], scope);
      const why = c === undefined ? `its condition '${arg[0]}' is not defined` : `its condition '${arg[0]}' depends on ${c.what}`;
      return makeUnknown(`a choice (Fn::If) not known before deploy: ${why}`, `Fn::If ${arg[0]}`, source);
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(arg) || arg.length < 3) return source;
      const map = resolveValue(arg[0], scope);
      const k1 = resolveValue(arg[1], scope);
      const k2 = resolveValue(arg[2], scope);
      const unknown = isUnknown(map) ? map : isUnknown(k1) ? k1 : isUnknown(k2) ? k2 : undefined;
      if (unknown) return makeUnknown(`a mapping entry chosen by ${unknown.what}`, `mapping ${String(arg[0])}`, source);
      const found = scope.mappings[String(map)]?.[String(k1)]?.[String(k2)];
      if (found !== undefined) return resolveValue(found, scope);
      if (isObject(arg[3]) && 'DefaultValue' in arg[3]) return resolveValue(arg[3].DefaultValue, scope);
      return makeUnknown(`a mapping entry that does not exist (Mappings.${String(map)}.${String(k1)}.${String(k2)})`, `mapping ${String(map)}`, source);
    }
    case 'Fn::Select': {
      if (!Array.isArray(arg) || arg.length !== 2) return source;
      const index = Number(resolveValue(arg[0], scope));
      const list = resolveValue(arg[1], scope);
      if (Array.isArray(list) && Number.isInteger(index) && index >= 0 && index < list.length) return list[index];
      return isUnknown(list) ? makeUnknown(list.what, list.label, source) : deployTime('Fn::Select', source);
    }
    case 'Fn::Split': {
      if (!Array.isArray(arg) || arg.length !== 2) return source;
      const s = resolveValue(arg[1], scope);
      return typeof s === 'string' && typeof arg[0] === 'string' ? s.split(arg[0]) : isUnknown(s) ? s : deployTime('Fn::Split', source);
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2) return source;
      const list = resolveValue(arg[1], scope);
      if (Array.isArray(list) && list.every(isScalar)) return list.join(String(arg[0]));
      const unknown = Array.isArray(list) ? list.find(isUnknown) : isUnknown(list) ? list : undefined;
      return unknown ? makeUnknown(unknown.what, unknown.label, source) : deployTime('Fn::Join', source);
    }
    case 'Fn::Sub':
      return sub(arg, source, scope);
    case 'Fn::Length': {
      const list = resolveValue(arg, scope);
      return Array.isArray(list) ? list.length : deployTime('Fn::Length', source);
    }
    case 'Fn::Base64': {
      const s = resolveValue(arg, scope);
      return typeof s === 'string' ? Buffer.from(s).toString('base64') : deployTime('Fn::Base64', source);
    }
    case 'Fn::ToJsonString': {
      const x = resolveValue(arg, scope);
      return containsUnknownOrIntrinsic(x) ? deployTime('Fn::ToJsonString', source) : JSON.stringify(x);
    }
    case 'Fn::ImportValue': {
      const n = resolveValue(arg, scope);
      return makeUnknown(`an export of another stack (Fn::ImportValue ${typeof n === 'string' ? `'${n}'` : ''}), known only at deploy`.replace(' ()', ''), 'imported value', source);
    }
    case 'Fn::GetAZs':
      return deployTime('Fn::GetAZs', source);
    case 'Fn::Cidr':
      return deployTime('Fn::Cidr', source);
    default:
      return deployTime(name, source);
  }
}

function sub(arg: any, source: unknown, scope: Scope): unknown {
  const text: unknown = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg[0] : undefined;
  const vars: unknown = Array.isArray(arg) ? arg[1] : undefined;
  if (typeof text !== 'string') return source;
  let unknown: Unknown | undefined;
  let deploy = false;
  let out = '';
  let at = 0;
  // A scan rather than a regular expression with a callback: names are in most templates' Subs.
  for (let open = text.indexOf('${'); open >= 0; open = text.indexOf('${', at)) {
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    // Once a variable is unknown or known only at deploy, the text is not returned: not built.
    const building = !unknown && !deploy;
    if (building) out += text.slice(at, open);
    at = close + 1;
    const expr = text.slice(open + 2, close);
    if (expr.startsWith('!')) {
      if (building) out += '${' + expr.slice(1) + '}';
      continue;
    }
    const name = expr.trim();
    let v: unknown;
    if (isObject(vars) && name in vars) v = resolveValue(vars[name], scope);
    else if (name.includes('.')) v = undefined; // Resource.Attribute
    else v = scope.ref(name, undefined);
    if (isScalar(v)) {
      if (building) out += String(v);
      continue;
    }
    if (isUnknown(v)) unknown ??= v;
    else deploy = true;
  }
  if (!unknown && !deploy) out += text.slice(at);
  // Without resource attributes or variables the Sub refers to nothing but the unknown: reuse it.
  if (unknown) return deploy || (isObject(vars) && Object.keys(vars).length > 0) ? makeUnknown(unknown.what, unknown.label, source) : unknown;
  if (deploy) return makeUnknown('a value known only at deploy (Fn::Sub of a resource attribute)', 'Fn::Sub at deploy', source);
  return out;
}

/**
 * A resolved value whose Unknowns are recorded reads (see `ContainerReads`): each container
 * holding one comes back as its tracking proxy, put in place of the container in its parent.
 * Containers that hold an Unknown are resolution's own copies (never the caller's template), so
 * children identical to the `original` (the value as written) are not visited.
 */
function trackUnknowns(v: unknown, original: unknown, path: string): unknown {
  if (v === null || typeof v !== 'object' || v === original || isUnknown(v)) return v;
  const from: any = original !== null && typeof original === 'object' ? original : undefined;
  let reads: ContainerReads | undefined;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) reads = trackChild(v, i, true, from, path, reads);
  } else {
    for (const k in v) reads = trackChild(v, k, false, from, path, reads);
  }
  return reads ? reads.track(v as object) : v;
}

/** Tracks one child of a container: records it if it is an Unknown, else tracks inside it. */
function trackChild(
  v: any, k: string | number, array: boolean, from: any, path: string, reads: ContainerReads | undefined,
): ContainerReads | undefined {
  const child = v[k];
  if (child === null || typeof child !== 'object') return reads; // a scalar: nothing to track
  if (from !== undefined && from[k] === child) return reads; // as written: the template holds no Unknown
  if (isUnknown(child)) {
    if (!reads) return new ContainerReads(path, array, String(k), child);
    reads.add(String(k), child);
    return reads;
  }
  const tracked = trackUnknowns(child, from?.[k], array ? `${path}[${k}]` : `${path}.${k}`);
  if (tracked !== child) v[k] = tracked;
  return reads;
}

function typed(value: unknown, type: string): unknown {
  if ((type.startsWith('List<') || type === 'CommaDelimitedList') && typeof value === 'string') return value.split(',').map((s) => s.trim());
  return value;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function containsUnknownOrIntrinsic(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknownOrIntrinsic);
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return true;
    return keys.some((k) => containsUnknownOrIntrinsic(v[k]));
  }
  return false;
}

function isObject(v: unknown): v is { [key: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
