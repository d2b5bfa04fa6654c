/** The shortest reason accepted: about a sentence, not a word or two. */
const MIN_REASON_CHARACTERS = 20;
const MIN_REASON_WORDS = 4;

/**
 * Checks that a reason (for an acknowledgement or a relaxed rule) is at least a sentence.
 * Throws an error naming `field` and what was given.
 */
export function assertReason(reason: unknown, field: string): asserts reason is string {
  const problem = reasonProblem(reason);
  if (problem) throw new Error(`${field} ${problem}`);
}

/** What is wrong with a reason (it is not at least a sentence), or undefined when it is fine. */
export function reasonProblem(reason: unknown): string | undefined {
  const text = typeof reason === 'string' ? reason.trim() : '';
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return text.length < MIN_REASON_CHARACTERS || words < MIN_REASON_WORDS
    ? `must be at least a sentence (${MIN_REASON_CHARACTERS}+ characters, ${MIN_REASON_WORDS}+ words) saying why, got ${JSON.stringify(reason ?? null)}`
    : undefined;
}
