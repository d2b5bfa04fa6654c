import * as path from 'path';
import { Aspects, attachCustomSynthesis, IAspect, IPolicyValidationPlugin, ISynthesisSession, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** A problem a synth check found. */
export interface SynthCheckViolation {
  /** The rule that found it (`CdkInfraEngineer-S3PublicAccessBlocked`, `BudgetExceeded`). */
  readonly ruleId: string;
  /** Construct path of the resource (or stack) it is about. */
  readonly resourcePath: string;
  /** What is wrong. */
  readonly description: string;
  /** How to fix it, and how to acknowledge it where that is allowed. */
  readonly fix: string;
  /**
   * Print it and let synth go on, instead of failing synth.
   * @default false
   */
  readonly warningOnly?: boolean;
}

/** A check the gate runs once the templates of its stage are written. */
export interface ISynthCheck {
  /** Name shown above its violations. */
  readonly name: string;
  /**
   * Checks the synthesized templates.
   * @param outdir the cloud assembly directory holding the stage's templates (`<outdir>/<stack.templateFile>`)
   */
  check(outdir: string): SynthCheckViolation[];
}

/** Construct id of the gate under its stage. */
const GATE_ID = 'cdk-infra-engineer-synth-gate';
const GATES = new WeakMap<Stage, SynthGate>();

/**
 * The one place where checks of the final templates fail `cdk synth`. It runs after every
 * stack of its stage has written its template (a construct placed last in the stage, with
 * custom synthesis), prints nothing when nothing is found, prints warnings, and throws one
 * error listing every violation (rule, path, what is wrong, the fix) otherwise.
 *
 * Unlike CDK validation plugins, it does not make CDK print "Performing Policy
 * Validations" on every synth. The security checks use it; any other check registers with
 * `SynthGate.of(scope).addCheck(check)`.
 */
export class SynthGate {
  /** The gate of the stage `scope` belongs to, created on first use. */
  public static of(scope: IConstruct): SynthGate {
    const stage = Stage.isStage(scope) ? scope : Stage.of(scope);
    if (!stage) throw new Error(`SynthGate.of('${scope.node.path}'): the construct is not inside an App or Stage`);
    let gate = GATES.get(stage);
    if (!gate) {
      gate = new SynthGate(stage);
      GATES.set(stage, gate);
    }
    return gate;
  }

  private readonly checks: ISynthCheck[] = [];

  private constructor(private readonly stage: Stage) {
    const placeLast: IAspect = { visit: (node) => { if (node === stage) this.placeLast(); } };
    Aspects.of(stage).add(placeLast);
  }

  /** Adds a check; it runs at every synthesis of the stage, after its templates are written. */
  public addCheck(check: ISynthCheck): void {
    this.checks.push(check);
  }

  /**
   * Runs a CDK validation plugin through the gate instead of `Validations.of(stage).addPlugins`:
   * it gets the templates of the stage's stacks (and the stage as `appConstruct`), its
   * violations are reported like any other (`severity: 'warning'` as warnings), and CDK prints
   * nothing when there are none.
   */
  public addValidationPlugin(plugin: IPolicyValidationPlugin): void {
    this.addCheck({
      name: plugin.name,
      check: (outdir) => {
        const templatePaths = this.stage.node.findAll()
          .filter((c): c is Stack => Stack.isStack(c) && Stage.of(c) === this.stage && !c.nested)
          .map((s) => path.join(outdir, s.templateFile));
        const report = plugin.validate({ templatePaths, appConstruct: this.stage });
        return report.violations.map((v) => ({
          ruleId: v.ruleName,
          resourcePath: [...new Set(v.violatingResources.map((r) => r.constructPath
            ?? `${path.basename(r.templatePath ?? '?', '.template.json')}/${r.resourceLogicalId ?? ''}`))].join(', ') || this.stage.node.path || '<app>',
          description: v.description,
          fix: v.fix ?? '',
          warningOnly: v.severity === 'warning' || (report.success && v.severity !== 'error'),
        }));
      },
    });
  }

  /** Runs every check against the templates in `outdir`; throws when a violation fails synth. */
  public run(outdir: string): void {
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const check of this.checks) {
      for (const v of check.check(outdir)) (v.warningOnly ? warnings : errors).push(format(check.name, v));
    }
    if (warnings.length) process.stderr.write(`cdk-infra-engineer: ${warnings.length} warning(s)\n\n${warnings.join('\n\n')}\n\n`);
    if (errors.length) throw new SynthCheckError(`${errors.length} finding(s) stop synthesis${this.stage.node.path ? ` of '${this.stage.node.path}'` : ''}:\n\n${errors.join('\n\n')}\n`);
  }

  /** Keeps the gate the last child of its stage, so that it runs after every stack's template is written. */
  private placeLast(): void {
    const children = this.stage.node.children;
    if (children[children.length - 1]?.node.id === GATE_ID) return;
    this.stage.node.tryRemoveChild(GATE_ID);
    const construct = new Construct(this.stage, GATE_ID);
    attachCustomSynthesis(construct, { onSynthesize: (session: ISynthesisSession) => this.run(session.outdir) });
  }
}

function format(checkName: string, v: SynthCheckViolation): string {
  return `[${v.ruleId}] ${v.resourcePath} (${checkName})\n  What: ${v.description}\n  Fix: ${v.fix}`;
}

/** The error that stops synthesis; its stack is its message, so the CLI prints no trace. */
class SynthCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthCheckError';
    this.stack = `${this.name}: ${message}`;
  }
}
