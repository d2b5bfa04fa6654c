import { AcceptanceKind } from '../exemptions';

/** How a stack scores against one rule pack. */
export interface FrameworkScore {
  /** Pack name: `AwsSolutions`, `HIPAA.Security`, `PCI.DSS.321`, `NIST.800.53.R5`, `Serverless` or `CdkInfraEngineer`. */
  readonly name: string;
  /** Rules of the pack that applied to at least one resource of the stack. */
  readonly rulesEvaluated: number;
  /** Evaluated rules without any finding. */
  readonly rulesPassed: number;
  /** Evaluated rules whose every finding is acknowledged (with a reason). */
  readonly rulesAcknowledged: number;
  /** Evaluated rules with at least one unacknowledged finding. */
  readonly rulesFailed: number;
  /**
   * Share of evaluated rules with neither an unacknowledged finding nor a framework waiver,
   * in percent (one decimal); 0 when the pack is not applicable (see `notApplicable`).
   */
  readonly compliancePercent: number;
  /**
   * True when no rule of the pack applied to any resource: the pack is "not applicable",
   * never 100%.
   * @default false
   */
  readonly notApplicable?: boolean;
  /**
   * Evaluated rules whose findings are accepted only by a framework waiver (a relaxation
   * naming this framework): they do not fail synth but count against `compliancePercent`.
   * @default 0
   */
  readonly rulesWaived?: number;
  /**
   * Rule results (findings) that passed only through an acknowledgement, exemption or
   * relaxation: what the summary shows next to the percentage.
   * @default 0
   */
  readonly findingsAcknowledged?: number;
}

/** A finding accepted by an acknowledgement. */
export interface AcknowledgedFinding {
  /** The finding's full rule id (`AwsSolutions-IAM5[Resource::*]`). */
  readonly ruleId: string;
  /** Construct path of the resource with the finding. */
  readonly resourcePath: string;
  /** Why the finding is acceptable. */
  readonly reason: string;
  /**
   * How it was accepted: an acknowledgement on the resource, a library exemption, a policy
   * relaxation or a framework waiver.
   * @default AcceptanceKind.ACKNOWLEDGEMENT
   */
  readonly kind?: AcceptanceKind;
}

/** A finding nobody acknowledged: it fails synthesis. */
export interface SecurityFinding {
  /** The finding's full rule id. */
  readonly ruleId: string;
  /** The pack that reported it. */
  readonly packName: string;
  /** Construct path of the resource with the finding. */
  readonly resourcePath: string;
  /** What is wrong. */
  readonly description: string;
  /** How to fix it, and how to acknowledge it instead. */
  readonly fix: string;
}

/** The result of checking a stack against its rule packs. */
export interface ComplianceEvaluation {
  /** One score per pack, in the order the packs ran. */
  readonly frameworks: FrameworkScore[];
  /** Unacknowledged findings; synthesis fails when there is any. */
  readonly findings: SecurityFinding[];
  /** Acknowledged findings, each with its reason. */
  readonly acknowledgements: AcknowledgedFinding[];
}
