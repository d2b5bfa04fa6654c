import { HOURS_PER_MONTH } from '../estimator/context';

const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * Runs a month of an EventBridge schedule expression (`rate(...)`, `cron(...)`, `at(...)`),
 * averaged over a 730-hour month; undefined when the expression is not understood.
 */
export function runsPerMonth(expression: unknown): number | undefined {
  if (typeof expression !== 'string') return undefined;
  const rate = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    if (n <= 0) return undefined;
    const minutes = rate[2].startsWith('minute') ? n : rate[2].startsWith('hour') ? n * 60 : n * 1440;
    return (HOURS_PER_MONTH * 60) / minutes;
  }
  if (/^at\(.+\)$/.test(expression.trim())) return 1;
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [minute, hour, dom, month, dow] = fields;
  const minutes = count(minute, 0, 59);
  const hours = count(hour, 0, 23);
  const months = count(month, 1, 12, MONTH_NAMES, 1);
  if (minutes === undefined || hours === undefined || months === undefined) return undefined;
  let days: number | undefined;
  if (isAny(dom) && isAny(dow)) days = DAYS_PER_MONTH;
  else if (isAny(dom)) days = mapDefined(count(dow, 1, 7, DAY_NAMES, 1), (d) => (d * DAYS_PER_MONTH) / 7);
  else days = count(dom, 1, 31);
  if (days === undefined) return undefined;
  return minutes * hours * days * (months / 12);
}

function isAny(field: string): boolean {
  return field === '*' || field === '?';
}

function mapDefined(value: number | undefined, f: (v: number) => number): number | undefined {
  return value === undefined ? undefined : f(value);
}

/** How many values a cron field matches within [min, max]. */
function count(field: string, min: number, max: number, names: string[] = [], nameBase = 0): number | undefined {
  let total = 0;
  for (const part of field.split(',')) {
    const n = countPart(part.toUpperCase(), min, max, names, nameBase);
    if (n === undefined) return undefined;
    total += n;
  }
  return Math.min(total, max - min + 1);
}

function countPart(part: string, min: number, max: number, names: string[], nameBase: number): number | undefined {
  if (part === '*' || part === '?') return max - min + 1;
  if (/^(L|LW|\d+W|\d+L|\w+#\d)$/.test(part)) return 1;
  const [range, stepText] = part.split('/');
  const step = stepText === undefined ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step <= 0) return undefined;
  let from = min;
  let to = max;
  if (range !== '*') {
    const [a, b] = range.split('-');
    const start = named(a, names, nameBase);
    if (start === undefined) return undefined;
    from = start;
    to = b === undefined ? (stepText === undefined ? start : max) : (named(b, names, nameBase) ?? NaN);
    if (!Number.isFinite(to)) return undefined;
  }
  if (to < from) return undefined;
  return Math.floor((to - from) / step) + 1;
}

function named(text: string, names: string[], nameBase: number): number | undefined {
  const i = names.indexOf(text);
  if (i >= 0) return i + nameBase;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
