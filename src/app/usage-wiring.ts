import { CfnResource, Stack } from 'aws-cdk-lib';
import { ResourceUsage } from '../cost';
import { blockPath } from '../design/bill';
import { InfrastructureDesign } from '../design/infrastructure-design';
import { logicalIdOf } from '../security/logical-id';

/** Usage for the estimator's resolver, keyed by construct path, and a sentence per derived figure. */
export interface DerivedUsage {
  readonly usage: { [key: string]: ResourceUsage };
  readonly explanations: string[];
}

/**
 * The monthly requests a user's usage gives a service (a key at or under the service's block
 * path, or above it): they go into the design's usage model, so what is derived from a
 * service's requests (data transfer, LCUs, tasks, store traffic) follows the override.
 */
export function requestOverrides(stackPath: string, design: { services: Array<{ name: string }> } | string[],
  userUsage: { [key: string]: ResourceUsage } = {}): { [service: string]: number } {
  const names = Array.isArray(design) ? design : design.services.map((s) => s.name);
  const out: { [service: string]: number } = {};
  for (const name of names) {
    const block = `${stackPath}/Services/${name}`;
    const matches = Object.entries(userUsage)
      .filter(([key, u]) => u.monthlyRequests !== undefined && (key === block || block.startsWith(`${key}/`) || key.startsWith(`${block}/`)))
      .sort(([a], [b]) => b.length - a.length);
    if (matches.length) out[name] = matches[0][1].monthlyRequests!;
  }
  return out;
}

/**
 * The design's usage, keyed by the logical IDs of the resources at and under each entry's block
 * path, with the user's usage laid over it: a user key (a construct path or a logical ID) wins
 * field by field, a more specific path over a broader one. Paths are resolved through the
 * construct tree because templates synthesized outside the CLI carry no path metadata; a user
 * key that matches nothing is passed on for the estimator to reject with its message.
 */
export function usageFor(stack: Stack, design: InfrastructureDesign, userUsage: { [key: string]: ResourceUsage } = {},
  placement: ReadonlyMap<string, string | undefined> = new Map()): DerivedUsage {
  const resources = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  // Paths and ids worked out once each (a path is a join up the tree; an id a hash of it).
  const paths = resources.map((r) => r.node.path);
  const idCache = new Map<CfnResource, string>();
  const idOf = (r: CfnResource) => {
    let id = idCache.get(r);
    if (id === undefined) idCache.set(r, id = estimatorId(r));
    return id;
  };
  const idsUnder = (key: string) => resources.filter((_, i) => paths[i] === key || paths[i].startsWith(`${key}/`)).map(idOf);
  const usage: { [logicalId: string]: ResourceUsage } = {};
  const explanations: string[] = [];
  for (const entry of design._usageEntries()) {
    const key = blockPath(placedRoot(stack.node.path, entry, placement), entry);
    const ids = idsUnder(key);
    if (ids.length === 0) continue;
    for (const id of ids) usage[id] = { ...usage[id], ...entry.usage };
    explanations.push(`${key.slice(stack.node.path.length + 1)}: ${entry.why}`);
  }
  const passedOn: { [key: string]: ResourceUsage } = {};
  const userKeys = Object.keys(userUsage);
  const logicalIds = new Set(userKeys.length ? resources.map(idOf) : []);
  for (const [key, fields] of userKeys.map((k) => [k, userUsage[k]] as const).sort(([a], [b]) => a.length - b.length)) {
    const ids = logicalIds.has(key) ? [] : idsUnder(key);
    if (ids.length === 0) {
      passedOn[key] = fields;
      continue;
    }
    for (const id of ids) usage[id] = { ...usage[id], ...fields };
  }
  for (const [key, fields] of Object.entries(passedOn)) usage[key] = logicalIds.has(key) ? { ...usage[key], ...fields } : fields;
  return { usage, explanations };
}

/**
 * The id the estimator knows a resource by: its logical ID, prefixed with its nested stacks'
 * logical IDs in their parents (`Services1NestedStack...Resource/FunctionXYZ`).
 */
function estimatorId(resource: CfnResource): string {
  const ids: string[] = [];
  let stack: Stack | undefined = Stack.of(resource);
  ids.unshift(logicalIdOf(resource, stack));
  while (stack?.nestedStackResource) {
    const parent: Stack = Stack.of(stack.nestedStackResource);
    ids.unshift(logicalIdOf(stack.nestedStackResource, parent));
    stack = parent;
  }
  return ids.join('/');
}

/** A service placed in a nested stack has its block (and its web ACL) under `<stack>/<nested id>/`. */
function placedRoot(stackPath: string, entry: { scope: string; block: string }, placement: ReadonlyMap<string, string | undefined>): string {
  const service = entry.scope === 'Services' ? entry.block : entry.scope === 'Edge' ? entry.block.replace(/-waf$/, '') : undefined;
  const nested = service === undefined ? undefined : placement.get(service);
  return nested ? `${stackPath}/${nested}` : stackPath;
}
