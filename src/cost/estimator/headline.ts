/**
 * A total that says what it leaves out: "$422.40 a month + 2 unpriced: AWS::GameLift::Fleet,
 * AWS::Custom::Thing" (distinct types, most frequent first, at most five named).
 */
export function costHeadline(monthlyUsd: number, unpriced: ReadonlyArray<{ readonly type: string }>): string {
  const total = `${usd(monthlyUsd)} a month`;
  if (unpriced.length === 0) return total;
  const counts = new Map<string, number>();
  for (const r of unpriced) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const types = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => (n > 1 ? `${t} x${n}` : t));
  const named = types.length > 5 ? [...types.slice(0, 5), `${types.length - 5} more types`] : types;
  return `${total} + ${unpriced.length} unpriced: ${named.join(', ')}`;
}

/**
 * Number#toLocaleString('en-US', options) builds an Intl.NumberFormat on every call; ECMA-402
 * defines it as that NumberFormat's format(), so one shared formatter gives the same text.
 */
const USD_FORMAT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const EN_US_FORMAT = new Intl.NumberFormat('en-US');

/** `$1,234.56`. */
export function usd(value: number): string {
  return `$${USD_FORMAT.format(value)}`;
}

/** `1,234.5`: the same text as `value.toLocaleString('en-US')`, without a formatter per call. */
export function enUs(value: number): string {
  // Models format the same few defaults for every resource: remembered (a bounded cache).
  let text = EN_US_TEXT.get(value);
  if (text === undefined) {
    if (EN_US_TEXT.size >= 1000) EN_US_TEXT.clear();
    EN_US_TEXT.set(value, text = EN_US_FORMAT.format(value));
  }
  return text;
}

const EN_US_TEXT = new Map<number, string>();
