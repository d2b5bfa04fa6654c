import { CostEstimator } from '../cost/cost-estimator';
import { ResourceUsage } from '../cost/model';
import { BillEntry, BlockPath, UsageEntry } from './workloads/designer';

/** The root every bill path hangs from; the stack maps usage to its own path instead. */
const ROOT = 'Design';

export function blockPath(root: string, p: BlockPath): string {
  return [root, p.scope === 'Network' ? undefined : p.scope, p.block, p.path || undefined].filter((x) => x !== undefined).join('/');
}

/**
 * Prices a design from its billable resources and its usage, with the estimator the stack's
 * template is priced with: the resources carry the construct paths their blocks give them, so
 * the same path-keyed usage applies to both. Only differences between two designs matter (what
 * every design shares, such as the key and the alarm topic, is left out).
 */
export function priceBill(bill: BillEntry[], usage: UsageEntry[], region?: string): number {
  const ids = new Map(bill.map((b, i) => [blockPath(ROOT, b), `R${i}${b.path.replace(/[^A-Za-z0-9]/g, '')}`]));
  const resolveRefs = (b: BillEntry, value: unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => resolveRefs(b, v));
    if (value && typeof value === 'object') {
      const o = value as { [k: string]: unknown };
      if (typeof o.Ref === 'string') return { Ref: ids.get(blockPath(ROOT, { ...b, path: o.Ref })) ?? o.Ref };
      if (Array.isArray(o['Fn::GetAtt'])) {
        const [target, attribute] = o['Fn::GetAtt'] as string[];
        return { 'Fn::GetAtt': [ids.get(blockPath(ROOT, { ...b, path: target })) ?? target, attribute] };
      }
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, resolveRefs(b, v)]));
    }
    return value;
  };
  const resources: { [id: string]: unknown } = {};
  for (const b of bill) {
    const path = blockPath(ROOT, b);
    resources[ids.get(path)!] = { Type: b.type, Properties: resolveRefs(b, b.properties), Metadata: { 'aws:cdk:path': `${path}/Resource` } };
  }
  const paths = new Set(bill.map((b) => blockPath(ROOT, b)));
  const keyed: { [key: string]: ResourceUsage } = {};
  for (const u of usage) {
    const key = blockPath(ROOT, u);
    if ([...paths].some((p) => p === key || p.startsWith(`${key}/`))) keyed[key] = { ...keyed[key], ...u.usage };
  }
  const estimate = CostEstimator.estimateTemplate({ template: { Resources: resources }, region, usage: keyed });
  return Math.round(estimate.monthlyCost.expected * 100) / 100;
}
