import * as logs from 'aws-cdk-lib/aws-logs';

/** The CloudWatch Logs retention setting for a number of days (rounded up to a valid one). */
export function logRetention(days: number): logs.RetentionDays {
  const valid = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number' && v > 0).sort((a, b) => a - b);
  return (valid.find((v) => v >= days) ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}
