/** 'order-api' → 'OrderApi'. Validation keeps names distinct once hyphens are dropped. */
export function pascal(name: string): string {
  return name.split('-').filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}

/** 'order-api' → 'ORDER_API': for environment variable prefixes. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/**
 * Output key prefixes. Keys are `<prefix><PascalName>` (for example `TableOrders`), and
 * the prefixes are prefix-free (none starts another), so two outputs can never share a key.
 */
export const OUTPUT_PREFIX = {
  serviceEndpoint: 'Endpoint',
  siteUrl: 'SiteUrl',
  siteBucket: 'SiteBucket',
  jobFunction: 'JobFunction',
  workQueueUrl: 'WorkQueueUrl',
  backendFunction: 'BackendFunction',
  backendEndpoint: 'BackendEndpoint',
  webSocketUrl: 'WebSocketUrl',
  table: 'Table',
  bucket: 'Bucket',
  queueUrl: 'QueueUrl',
  databaseEndpoint: 'DatabaseEndpoint',
  databaseSecretArn: 'DatabaseSecretArn',
  cacheEndpoint: 'CacheEndpoint',
} as const;

/** Fixed output keys of the stack itself. */
export const FIXED_OUTPUT_KEY = { dashboard: 'DashboardName', alarmTopic: 'AlarmTopicArn' } as const;

export function outputKey(prefix: keyof typeof OUTPUT_PREFIX, name: string): string {
  return `${OUTPUT_PREFIX[prefix]}${pascal(name)}`;
}
