import { findDesignReports, isDirectory } from '../assembly';
import { CliError, CliIo, readJson } from '../io';
import { signedUsd, table, usd } from '../table';

export interface DiffOptions {
  /** Fail when the expected monthly total grows by more than this percent. */
  readonly failAbovePercent?: number;
  /** Fail when the expected monthly total grows by more than this many USD. */
  readonly failAboveUsd?: number;
}

interface CostedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly expected: number;
}

/** The expected monthly cost of a design report or cost estimate JSON, or of every stack in a cloud assembly directory. */
function costsOf(io: CliIo, fileOrDir: string): { total: number; resources: Map<string, CostedResource> } {
  if (isDirectory(io, fileOrDir)) {
    const found = findDesignReports(io, fileOrDir);
    if (found.length === 0) throw new CliError(`no *.design-report.json in ${fileOrDir} or its stage assemblies (assembly-*)`);
    const resources = new Map<string, CostedResource>();
    let total = 0;
    for (const { file, report } of found) {
      if (typeof report.monthlyCost?.expected !== 'number') continue; // a stack without an estimate has nothing to compare
      const costs = costsOfJson(report, file);
      total += costs.total;
      // Stacks of different stages share logical IDs: the stack name keeps them apart.
      for (const r of costs.resources.values()) resources.set(`${report.stackName}/${r.logicalId}`, { ...r, logicalId: `${report.stackName}/${r.logicalId}` });
    }
    return { total, resources };
  }
  return costsOfJson(readJson(io, fileOrDir), fileOrDir);
}

function costsOfJson(json: any, file: string): { total: number; resources: Map<string, CostedResource> } {
  if (!json || !Array.isArray(json.resources) || typeof json.monthlyCost?.expected !== 'number') {
    throw new CliError(`${file} has no cost estimate (expected a design report or cost estimate with monthlyCost and resources)`);
  }
  const resources = new Map<string, CostedResource>();
  for (const r of json.resources) {
    if (typeof r?.logicalId !== 'string') continue;
    resources.set(r.logicalId, { logicalId: r.logicalId, type: String(r.type ?? ''), expected: Number(r.monthlyCost?.expected ?? 0) });
  }
  return { total: json.monthlyCost.expected, resources };
}

/**
 * `diff <old> <new>` (report JSON files or cloud assembly directories): the change in expected monthly cost per resource and in
 * total. Returns 1 when a threshold is exceeded (to gate a pull request), else 0.
 */
export function runDiff(oldFile: string, newFile: string, options: DiffOptions, io: CliIo): number {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) throw new CliError(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a number >= 0, got ${value}`);
  }
  const before = costsOf(io, oldFile);
  const after = costsOf(io, newFile);
  const rows: Array<{ cells: string[]; change: number }> = [];
  for (const id of new Set([...before.resources.keys(), ...after.resources.keys()])) {
    const a = before.resources.get(id);
    const b = after.resources.get(id);
    const change = (b?.expected ?? 0) - (a?.expected ?? 0);
    if (a && b && Math.abs(change) < 0.005) continue;
    const what = !a ? 'added' : !b ? 'removed' : 'changed';
    rows.push({ change, cells: [id, (b ?? a)!.type, what, a ? usd(a.expected) : '-', b ? usd(b.expected) : '-', signedUsd(change)] });
  }
  rows.sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
  const totalChange = after.total - before.total;
  const percent = before.total > 0 ? (totalChange / before.total) * 100 : totalChange > 0 ? Infinity : 0;
  io.out(`Monthly cost change (expected, USD): ${oldFile} -> ${newFile}`);
  if (rows.length === 0) io.out('No resource changed cost.');
  else for (const line of table(['Resource', 'Type', 'Change', '>Before', '>After', '>Difference'], rows.map((r) => r.cells))) io.out(line);
  const percentText = Number.isFinite(percent) ? `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%` : 'new cost';
  io.out(`Total: ${usd(before.total)} -> ${usd(after.total)} (${signedUsd(totalChange)}, ${percentText})`);
  const failures: string[] = [];
  if (options.failAboveUsd !== undefined && totalChange > options.failAboveUsd) {
    failures.push(`the increase of ${usd(totalChange)} is above --fail-above-usd ${options.failAboveUsd}`);
  }
  if (options.failAbovePercent !== undefined && percent > options.failAbovePercent) {
    failures.push(`the increase of ${percentText} is above --fail-above-percent ${options.failAbovePercent}`);
  }
  for (const f of failures) io.err(`cost check failed: ${f}`);
  return failures.length > 0 ? 1 : 0;
}
