/** USD with cents. */
export const usd = (n: number): string => `$${n.toFixed(2)}`;

/** Text safe inside a Markdown table cell. */
export const cell = (s: string): string => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
