import { CatalogChange } from 'cdk-infra-engineer/lib/cost/catalog/price-list';
import { PricingCatalog } from 'cdk-infra-engineer/lib/cost/catalog/types';
import { CliIo } from '../io';

/** Writes a refreshed catalog: `.ts` as a module like the bundled one, anything else as JSON. */
export function writeCatalog(io: CliIo, out: string, catalog: PricingCatalog, source: string): void {
  io.writeFile(out, out.endsWith('.ts') ? asModule(catalog, source) : JSON.stringify(catalog, undefined, 2) + '\n');
}

/** What changed against the base catalog, and the notes of the refresh. */
export function printSummary(io: CliIo, changes: CatalogChange[], notes: string[], out: string): void {
  const count = (kind: CatalogChange['kind']) => changes.filter((c) => c.kind === kind).length;
  io.out(`Wrote ${out}: ${count('changed')} changed, ${count('added')} added, ${count('unchanged')} unchanged, ${count('missing')} without a figure`);
  for (const c of changes.filter((x) => x.kind === 'changed')) io.out(`  changed ${c.region} ${c.key}: ${c.before} -> ${c.after}`);
  for (const c of changes.filter((x) => x.kind === 'added')) io.out(`  added   ${c.region} ${c.key}: ${c.after}`);
  for (const n of notes) io.out(`  ${n}`);
}

function asModule(catalog: PricingCatalog, source: string): string {
  return [
    `// Written by \`cdk-infra-engineer pricing refresh\`: ${source} figures.`,
    "import { PricingCatalog } from '../types';",
    '',
    `export const REFRESHED_CATALOG: PricingCatalog = ${JSON.stringify(catalog, undefined, 2)};`,
    '',
  ].join('\n');
}
