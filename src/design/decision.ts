import { ArchitectureDecision, DecisionArea, DesignAlternative } from './model';

/** A decision in `area`. */
export function decisionIn(area: DecisionArea, subject: string, choice: string, rationale: string,
  alternatives: DesignAlternative[]): ArchitectureDecision {
  return { area, subject, choice, rationale, alternatives };
}
