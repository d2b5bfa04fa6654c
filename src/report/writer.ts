import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, ISynthesisSession, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { buildDesignReport } from './build';
import { CloudFormationTemplate, ReportContributor } from './model';
import { renderMarkdown } from './render-markdown';
import { readFromAssembly } from '../cost/report-contributor';
import { InfrastructureDesign } from '../design/infrastructure-design';

export interface DesignReportWriterProps {
  readonly stack: Stack;
  readonly design: InfrastructureDesign;
  readonly contributors: ReportContributor[];
}

/**
 * Writes `<artifact id>.design-report.json` and `.md` into the cloud assembly.
 *
 * CDK synthesizes constructs children-first and a stack's template is written when the
 * stack itself is visited, so this writer is a sibling created after the stack in the same
 * scope: by the time it runs, the template file exists and is read back as deployed.
 */
export class DesignReportWriter extends Construct {
  constructor(scope: Construct, id: string, props: DesignReportWriterProps) {
    super(scope, id);
    attachCustomSynthesis(this, {
      onSynthesize: (session: ISynthesisSession) => {
        const stack = props.stack;
        const templatePath = path.join(session.outdir, stack.templateFile);
        const template = readFromAssembly(JSON.parse(fs.readFileSync(templatePath, 'utf8')) as CloudFormationTemplate, session.outdir);
        const report = buildDesignReport({
          stackName: Token.isUnresolved(stack.stackName) ? stack.node.path : stack.stackName,
          region: Token.isUnresolved(stack.region) ? undefined : stack.region,
          design: props.design,
          template,
          contributors: props.contributors,
        });
        const base = path.join(session.outdir, `${stack.artifactId}.design-report`);
        fs.writeFileSync(`${base}.json`, JSON.stringify(report, undefined, 2) + '\n');
        fs.writeFileSync(`${base}.md`, renderMarkdown(report));
      },
    });
  }
}
