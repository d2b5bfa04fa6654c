import { bundledCatalog, loadCatalogFile } from './catalog/load';
import { estimate } from './estimator/estimate';
import { costHeadline } from './estimator/headline';
import { CostEstimate, EstimateTemplateOptions, ResourceCostStatus } from './model';

/**
 * Prices a synthesized CloudFormation template per resource, offline and synchronously, from
 * the bundled pricing catalog (AWS Price List terms). Every resource comes back priced,
 * known-free or listed as unpriced; every default behind a figure is in its assumptions.
 */
export class CostEstimator {
  /**
   * Estimates the monthly cost of a template.
   *
   * Throws an Error naming the problem for an unknown region, a usage key that matches no
   * resource, a negative or unknown usage field, or an unreadable template.
   */
  public static estimateTemplate(options: EstimateTemplateOptions): CostEstimate {
    if (!options || typeof options !== 'object') throw new Error('estimateTemplate needs options: { template, region?, usage?, parameters? }');
    const catalog = options.catalogFile ? loadCatalogFile(options.catalogFile) : bundledCatalog();
    return estimate({ ...options, catalog });
  }

  /**
   * The expected monthly total and what it leaves out:
   * `$422.40 a month + 2 unpriced: AWS::GameLift::Fleet, Custom::ADConnector`.
   * Use it wherever a total is shown.
   */
  public static headline(costEstimate: CostEstimate): string {
    return costHeadline(costEstimate.monthlyCost.expected, costEstimate.resources.filter((r) => r.status === ResourceCostStatus.UNPRICED));
  }

  /**
   * The same headline from a total and the types of the unpriced resources (one entry per
   * resource), for reports that keep only those.
   */
  public static formatHeadline(monthlyUsd: number, unpricedTypes: string[]): string {
    return costHeadline(monthlyUsd, unpricedTypes.map((type) => ({ type })));
  }

  /** Version of the bundled pricing catalog. */
  public static get catalogVersion(): string {
    return bundledCatalog().version;
  }

  /** Date the bundled catalog's prices are effective from (ISO date). */
  public static get catalogEffectiveDate(): string {
    return bundledCatalog().effectiveDate;
  }

  private constructor() {}
}
