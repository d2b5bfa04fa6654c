import { isUnknown } from './unknown';

/** A loop that could not be expanded, one entry per resource it would create. */
export interface UnexpandedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly reason: string;
}

const PREFIX = 'Fn::ForEach::';

/**
 * Expands `Fn::ForEach::Name: [identifier, collection, { key: resource }]` (the
 * AWS::LanguageExtensions transform) in a Resources section, loops within loops included.
 * `${id}` and `&{id}` (alphanumerics only) are substituted in keys and strings, `{ Ref: id }`
 * by the item. A collection that cannot be resolved leaves its resources unexpanded.
 */
export function expandForEach(
  resources: { [key: string]: any },
  value: (v: unknown) => unknown,
  keys: readonly string[] = Object.keys(resources),
): { resources: { [id: string]: any }; keys: readonly string[]; unexpanded: UnexpandedResource[] } {
  const unexpanded: UnexpandedResource[] = [];
  // The keys given (a large Resources object is a dictionary: for-in would collect them again).
  let loops = false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i].startsWith(PREFIX)) {
      loops = true;
      break;
    }
  }
  if (!loops) return { resources, keys, unexpanded };
  const expand = (section: { [key: string]: any }, out: { [id: string]: any }) => {
    for (const [key, entry] of Object.entries(section)) {
      if (!key.startsWith(PREFIX)) {
        out[key] = entry;
        continue;
      }
      const loop = key.slice(PREFIX.length);
      if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || entry[2] === null || typeof entry[2] !== 'object') {
        unexpanded.push({ logicalId: key, type: 'Fn::ForEach', reason: `Fn::ForEach '${loop}' is not of the form [identifier, collection, fragment]` });
        continue;
      }
      const [id, collection, fragment] = entry;
      const items = value(collection);
      if (!Array.isArray(items) || !items.every((i) => typeof i === 'string' || typeof i === 'number')) {
        const why = isUnknown(items) ? items.what : 'not a list known before deploy';
        for (const [k, r] of Object.entries(fragment)) {
          unexpanded.push({ logicalId: k, type: typeof (r as any)?.Type === 'string' ? (r as any).Type : 'Fn::ForEach', reason: `one resource per item of Fn::ForEach '${loop}', whose collection is ${why}` });
        }
        continue;
      }
      for (const item of items) expand(substitute(fragment, id, String(item)), out);
    }
  };
  const out: { [id: string]: any } = {};
  expand(resources, out);
  return { resources: out, keys: Object.keys(out), unexpanded };
}

function substitute(v: any, id: string, item: string): any {
  const text = (s: string) => s.split('${' + id + '}').join(item).split('&{' + id + '}').join(item.replace(/[^A-Za-z0-9]/g, ''));
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => substitute(x, id, item));
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'Ref' && v.Ref === id) return item;
    const out: { [k: string]: any } = {};
    for (const k of keys) out[text(k)] = substitute(v[k], id, item);
    return out;
  }
  return v;
}
