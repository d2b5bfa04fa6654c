import { SecurityRule } from '../../policy/security-rule';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule, Unknown } from '../model';

const SETTINGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];

/** S3 Block Public Access stays on: no setting of `PublicAccessBlockConfiguration` is false or unknown. */
export const S3PublicAccessBlocked: TemplateRule = {
  id: 'S3PublicAccessBlocked',
  info: 'The bucket turns S3 Block Public Access off.',
  fix: 'Remove the PublicAccessBlockConfiguration override (or set all four settings to true); serve public content through CloudFront with origin access control.',
  covers: ['S3BucketLevelPublicAccessProhibited'],
  policyRule: SecurityRule.BLOCK_PUBLIC_ACCESS,
  check(resource) {
    if (resource.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const config = resource.properties.PublicAccessBlockConfiguration;
    // Absent: new buckets block public access by default (since April 2023).
    if (config === undefined) return COMPLIANT;
    if (config instanceof Unknown || typeof config !== 'object' || config === null) return ['PublicAccessBlockConfiguration is not known at synth'];
    const settings = config as Record<string, unknown>;
    const off = SETTINGS.filter((s) => settings[s] !== undefined && settings[s] !== true && settings[s] !== 'true');
    return off.length ? off.map((s) => `${s} is ${settings[s] instanceof Unknown ? 'not known at synth' : JSON.stringify(settings[s])}`) : COMPLIANT;
  },
};
