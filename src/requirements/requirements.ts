import { RequirementsOverrides } from './overrides';
import { RequirementsValidationError } from './problem';
import { RequirementsFileError, readRequirementsFile } from './requirements-file';
import { ApplicationRequirements, ValidationProblem } from './types';
import { findRequirementProblems, validateRequirements } from './validate';

/** Validation of application requirements, usable before any construct is made. */
export class Requirements {
  /**
   * Every problem in the requirements, each naming its path and the accepted values;
   * an empty list when they are valid.
   */
  public static findProblems(requirements: ApplicationRequirements): ValidationProblem[] {
    return findRequirementProblems(requirements);
  }

  /**
   * Reads requirements from a JSON or YAML file (`.json`, `.yaml`, `.yml`; enum fields take their
   * string values, e.g. `"environment": "production"`) and validates them. Throws one error
   * listing every problem, each naming the file, the line where known, and the field's path.
   * Editors validate such a file against the package's `schema/requirements.schema.json`.
   */
  public static fromFile(file: string): ApplicationRequirements {
    const { requirements, problems } = readRequirementsFile(file);
    if (problems.length > 0) throw new RequirementsFileError(file, problems);
    return requirements as ApplicationRequirements;
  }

  /** Throws one error listing every problem, each naming its path and the accepted values. */
  public static validate(requirements: ApplicationRequirements): void {
    validateRequirements(requirements);
  }

  /**
   * The requirements of one deployment environment: the shared requirements with that
   * environment's overrides applied. A traffic override for a service that does not exist
   * is an error naming it.
   */
  public static withOverrides(requirements: ApplicationRequirements, overrides: RequirementsOverrides): ApplicationRequirements {
    const unknown = Object.keys(overrides.traffic ?? {}).filter((name) => !(requirements.services ?? []).some((s) => s.name === name));
    if (unknown.length) {
      throw new RequirementsValidationError(unknown.map((name) => ({
        path: `overrides.traffic['${name}']`,
        message: `names no service (services: ${(requirements.services ?? []).map((s) => `'${s.name}'`).join(', ')})`,
      })));
    }
    return {
      ...requirements,
      environment: overrides.environment ?? requirements.environment,
      availability: overrides.availability ?? requirements.availability,
      budget: overrides.budget ?? requirements.budget,
      compliance: overrides.compliance ?? requirements.compliance,
      domainName: overrides.domainName ?? requirements.domainName,
      tags: overrides.tags ? { ...requirements.tags, ...overrides.tags } : requirements.tags,
      services: (requirements.services ?? []).map((s) => (overrides.traffic?.[s.name] ? { ...s, traffic: overrides.traffic[s.name] } : s)),
    };
  }

  private constructor() {}
}
