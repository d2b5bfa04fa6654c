/** The shortest reason accepted: about a sentence, not a word or two. */
const MIN_REASON_CHARACTERS = 20;
const MIN_REASON_WORDS = 4;

/**
 * Checks that a reason (for an acknowledgement or a relaxed rule) is at least a sentence.
 * Throws an error naming `field` and what was given.
 */
export function assertReason(reason: unknown, field: string): asserts reason is string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  const words = text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
  if (text.length < MIN_REASON_CHARACTERS || words < MIN_REASON_WORDS) {
    throw new Error(`${field} must be at least a sentence (${MIN_REASON_CHARACTERS}+ characters, ${MIN_REASON_WORDS}+ words) `
      + `saying why, got ${JSON.stringify(reason ?? null)}`);
  }
}
