import { ComputeRuntime } from './model';

/**
 * A choice to record so later syntheses keep it: put `key: value` in the app's context
 * (`cdk.json` "context", or `cdk.context.json`). While the requirements allow the recorded
 * value, the design keeps it, whatever an upgrade of the library or a price change would choose.
 */
export interface DecisionPin {
  /** The service the choice is about, or `network` for the NAT strategy. */
  readonly subject: string;
  /** The context key within the stack (`ApplicationStack` prefixes it with the stack name). */
  readonly key: string;
  /** The value to record. */
  readonly value: string;
}

/** The subject the network's NAT strategy is pinned under. */
export const NETWORK_PIN_SUBJECT = 'network';

export function pinKey(subject: string): string {
  return subject === NETWORK_PIN_SUBJECT ? 'nat' : `runtime:${subject}`;
}

export const RUNTIME_LABEL: Record<ComputeRuntime, string> = {
  [ComputeRuntime.LAMBDA]: 'AWS Lambda',
  [ComputeRuntime.FARGATE]: 'ECS Fargate',
  [ComputeRuntime.S3_CLOUDFRONT]: 'S3 + CloudFront',
};
