import { CfnResource, Stack, TagManager } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { RequiredTags } from '../tags';

/**
 * Every taggable resource carries the owner, application, environment and cost
 * allocation tags, each with a non-empty value, on itself or on its stack (CloudFormation
 * applies stack tags to every resource that takes tags). One finding per missing tag
 * (`Tag::owner`).
 */
export function RequiredTagsPresent(node: CfnResource): NagRuleResult {
  const manager = TagManager.isTaggable(node) ? node.tags : TagManager.isTaggableV2(node) ? node.cdkTagManager : undefined;
  if (!manager) return NagRuleCompliance.NOT_APPLICABLE;
  const tags = { ...Stack.of(node).tags.tagValues(), ...manager.tagValues() };
  const missing = RequiredTags.ALL.filter((key) => !(tags[key] ?? '').trim());
  return missing.length > 0 ? missing.map((key) => `Tag::${key}`) : NagRuleCompliance.COMPLIANT;
}
