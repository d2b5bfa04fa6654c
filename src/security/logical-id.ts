import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * The logical ID a resource has in its template, what its `logicalId` token resolves to,
 * without resolving a token (about three times cheaper): its override, else its stack's
 * allocation.
 */
export function logicalIdOf(resource: CfnResource, stack: Stack = Stack.of(resource)): string {
  return (resource as unknown as { _logicalIdOverride?: string })._logicalIdOverride ?? stack.getLogicalId(resource);
}
