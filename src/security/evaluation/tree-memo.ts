import { CfnElement, Stack } from 'aws-cdk-lib';
import { IConstruct, Node } from 'constructs';

/**
 * Runs `work` with three reads of every stack under `scope` (nested stacks included)
 * remembered, and restores the stacks after. The packs only read the tree, and it does not
 * change while they run, so within one evaluation both give the same answer every time:
 *
 * - `stack.resolve(value)`: every pack's IAM rules resolve each policy document, and the SSL
 *   rules resolve every bucket, queue and topic policy once per bucket, queue or topic.
 *   Only plain data is remembered (what a template holds: objects, arrays, strings, numbers,
 *   booleans, null, and the type hints CDK tags them with), and every caller gets its own
 *   copy, so a rule that changed what it got cannot change what the next rule sees. Values
 *   that are not plain data, and calls that throw, are resolved again on every call.
 * - `stack.node.findAll(order)`: rules about one resource walk the whole stack to find its
 *   policies, backup plans or flow logs. Every caller gets its own copy of the list.
 * - `stack.getLogicalId(element)`: each resource's `ref` and `logicalId` tokens, and the
 *   template check, ask for its logical ID (an MD5 of its path) several times.
 */
export function withTreeMemo<T>(scope: IConstruct, work: () => T): T {
  const stacks = scope.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  const restore = stacks.flatMap((stack) => [memoizeResolve(stack), memoizeFindAll(stack.node), memoizeLogicalIds(stack)]);
  try {
    return work();
  } finally {
    restore.forEach((r) => r());
  }
}

/** Sets an own property that shadows the prototype's method; returns the function that puts back what was there. */
function shadow(target: object, name: string, value: unknown): () => void {
  const own = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
  return () => {
    if (own) Object.defineProperty(target, name, own);
    else delete (target as Record<string, unknown>)[name];
  };
}

/** Replaces `stack.getLogicalId` by a remembering one. */
function memoizeLogicalIds(stack: Stack): () => void {
  const original = stack.getLogicalId;
  const ids = new WeakMap<CfnElement, string>();
  return shadow(stack, 'getLogicalId', (element: CfnElement) => {
    let id = ids.get(element);
    if (id === undefined) ids.set(element, id = original.call(stack, element));
    return id;
  });
}

/** Replaces `node.findAll` by a remembering one. */
function memoizeFindAll(node: Node): () => void {
  const original = node.findAll;
  const byOrder = new Map<unknown, IConstruct[]>();
  return shadow(node, 'findAll', (...args: Parameters<Node['findAll']>) => {
    let found = byOrder.get(args[0]);
    if (!found) byOrder.set(args[0], found = original.apply(node, args));
    return [...found];
  });
}

const UNSET = Symbol('unset');

/** Replaces `stack.resolve` by a remembering one. */
function memoizeResolve(stack: Stack): () => void {
  const original = stack.resolve;
  const byObject = new WeakMap<object, unknown>();
  const byString = new Map<string, unknown>();
  // The copies handed out, and parts of them: resolved data, which resolves to itself (rules
  // resolve the statements of a document they resolved). Their resolution is a copy.
  const handedOut = new WeakSet<object>();
  const handOut = (kept: unknown): unknown => {
    const copy = copyOf(kept);
    markResolved(copy, handedOut);
    return copy;
  };
  const resolve = (value: unknown): unknown => {
    const isObject = typeof value === 'object' && value !== null;
    if (!isObject && typeof value !== 'string') return original.call(stack, value);
    if (isObject && handedOut.has(value)) return handOut(value);
    const key = value as string;
    const cached = isObject ? (byObject.has(value) ? byObject.get(value) : UNSET) : (byString.has(key) ? byString.get(key) : UNSET);
    if (cached !== UNSET) return handOut(cached);
    const resolved = original.call(stack, value);
    if (isPlainData(resolved)) {
      const kept = copyOf(resolved);
      if (isObject) byObject.set(value, kept);
      else byString.set(key, kept);
      markResolved(resolved, handedOut);
    }
    return resolved;
  };
  return shadow(stack, 'resolve', resolve);
}

/** Whether a value is JSON-like data: primitives, arrays of data, and objects of the plain kind holding data. */
function isPlainData(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (type !== 'object') return false;
  // CDK tags resolved values with a type hint under a symbol: kept by copyOf when it is a primitive.
  if (Object.getOwnPropertySymbols(value).some((symbol) => typeof (value as Record<symbol, unknown>)[symbol] === 'object'
    || typeof (value as Record<symbol, unknown>)[symbol] === 'function')) return false;
  if (Array.isArray(value)) return value.every(isPlainData);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value as Record<string, unknown>) {
    if (!isPlainData((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Marks every object and array inside a handed-out copy (they are resolved data too). */
function markResolved(value: unknown, into: WeakSet<object>): void {
  if (typeof value !== 'object' || value === null) return;
  into.add(value);
  if (Array.isArray(value)) for (const v of value) markResolved(v, into);
  else for (const key in value as Record<string, unknown>) markResolved((value as Record<string, unknown>)[key], into);
}

/** A deep copy of plain data: keys in the same order, `undefined` members and CDK's symbol-keyed type hints kept. */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map(copyOf);
  } else {
    const object: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    for (const key in value as Record<string, unknown>) object[key] = copyOf((value as Record<string, unknown>)[key]);
    out = object;
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) Object.defineProperty(out, symbol, Object.getOwnPropertyDescriptor(value, symbol)!);
  return out;
}
