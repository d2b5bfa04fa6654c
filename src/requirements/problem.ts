/** One problem found in the requirements, with the path of the field at fault. */
export interface ValidationProblem {
  /** Path of the field, for example `requirements.services[0].name`. */
  readonly path: string;
  /** What is wrong and what is accepted. */
  readonly message: string;
}

/**
 * Thrown when requirements are invalid. Lists every problem at once.
 * (Not exported through the jsii API: a class extending Error is not jsii-compatible;
 * users match on the message, which names every field.)
 */
export class RequirementsValidationError extends Error {
  public readonly problems: ValidationProblem[];
  constructor(problems: ValidationProblem[]) {
    super(
      `Invalid application requirements (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`
      + problems.map((p) => `  - ${p.path} ${p.message}`).join('\n'),
    );
    this.name = 'RequirementsValidationError';
    this.problems = problems;
  }
}

