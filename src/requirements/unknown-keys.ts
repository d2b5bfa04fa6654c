import { Problems } from './checks';

/**
 * Reports every key of the requirements object that is not a field, with its path and the
 * nearest known key ("requirements.complience is not a field; did you mean compliance?").
 */
export function checkUnknownKeys(_p: Problems, _root: string, _input: Record<string, unknown>): void {
  // Filled in by issue 9 (strict requirements).
}
