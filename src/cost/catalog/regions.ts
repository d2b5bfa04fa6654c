import { UsageTypeStyle } from './types';

/**
 * AWS commercial regions the estimator accepts, with their Price List usage-type prefix.
 * A region listed here but absent from the catalog is estimated from us-east-1, and every
 * affected line says so.
 */
export const REGION_USAGE_PREFIX: { readonly [regionCode: string]: string } = {
  'us-east-1': 'USE1',
  'us-east-2': 'USE2',
  'us-west-1': 'USW1',
  'us-west-2': 'USW2',
  'ca-central-1': 'CAN1',
  'sa-east-1': 'SAE1',
  'eu-west-1': 'EU',
  'eu-west-2': 'EUW2',
  'eu-west-3': 'EUW3',
  'eu-central-1': 'EUC1',
  'eu-north-1': 'EUN1',
  'eu-south-1': 'EUS1',
  'ap-northeast-1': 'APN1',
  'ap-northeast-2': 'APN2',
  'ap-northeast-3': 'APN3',
  'ap-southeast-1': 'APS1',
  'ap-southeast-2': 'APS2',
  'ap-south-1': 'APS3',
  'ap-east-1': 'APE1',
  'me-south-1': 'MES1',
  'af-south-1': 'AFS1',
};

/** The region every other region falls back to. */
export const BASE_REGION = 'us-east-1';

const REGION_FORMAT = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** Returns a problem with the region code, or undefined when it is a known region. */
export function regionProblem(region: string): string | undefined {
  if (typeof region !== 'string' || !REGION_FORMAT.test(region)) {
    return `region '${String(region)}' is not an AWS region code (expected a code like 'us-east-1')`;
  }
  if (!(region in REGION_USAGE_PREFIX)) {
    return `region '${region}' is not a region the estimator knows; known regions: ${Object.keys(REGION_USAGE_PREFIX).join(', ')}`;
  }
  return undefined;
}

/** The full Price List usage type of a dimension in a region. */
export function regionalUsageType(region: string, usageType: string, style: UsageTypeStyle = 'regional'): string {
  switch (style) {
    case 'global': return usageType;
    case 'region-code': return `${region}-${usageType}`;
    case 'always': return `${REGION_USAGE_PREFIX[region]}-${usageType}`;
    default: return region === BASE_REGION ? usageType : `${REGION_USAGE_PREFIX[region]}-${usageType}`;
  }
}
