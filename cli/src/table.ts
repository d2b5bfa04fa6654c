/** Renders rows as an aligned text table; columns whose header starts with '>' align right. */
export function table(headers: string[], rows: string[][]): string[] {
  const right = headers.map((h) => h.startsWith('>'));
  const names = headers.map((h) => h.replace(/^>/, ''));
  const widths = names.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(names), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** `$1,234.56`, and `-$3.00` for negatives. */
export function usd(value: number): string {
  const text = `$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return value < 0 ? `-${text}` : text;
}

/** `+$3.00` / `-$3.00`. */
export function signedUsd(value: number): string {
  return value >= 0 ? `+${usd(value)}` : usd(value);
}
