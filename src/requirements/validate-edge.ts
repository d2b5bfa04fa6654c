import { Problems } from './checks';

/**
 * Validates what faces users and the limits AWS sets on it: `domain`, `services[].auth`,
 * `services[].hostName`, `services[].containerUser`, tag counts and lengths.
 */
export function validateEdge(_p: Problems, _root: string, _input: Record<string, unknown>): void {
  // Filled in by issue 12 (domains, auth, limits).
}
