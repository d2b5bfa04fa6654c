import { Stack } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { AcknowledgedFinding, ComplianceEvaluation, FrameworkScore, SecurityFinding } from './model';
import { RecordingPack, SharedRuleResults } from './recording-packs';
import { findAcknowledgement } from '../acknowledgements';
import { AcceptanceKind, findExemption, relaxationReason } from '../exemptions';
import { FRAMEWORK_PACK } from '../policy/framework-rules';
import { SecurityPolicy } from '../policy/security-policy';
import { SecurityRule } from '../policy/security-rule';
import type { TemplateCheckResult } from '../template/check';

/** The pack the template check's findings belong to. */
export const TEMPLATE_PACK = 'CdkInfraEngineer';

/** A rule result with a problem, from a pack or from the template check. */
interface Finding {
  readonly findingId: string;
  readonly ruleId: string;
  /** Rule names that exemptions are made by. */
  readonly names: string[];
  readonly construct?: IConstruct;
  readonly path: string;
  readonly info: string;
  readonly explanation: string;
  readonly policyRule?: SecurityRule;
}

type Status =
  | { readonly kind: 'failed'; readonly refused?: string }
  | { readonly kind: 'accepted' | 'waived'; readonly reason: string; readonly acceptance: AcceptanceKind };

/** What the evaluation needs beyond the packs. */
export interface EvaluationExtras {
  /** Results of the template check on the stack's final templates. */
  readonly template?: TemplateCheckResult[];
  /** The policy, for relaxations of template rules. */
  readonly policy?: SecurityPolicy;
}

/**
 * Runs each pack over `scope` and scores it, with the template check's results: they are
 * rules of the `CdkInfraEngineer` pack, and every other pack that has a rule checking the
 * same thing scores that rule by them too, so no pack reads 100% over a public bucket.
 *
 * A rule is evaluated when it applies to at least one resource; failed when a finding has
 * no acceptance; waived when a framework waiver accepts it (scored as failed, synth passes);
 * acknowledged when every finding is accepted (an acknowledgement with a sentence of reason
 * on the resource or an owner below the stack, a library exemption, a policy relaxation).
 */
export function evaluateCompliance(scope: IConstruct, packs: RecordingPack[], extras: EvaluationExtras = {}): ComplianceEvaluation {
  const frameworks: FrameworkScore[] = [];
  const findings: SecurityFinding[] = [];
  const accepted: AcknowledgedFinding[] = [];
  const template = extras.template ?? [];
  const templateFindings = template.filter((r) => r.problems.length > 0).map((r) => ({ result: r, finding: templateFinding(r) }));
  const packNames = packs.map((p) => p.ruleIdPrefix);
  const runs: Array<{ prefix: string; pack?: RecordingPack }> = packs.map((pack) => ({ prefix: pack.ruleIdPrefix, pack }));
  if (template.length > 0 && !packNames.includes(TEMPLATE_PACK)) runs.push({ prefix: TEMPLATE_PACK });
  // A rule several packs have runs once per resource: the tree does not change while they run.
  const shared = new SharedRuleResults();
  for (const { prefix, pack } of runs) {
    const score = new Score();
    const record = (f: Finding, status: Status, list: boolean, detail?: string) => {
      score.add(f.ruleId, status);
      if (status.kind === 'failed') {
        if (list) findings.push(describeFinding(prefix, f, detail, status.refused));
      } else if (list) {
        accepted.push({ ruleId: f.findingId, resourcePath: f.path, reason: status.reason, kind: status.acceptance });
      }
    };
    // A construct-tree rule whose id a template rule has is superseded by it: the template is the truth.
    const superseded = prefix === TEMPLATE_PACK && template.length > 0 ? new Set(template.map((r) => `${TEMPLATE_PACK}-${r.rule.id}`)) : undefined;
    pack?.run(scope, (check) => {
      if (check.result === NagRuleCompliance.NOT_APPLICABLE || superseded?.has(check.ruleId)) return;
      score.evaluated.add(check.ruleId);
      const ids = check.error !== undefined || check.result === NagRuleCompliance.NON_COMPLIANT ? [check.ruleId]
        : Array.isArray(check.result) ? check.result.map((d) => `${check.ruleId}[${d}]`) : [];
      for (const findingId of ids) {
        const f: Finding = {
          findingId,
          ruleId: check.ruleId,
          names: [check.ruleName],
          construct: check.node,
          path: check.node.node.path,
          info: check.error !== undefined ? `${check.info} (The rule could not read the resource: ${check.error})` : check.info,
          explanation: check.explanation,
        };
        record(f, statusOf(f, prefix, extras.policy), true);
      }
    }, shared);
    if (prefix === TEMPLATE_PACK) {
      for (const r of template) score.evaluated.add(`${TEMPLATE_PACK}-${r.rule.id}`);
      for (const { result, finding } of templateFindings) record(finding, statusOf(finding, prefix, extras.policy), true, result.problems.join('; '));
    } else if (pack) {
      // The pack's own rule for what a template rule checks is scored by the template too.
      for (const r of template) {
        for (const name of r.rule.covers) {
          const ruleId = pack.ruleIdsByName.get(name);
          if (!ruleId) continue;
          score.evaluated.add(ruleId);
          if (r.problems.length > 0) {
            const f = { ...templateFinding(r), ruleId };
            record(f, statusOf(f, prefix, extras.policy), false);
          }
        }
      }
    }
    frameworks.push(score.toFrameworkScore(prefix));
  }
  const byRule = (a: { ruleId: string; resourcePath: string }, b: { ruleId: string; resourcePath: string }) =>
    a.ruleId.localeCompare(b.ruleId) || a.resourcePath.localeCompare(b.resourcePath);
  return { frameworks, findings: findings.sort(byRule), acknowledgements: dedupe(accepted).sort(byRule) };
}

class Score {
  public readonly evaluated = new Set<string>();
  private readonly withFindings = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly waived = new Set<string>();
  private readonly acknowledged = new Set<string>();
  private acceptedResults = 0;

  public add(ruleId: string, status: Status): void {
    this.evaluated.add(ruleId);
    this.withFindings.add(ruleId);
    if (status.kind === 'failed') {this.failed.add(ruleId);} else if (status.kind === 'waived') {this.waived.add(ruleId);} else {
      this.acknowledged.add(ruleId);
      this.acceptedResults++;
    }
  }

  public toFrameworkScore(name: string): FrameworkScore {
    const evaluated = this.evaluated.size;
    const failed = this.failed.size;
    const waived = [...this.waived].filter((r) => !this.failed.has(r)).length;
    const notApplicable = evaluated === 0;
    return {
      name,
      rulesEvaluated: evaluated,
      rulesPassed: evaluated - this.withFindings.size,
      rulesAcknowledged: [...this.acknowledged].filter((r) => !this.failed.has(r) && !this.waived.has(r)).length,
      rulesFailed: failed,
      rulesWaived: waived,
      findingsAcknowledged: this.acceptedResults,
      notApplicable,
      compliancePercent: notApplicable ? 0 : Math.floor((1000 * (evaluated - failed - waived)) / evaluated) / 10,
    };
  }
}

function templateFinding(r: TemplateCheckResult): Finding {
  const ruleId = `${TEMPLATE_PACK}-${r.rule.id}`;
  return {
    findingId: ruleId,
    ruleId,
    names: [r.rule.id, ...r.rule.covers],
    construct: r.construct,
    path: r.resource.path,
    info: `${r.rule.info} (final template, ${r.resource.logicalId} ${r.resource.type})`,
    explanation: r.rule.fix,
    policyRule: r.rule.policyRule,
  };
}

/** How a finding stands: accepted (acknowledged, exempted, relaxed), waived for this pack, or failed. */
function statusOf(f: Finding, pack: string, policy: SecurityPolicy | undefined): Status {
  let refused: string | undefined;
  if (f.construct) {
    const ack = findAcknowledgement(f.construct, f.findingId) ?? (f.findingId !== f.ruleId ? findAcknowledgement(f.construct, f.ruleId) : undefined);
    if (ack && !ack.refused) return { kind: 'accepted', reason: ack.reason.trim(), acceptance: AcceptanceKind.ACKNOWLEDGEMENT };
    refused = ack?.refused;
    const exemption = findExemption(f.construct, f.names);
    if (exemption) {
      return { kind: exemption.waivedIn?.includes(pack) ? 'waived' : 'accepted', reason: exemption.reason, acceptance: exemption.kind };
    }
  }
  const relaxation = f.policyRule && policy?.relaxationOf(f.policyRule);
  if (relaxation) {
    const waivedIn = (relaxation.frameworks ?? []).map((fw) => FRAMEWORK_PACK[fw]);
    return {
      kind: waivedIn.includes(pack) ? 'waived' : 'accepted',
      reason: relaxationReason(relaxation.rule, relaxation.reason),
      acceptance: waivedIn.length ? AcceptanceKind.FRAMEWORK_WAIVER : AcceptanceKind.POLICY_RELAXATION,
    };
  }
  return { kind: 'failed', refused };
}

function dedupe(acks: AcknowledgedFinding[]): AcknowledgedFinding[] {
  const seen = new Set<string>();
  return acks.filter((a) => {
    const key = `${a.ruleId}\u0000${a.resourcePath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeFinding(packName: string, f: Finding, detail: string | undefined, refused: string | undefined): SecurityFinding {
  const owner = f.construct ? ownerPath(f.construct) : f.path;
  const description = detail ? `${f.info}: ${detail}` : f.info;
  const fix = `${f.explanation}${refused ? ` ${refused}` : ''} If the finding is acceptable here, acknowledge it on the resource instead: `
    + `Acknowledgements.of(<the construct at '${owner}'>).acknowledge({ ruleId: '${f.findingId}', reason: '<why, in at least a sentence>' }).`;
  return { ruleId: f.findingId, packName, resourcePath: f.path, description, fix };
}

/** The L2 owning a default `Resource` child, else the resource itself: the construct users hold. */
function ownerPath(node: IConstruct): string {
  const parent = node.node.scope;
  return node.node.id === 'Resource' && parent && parent.node.scope && !Stack.isStack(parent) ? parent.node.path : node.node.path;
}
