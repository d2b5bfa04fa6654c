import { ValidationProblem } from './types';

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

