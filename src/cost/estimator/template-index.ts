import { Unknown } from './unknown';

/** A CloudFormation resource as the estimator reads it. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly [key: string]: any };
  readonly Metadata?: { readonly [key: string]: unknown };
  readonly Condition?: string;
}

/** The template, indexed for the cross-resource facts cost models need. */
export class TemplateIndex {
  /** Parses and checks a template given as an object or JSON text; throws a clear error. */
  public static from(template: unknown): TemplateIndex {
    return TemplateIndex.of(parseTemplate(template).Resources ?? {});
  }

  /** Indexes resources (already resolved); throws on a resource without a Type. */
  public static of(resources: { [id: string]: unknown }): TemplateIndex {
    for (const id of Object.keys(resources)) {
      const r = resources[id];
      if (r === null || typeof r !== 'object' || typeof (r as { Type?: unknown }).Type !== 'string') {
        throw new Error(`template is not readable: resource '${id}' has no Type`);
      }
    }
    return new TemplateIndex(resources as { [id: string]: TemplateResource });
  }

  /** Logical IDs of resources referenced (Ref / Fn::GetAtt) by other resources, per referrer type. */
  private readonly referrers = new Map<string, Array<{ id: string; type: string; property: string }>>();

  private constructor(public readonly resources: { readonly [id: string]: TemplateResource }) {
    const found: string[] = [];
    for (const id of Object.keys(resources)) {
      const r = resources[id];
      const properties = r.Properties;
      if (properties === null || typeof properties !== 'object') continue;
      for (const property of Object.keys(properties)) {
        const value = properties[property];
        // Scalars reference nothing: skip the walk (most properties).
        if (value === null || typeof value !== 'object') continue;
        found.length = 0;
        for (const target of referencedIds(value, found)) {
          if (!(target in resources) || target === id) continue;
          let list = this.referrers.get(target);
          if (!list) this.referrers.set(target, list = []);
          list.push({ id, type: r.Type, property });
        }
      }
    }
  }

  public get(id: string): TemplateResource | undefined {
    return this.resources[id];
  }

  /** The construct path of a resource, when the template carries it. */
  public pathOf(id: string): string | undefined {
    const p = this.resources[id]?.Metadata?.['aws:cdk:path'];
    return typeof p === 'string' ? p : undefined;
  }

  /** Resources that reference `id`, optionally only of one type and through one property. */
  public referencedBy(id: string, type?: string, property?: string): Array<{ id: string; type: string; property: string }> {
    return (this.referrers.get(id) ?? []).filter((r) => (!type || r.type === type) && (!property || r.property === property));
  }

  /**
   * True for a queue that holds another resource's failures: another queue's redrive target,
   * a function's dead-letter queue, or a schedule's.
   */
  public isDeadLetterQueue(id: string): boolean {
    return this.resources[id]?.Type === 'AWS::SQS::Queue' && (
      this.referencedBy(id, 'AWS::SQS::Queue', 'RedrivePolicy').length > 0
      || this.referencedBy(id, 'AWS::Lambda::Function', 'DeadLetterConfig').length > 0
      || this.referencedBy(id, 'AWS::Scheduler::Schedule', 'Target').length > 0);
  }

}

/** The logical ID a `{ Ref }` or `{ Fn::GetAtt }` value points at. */
export function refTarget(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as { 'Ref'?: unknown; 'Fn::GetAtt'?: unknown };
    if (typeof v.Ref === 'string') return v.Ref;
    const att = v['Fn::GetAtt'];
    if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
    if (typeof att === 'string') return att.split('.')[0];
  }
  return undefined;
}

/** Every logical ID referenced by Ref or Fn::GetAtt anywhere inside a value. */
function referencedIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) referencedIds(v, out);
  } else if (value instanceof Unknown) {
    referencedIds(value.source, out);
  } else if (value && typeof value === 'object') {
    const target = refTarget(value);
    if (target) out.push(target);
    else for (const v of Object.values(value)) referencedIds(v, out);
  }
  return out;
}

/** A number from a template property that may be a number or a numeric string. */
export function numberProp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * A template object from an object or JSON text. A template without Resources (an empty or
 * outputs-only stack) is read as having none; anything else that is not a template throws.
 */
export function parseTemplate(template: unknown): { [key: string]: any; Resources?: { [id: string]: unknown } } {
  let parsed = template;
  if (typeof template === 'string') {
    try {
      parsed = JSON.parse(template);
    } catch (e) {
      throw new Error(`template is not readable: not valid JSON (${(e as Error).message})`);
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`template is not readable: expected a CloudFormation template object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`);
  }
  const resources = (parsed as { Resources?: unknown }).Resources;
  if (resources !== undefined && (resources === null || typeof resources !== 'object' || Array.isArray(resources))) {
    throw new Error('template is not readable: Resources is not an object of resources');
  }
  return parsed as { [key: string]: any };
}
