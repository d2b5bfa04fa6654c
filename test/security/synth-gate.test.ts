import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { SynthGate } from '../../src/security';

const newApp = () => new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cie-gate-')) });

describe('SynthGate: one silent gate that fails synth on the final templates', () => {
  test('a check sees every template of its stage, written; nothing is printed when it finds nothing', () => {
    const app = newApp();
    const first = new Stack(app, 'First');
    new CfnResource(first, 'Topic', { type: 'AWS::SNS::Topic' });
    const seen: string[] = [];
    SynthGate.of(first).addCheck({
      name: 'template reader',
      check: (outdir) => {
        seen.push(...['First', 'Second'].map((s) => Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, `${s}.template.json`), 'utf8')).Resources).join(',')));
        return [];
      },
    });
    // A stack created after the check was registered is written before the gate runs too.
    new CfnResource(new Stack(app, 'Second'), 'Queue', { type: 'AWS::SQS::Queue' });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    app.synth();
    const printed = [...errors.mock.calls, ...stderr.mock.calls];
    jest.restoreAllMocks();
    expect(seen).toEqual(['Topic', 'Queue']);
    expect(printed).toEqual([]);
  });

  test('warnings are printed and synth goes on; errors stop it with rule, path, what and fix', () => {
    const app = newApp();
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'Shop');
    const gate = SynthGate.of(stack);
    expect(SynthGate.of(stage)).toBe(gate);
    gate.addCheck({
      name: 'budget',
      check: () => [{ ruleId: 'BudgetExceeded', resourcePath: 'Prod/Shop', description: '$900 a month over a $800 budget.', fix: 'Lower usage or raise the budget.', warningOnly: true }],
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    app.synth();
    expect(String(stderr.mock.calls[0][0])).toMatch(/1 warning\(s\)[\s\S]*\[BudgetExceeded\] Prod\/Shop \(budget\)\n {2}What: \$900 a month over a \$800 budget\.\n {2}Fix: Lower usage/);
    jest.restoreAllMocks();

    const failing = newApp();
    const other = new Stack(failing, 'Other');
    SynthGate.of(other).addCheck({ name: 'policy', check: () => [{ ruleId: 'NoTopics', resourcePath: 'Other/Topic', description: 'Topics are not allowed.', fix: 'Use a queue.' }] });
    expect(() => failing.synth()).toThrow(/^1 finding\(s\) stop synthesis:\n\n\[NoTopics\] Other\/Topic \(policy\)\n {2}What: Topics are not allowed\.\n {2}Fix: Use a queue\./);
  });

  test('a CDK validation plugin runs through the gate: its templates, its warnings and errors, and no CDK banner', () => {
    const app = newApp();
    const stack = new Stack(app, 'Shop');
    new CfnResource(stack, 'Topic', { type: 'AWS::SNS::Topic' });
    const seen: string[] = [];
    let severity = 'warning';
    SynthGate.of(stack).addValidationPlugin({
      name: 'budget',
      validate: (context) => {
        seen.push(...context.templatePaths.map((p) => path.basename(p)));
        return {
          success: severity !== 'error',
          violations: [{
            ruleName: 'BudgetExceeded',
            description: 'Over budget.',
            fix: 'Raise the budget.',
            severity,
            violatingResources: [{ resourceLogicalId: 'Topic', templatePath: context.templatePaths[0], locations: [] }],
          }],
        };
      },
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    app.synth();
    expect(seen).toEqual(['Shop.template.json']);
    expect(String(stderr.mock.calls[0][0])).toMatch(/\[BudgetExceeded\] Shop\/Topic \(budget\)\n {2}What: Over budget\./);
    expect(errors.mock.calls.filter((c) => String(c[0]).includes('Performing Policy Validations'))).toEqual([]);
    jest.restoreAllMocks();
    severity = 'error';
    expect(() => app.synth({ force: true })).toThrow(/\[BudgetExceeded\] Shop\/Topic \(budget\)/);
  });
});
