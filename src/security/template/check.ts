import { CfnResource } from 'aws-cdk-lib';
import { LoadedTemplate } from './load';
import { NOT_APPLICABLE, Reference, TemplateContext, TemplateIndex, TemplateJson, TemplateResource, TemplateRule } from './model';
import { asList, referencedIds, resolvedProperties } from './resolve';
import { TEMPLATE_RULES } from './rules';

/** One rule applied to one resource of a final template. */
export interface TemplateCheckResult {
  readonly rule: TemplateRule;
  readonly resource: TemplateResource;
  /** The construct that made the resource, where there is one (for acknowledgements and exemptions). */
  readonly construct?: CfnResource;
  /** `[]` when compliant, else one description per problem. */
  readonly problems: string[];
}

/** What the rules need to know of the stack's policy. */
export type TemplatePolicy = Omit<TemplateContext, 'index'>;

/** Applies every template rule to every resource of the templates; reports the rules that apply. */
export function checkTemplates(templates: LoadedTemplate[], policy: TemplatePolicy,
  rules: readonly TemplateRule[] = TEMPLATE_RULES): TemplateCheckResult[] {
  const results: TemplateCheckResult[] = [];
  for (const { template, constructs } of templates) {
    const resources = resourcesOf(template, constructs);
    const ctx: TemplateContext = { ...policy, enforces: policy.enforces, index: indexOf(resources) };
    for (const resource of resources) {
      for (const rule of rules) {
        const result = rule.check(resource, ctx);
        if (result === NOT_APPLICABLE) continue;
        results.push({ rule, resource, construct: constructs.get(resource.logicalId), problems: Array.isArray(result) ? result : [] });
      }
    }
  }
  return results;
}

function resourcesOf(template: TemplateJson, constructs: ReadonlyMap<string, CfnResource>): TemplateResource[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type !== 'AWS::CDK::Metadata')
    .map(([logicalId, r]) => ({
      logicalId,
      type: r.Type,
      properties: resolvedProperties(r, template),
      deletionPolicy: r.DeletionPolicy,
      updateReplacePolicy: r.UpdateReplacePolicy,
      path: typeof r.Metadata?.['aws:cdk:path'] === 'string' ? r.Metadata['aws:cdk:path'] as string : constructs.get(logicalId)?.node.path ?? logicalId,
    }));
}

function indexOf(resources: TemplateResource[]): TemplateIndex {
  const policies = new Map<string, unknown[]>();
  const attach = (ids: string[], document: unknown) => ids.forEach((id) => policies.set(id, [...(policies.get(id) ?? []), document]));
  const loadBalancerGroups = new Set<string>();
  for (const r of resources) {
    const p = r.properties;
    if (r.type === 'AWS::S3::BucketPolicy') {attach(referencedIds(p.Bucket), p.PolicyDocument);} else if (r.type === 'AWS::SQS::QueuePolicy') {attach(referencedIds(p.Queues), p.PolicyDocument);} else if (r.type === 'AWS::SNS::TopicPolicy') {attach(referencedIds(p.Topics), p.PolicyDocument);} else if (r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' || r.type === 'AWS::ElasticLoadBalancing::LoadBalancer') {
      for (const g of asList(p.SecurityGroups)) if (g instanceof Reference) loadBalancerGroups.add(g.logicalId);
    }
  }
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  return { policiesOf: (id) => policies.get(id) ?? [], loadBalancerGroups, resource: (id) => byId.get(id) };
}
