import { ComputeRuntime } from './model';


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
