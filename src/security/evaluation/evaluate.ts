import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { AcknowledgedFinding, ComplianceEvaluation, FrameworkScore, SecurityFinding } from './model';
import { RecordingPack, RuleCheck } from './recording-packs';
import { findAcknowledgement } from '../acknowledgements';
import { findExemption } from '../exemptions';

interface RawFinding {
  readonly findingId: string;
  readonly check: RuleCheck;
}

/**
 * Runs each pack over `scope` and scores it: a rule is evaluated when it applies to at least
 * one resource, passed when it has no finding, acknowledged when every finding carries an
 * acknowledgement on the resource or an owner below the stack (by its full id, or by the
 * rule id for all of the rule's granular findings there) or a library exemption, and
 * failed otherwise.
 */
export function evaluateCompliance(scope: IConstruct, packs: RecordingPack[]): ComplianceEvaluation {
  const frameworks: FrameworkScore[] = [];
  const findings: SecurityFinding[] = [];
  const acknowledgements: AcknowledgedFinding[] = [];
  for (const pack of packs) {
    const evaluated = new Set<string>();
    const raw: RawFinding[] = [];
    pack.run(scope, (check) => {
      const result = check.result;
      if (result === NagRuleCompliance.NOT_APPLICABLE) return;
      evaluated.add(check.ruleId);
      if (check.error !== undefined || result === NagRuleCompliance.NON_COMPLIANT) {
        raw.push({ findingId: check.ruleId, check });
      } else if (Array.isArray(result)) {
        for (const detail of result) raw.push({ findingId: `${check.ruleId}[${detail}]`, check });
      }
    });
    const failed = new Set<string>();
    const acknowledged = new Set<string>();
    for (const { findingId, check } of raw) {
      const path = check.node.node.path;
      const ack = findAcknowledgement(check.node, findingId)
        ?? (findingId !== check.ruleId ? findAcknowledgement(check.node, check.ruleId) : undefined);
      const reason = ack && !ack.blanket ? ack.reason : findExemption(check.node, check.ruleName);
      if (reason !== undefined) {
        acknowledged.add(check.ruleId);
        acknowledgements.push({ ruleId: findingId, resourcePath: path, reason });
      } else {
        failed.add(check.ruleId);
        findings.push(describeFinding(pack.ruleIdPrefix, findingId, check, ack?.scope.node.path));
      }
    }
    const rulesFailed = failed.size;
    const rulesAcknowledged = [...acknowledged].filter((r) => !failed.has(r)).length;
    const withFindings = new Set(raw.map((f) => f.check.ruleId)).size;
    frameworks.push({
      name: pack.ruleIdPrefix,
      rulesEvaluated: evaluated.size,
      rulesPassed: evaluated.size - withFindings,
      rulesAcknowledged,
      rulesFailed,
      compliancePercent: percent(evaluated.size - rulesFailed, evaluated.size),
    });
  }
  const byRule = (a: { ruleId: string; resourcePath: string }, b: { ruleId: string; resourcePath: string }) =>
    a.ruleId.localeCompare(b.ruleId) || a.resourcePath.localeCompare(b.resourcePath);
  return { frameworks, findings: findings.sort(byRule), acknowledgements: dedupe(acknowledgements).sort(byRule) };
}

function percent(ok: number, total: number): number {
  return total === 0 ? 100 : Math.floor((1000 * ok) / total) / 10;
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

function describeFinding(packName: string, findingId: string, check: RuleCheck, blanketAt?: string): SecurityFinding {
  const path = check.node.node.path;
  const owner = ownerPath(check.node);
  const description = check.error !== undefined
    ? `${check.info} (The rule could not read the resource: ${check.error})`
    : check.info;
  const blanket = blanketAt !== undefined
    ? ` An acknowledgement on '${blanketAt}' was ignored: a stack, stage or app is too wide a scope.` : '';
  const fix = `${check.explanation}${blanket} If the finding is acceptable here, acknowledge it on the resource instead: `
    + `Acknowledgements.of(<the construct at '${owner}'>).acknowledge({ ruleId: '${findingId}', reason: '<why, in at least a sentence>' }).`;
  return { ruleId: findingId, packName, resourcePath: path, description, fix };
}

/** The L2 owning a default `Resource` child, else the resource itself: the construct users hold. */
function ownerPath(node: CfnResource): string {
  const parent = node.node.scope;
  return node.node.id === 'Resource' && parent && parent.node.scope ? parent.node.path : node.node.path;
}
