import { App, CfnResource, Stack, Stage, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { assertReason, reasonProblem } from './policy/reason';

/** Acceptance of one finding of a rule pack, with the reason. */
export interface Acknowledgement {
  /**
   * The finding's full rule id, as the validation report prints it: `AwsSolutions-S1`,
   * `HIPAA.Security-LambdaDLQ`, or a granular finding such as
   * `AwsSolutions-IAM5[Resource::*]`.
   */
  readonly ruleId: string;
  /** Why the finding is acceptable here: at least a sentence. It is written into the design report. */
  readonly reason: string;
}

/** Where an acknowledgement of a finding was found. */
export interface FoundAcknowledgement {
  readonly reason: string;
  /** The construct the acknowledgement was made on (the resource or one of its ancestors). */
  readonly scope: IConstruct;
  /** True when it was made on a stack, stage or app, which the evaluation refuses. */
  readonly blanket: boolean;
  /** Why the evaluation refuses it (a stack-wide scope, or a reason shorter than a sentence); undefined when it counts. */
  readonly refused?: string;
}

const RULE_ID = /^[A-Za-z0-9.]+-[A-Za-z0-9]+(\[.+\])?$/;
const PREFIX = /^annotation::/i;

/**
 * The one way to accept a finding (of a rule pack or of the template check): on one
 * resource (its L1, or the L2 that owns it), with a reason of at least a sentence.
 * Acknowledgements on a stack, stage, app or a group of constructs are refused: they would
 * hide every future finding of that rule. The same holds for acknowledgements made with
 * CDK's `Validations.of(c).acknowledge` or written as metadata: the evaluation reads them
 * all and ignores (saying why, in the finding) any that breaks these rules.
 *
 * ```ts
 * Acknowledgements.of(bucket).acknowledge({
 *   ruleId: 'AwsSolutions-S1',
 *   reason: 'This bucket only receives access logs; logging its own access would loop.',
 * });
 * ```
 */
export class Acknowledgements {
  /** Acknowledgements on a resource, or on a construct that owns resources. */
  public static of(scope: IConstruct): Acknowledgements {
    return new Acknowledgements(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Accepts findings on this scope and everything under it. Throws, naming the field, when a
   * reason is shorter than a sentence, a rule id is malformed, or the scope is a stack,
   * stage or app.
   */
  public acknowledge(...acknowledgements: Acknowledgement[]): void {
    const path = this.scope.node.path || '<app>';
    if (isBlanketScope(this.scope)) {
      const kind = App.isApp(this.scope) ? 'app' : Stage.isStage(this.scope) ? 'stage' : 'stack';
      const ids = acknowledgements.map((a) => a.ruleId).join(', ');
      throw new Error(`Acknowledgement of ${ids} on '${path}' refused: the scope is a whole ${kind}. Acknowledge on the resource `
        + 'with the finding (or the construct that owns it), so that new resources are still checked.');
    }
    if (!isResourceScope(this.scope)) {
      throw new Error(`Acknowledgement of ${acknowledgements.map((a) => a.ruleId).join(', ')} on '${path}' refused: it names no single resource `
        + '(a group of constructs). Acknowledge on the resource with the finding: its L1, or the L2 construct that owns it.');
    }
    acknowledgements.forEach((a, i) => {
      if (typeof a?.ruleId !== 'string' || !RULE_ID.test(a.ruleId)) {
        throw new Error(`Acknowledgement [${i}] on '${path}': ruleId must be a finding id such as 'AwsSolutions-S1' or `
          + `'AwsSolutions-IAM5[Resource::*]', got ${JSON.stringify(a?.ruleId ?? null)}`);
      }
      assertReason(a.reason, `Acknowledgement of '${a.ruleId}' on '${path}': reason`);
    });
    for (const a of acknowledgements) {
      // The metadata cdk-nag 3 and CDK validations read; written directly because
      // `Validations.acknowledge` rejects granular ids with more than one '::'.
      this.scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [`annotation::${a.ruleId}`]: a.reason.trim() });
    }
  }
}

/** True for a resource: an L1, or a construct whose default child is one (an L2 such as `s3.Bucket`). */
export function isResourceScope(scope: IConstruct): boolean {
  if (CfnResource.isCfnResource(scope)) return true;
  const child = scope.node.defaultChild;
  return child !== undefined && CfnResource.isCfnResource(child);
}

/** True for an app, stage or stack: scopes too wide to acknowledge on. */
export function isBlanketScope(scope: IConstruct): boolean {
  return App.isApp(scope) || Stage.isStage(scope) || Stack.isStack(scope);
}

/**
 * The acknowledgement of `ruleId` on `resource` or its nearest ancestor that has one,
 * however it was made (this API or `Validations.of(c).acknowledge`).
 */
export function findAcknowledgement(resource: IConstruct, ruleId: string): FoundAcknowledgement | undefined {
  let current: IConstruct | undefined = resource;
  while (current) {
    for (const entry of current.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        if (key.replace(PREFIX, '') !== ruleId) continue;
        const blanket = isBlanketScope(current);
        const at = current.node.path || '<app>';
        const weak = reasonProblem(reason);
        const refused = blanket ? `An acknowledgement on '${at}' was ignored: a stack, stage or app is too wide a scope.`
          : !isResourceScope(current) ? `An acknowledgement on '${at}' was ignored: it names no single resource (acknowledge on the L1 or the L2 that owns it).`
            : weak ? `The acknowledgement on '${at}' was ignored: its reason ${weak}.` : undefined;
        return { reason: String(reason ?? ''), scope: current, blanket, refused };
      }
    }
    current = current.node.scope;
  }
  return undefined;
}
