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

  /** Throws one error listing every problem, each naming its path and the accepted values. */
  public static validate(requirements: ApplicationRequirements): void {
    validateRequirements(requirements);
  }

  private constructor() {}
}
