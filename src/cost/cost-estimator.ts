import { BUNDLED_CATALOG } from './catalog/data/bundled-catalog';
import { loadCatalogFile } from './catalog/load';
import { estimate } from './estimator/estimate';
import { CostEstimate, EstimateTemplateOptions } from './model';

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
    if (!options || typeof options !== 'object') throw new Error('estimateTemplate needs options: { template, region?, usage? }');
    const catalog = options.catalogFile ? loadCatalogFile(options.catalogFile) : BUNDLED_CATALOG;
    return estimate({ ...options, catalog });
  }

  /** Version of the bundled pricing catalog. */
  public static get catalogVersion(): string {
    return BUNDLED_CATALOG.version;
  }

  /** Date the bundled catalog's prices are effective from (ISO date). */
  public static get catalogEffectiveDate(): string {
    return BUNDLED_CATALOG.effectiveDate;
  }

  private constructor() {}
}
