import * as path from 'path';
import type { CostEstimate } from 'cdk-infra-engineer/lib/cost/model';
import { DesignReport } from 'cdk-infra-engineer/lib/report/model';
import { CliError, CliIo, readJson } from '../io';

/** The figures of a report row, from the report itself or from a new estimate. */
export interface RowFigures {
  readonly monthlyCost: { low: number; expected: number; high: number } | null | undefined;
  readonly freeTierDeduction: number | null | undefined;
  readonly statuses: string[];
  /** True when the figures come from estimating the template again with `--parameter` values. */
  readonly reEstimated: boolean;
}

/**
 * `report --parameter Name=Value`: the stacks whose template declares any of the parameters are
 * estimated again from their template with those values (the report's figures rest on the
 * parameters' defaults, or leave resources unpriced when a parameter has none). A name that no
 * template declares is an error.
 */
export class ParameterReEstimator {
  private readonly used = new Set<string>();
  private readonly declared = new Set<string>();

  constructor(private readonly io: CliIo, private readonly parameters: { [name: string]: string }) {}

  public figures(file: string, report: Partial<DesignReport>): RowFigures {
    const fromReport: RowFigures = {
      monthlyCost: report.monthlyCost,
      freeTierDeduction: report.freeTierDeduction,
      statuses: (report.resources ?? []).map((r) => String(r.status)),
      reEstimated: false,
    };
    if (Object.keys(this.parameters).length === 0) return fromReport;
    const templateFile = file.replace(/\.design-report\.json$/, '.template.json');
    const template = readJson(this.io, templateFile);
    const names = Object.keys(template?.Parameters ?? {});
    names.forEach((n) => this.declared.add(n));
    const given = Object.fromEntries(Object.entries(this.parameters).filter(([name]) => names.includes(name)));
    if (Object.keys(given).length === 0) return fromReport;
    Object.keys(given).forEach((n) => this.used.add(n));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CostEstimator } = require('cdk-infra-engineer/lib/cost/cost-estimator') as typeof import('cdk-infra-engineer/lib/cost/cost-estimator');
    let estimate: CostEstimate;
    try {
      estimate = CostEstimator.estimateTemplate({
        template,
        region: report.regionAssumed ? undefined : report.region ?? undefined,
        parameters: given,
        assemblyDirectory: path.dirname(file),
      });
    } catch (e) {
      throw new CliError(`${templateFile}: ${(e as Error).message}`);
    }
    return {
      monthlyCost: estimate.monthlyCost,
      freeTierDeduction: estimate.freeTierDeduction,
      statuses: estimate.resources.map((r) => String(r.status)),
      reEstimated: true,
    };
  }

  /** Throws when a `--parameter` name matched no stack's template. */
  public checkAllUsed(): void {
    const unused = Object.keys(this.parameters).filter((n) => !this.used.has(n));
    if (unused.length > 0) {
      const declared = [...this.declared].sort();
      throw new CliError(`--parameter ${unused.join(', ')}: declared by no stack's template (declared: ${declared.length ? declared.join(', ') : 'none'})`);
    }
  }
}
