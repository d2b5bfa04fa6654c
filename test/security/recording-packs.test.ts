// Recording packs capture each pack's rule list from its first resource and apply it to every
// resource themselves. That holds while cdk-nag's packs apply the same rules to every resource:
// these tests read the packs' sources to keep it so, and compare with cdk-nag's own walk.
import * as fs from 'fs';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  AwsSolutionsChecks, HIPAASecurityChecks, IApplyRule, NagPack, NagPackProps, NagRuleCompliance, NIST80053R5Checks, PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';
import { shopRequirements } from '../../examples/shop/requirements';
import { ApplicationStack } from '../../src';
import { decidedByTypeAlone, recordingPack, RuleCheck } from '../../src/security/evaluation/recording-packs';

type PackClass = new (scope?: IConstruct, props?: NagPackProps) => NagPack;

const PACKS: { [file: string]: PackClass } = {
  'aws-solutions': AwsSolutionsChecks,
  'hipaa-security': HIPAASecurityChecks,
  'pci-dss-321': PCIDSS321Checks,
  'nist-800-53-r5': NIST80053R5Checks,
  'serverless': ServerlessChecks,
};

/** A pack's rules applied the way cdk-nag applies them: its own walk, its own check methods, per resource. */
function nagWalk(Pack: PackClass, scope: Stack): string[] {
  const seen: string[] = [];
  // Typed as one concrete pack so that TypeScript accepts the subclass; any pack works at runtime.
  class Walking extends (Pack as unknown as typeof AwsSolutionsChecks) {
    protected applyRule(params: IApplyRule): void {
      let result: unknown;
      try {
        result = params.rule(params.node);
      } catch (e) {
        result = `error: ${(e as Error).message}`;
      }
      if (result === NagRuleCompliance.NOT_APPLICABLE) return;
      seen.push(`${this.readPackName}-${params.ruleSuffixOverride ?? params.rule.name} ${params.node.node.path} ${JSON.stringify(result)}`);
    }
  }
  new Walking().validateScope(scope);
  return seen;
}

function recorded(Pack: PackClass, scope: Stack): string[] {
  const seen: string[] = [];
  recordingPack(Pack).run(scope, (c: RuleCheck) => {
    seen.push(`${c.ruleId} ${c.node.node.path} ${JSON.stringify(c.error !== undefined ? `error: ${c.error}` : c.result)}`);
  });
  return seen;
}

describe('recording packs', () => {
  test.each(Object.keys(PACKS))('cdk-nag pack %s applies every rule to every resource (no condition in its check methods)', (file) => {
    const source = fs.readFileSync(require.resolve(`cdk-nag/lib/packs/${file}.js`), 'utf8')
      .replace(/\/\/# sourceMappingURL=.*$/m, '')
      .replace(/\/\*[\s\S]*?\*\//g, '');
    const body = source.slice(source.indexOf('checkResource('));
    for (const branch of [/\bif \(/, /\bswitch \(/, /\bfor \(/, /\bwhile \(/, /\breturn\b/]) expect(body).not.toMatch(branch);
    const applications = (body.match(/this\.applyRule\(/g) ?? []).length;
    expect(applications).toBeGreaterThan(10);
    // The captured list is what the source applies: one entry per applyRule call.
    const Pack = PACKS[file];
    const stack = new Stack(new App(), 'One');
    new CfnResource(stack, 'Any', { type: 'AWS::SQS::Queue' });
    const pack = recordingPack(Pack);
    pack.run(stack, () => undefined);
    expect(new Set(pack.ruleIdsByName.values()).size).toBeLessThanOrEqual(applications);
    expect(pack.ruleIdsByName.size).toBeGreaterThan(10);
  });

  test('on the shop example, every pack reports what cdk-nag\'s own walk finds, in the same order', () => {
    const app = new App();
    const stack = new ApplicationStack(app, 'Shop', { requirements: shopRequirements, _security: false, designReport: false });
    app.synth();
    let total = 0;
    for (const Pack of Object.values(PACKS)) {
      const expected = nagWalk(Pack, stack);
      expect(recorded(Pack, stack)).toEqual(expected);
      total += expected.length;
    }
    // Rules that apply: compliant and non-compliant results, across the packs.
    expect(total).toBeGreaterThan(300);
  });

  test('a skipped rule is not applied; the others still are', () => {
    const stack = new Stack(new App(), 'Skip');
    new s3.Bucket(stack, 'Bucket');
    const all: string[] = [];
    recordingPack(AwsSolutionsChecks).run(stack, (c) => all.push(c.ruleName));
    expect(all).toContain('S3BucketLoggingEnabled');
    const pack = recordingPack(AwsSolutionsChecks);
    pack.skip(['S3BucketLoggingEnabled']);
    const some: string[] = [];
    pack.run(stack, (c) => some.push(c.ruleName));
    expect(some).not.toContain('S3BucketLoggingEnabled');
    expect(some).toEqual(all.filter((n) => n !== 'S3BucketLoggingEnabled'));
  });

  describe('rules skipped by type', () => {
    const named = (name: string, fn: (node: CfnResource) => NagRuleCompliance) => Object.defineProperty(fn, 'name', { value: name });
    const stack = new Stack(new App(), 'Gates');
    const bucket = new s3.CfnBucket(stack, 'Bucket');
    const zip = new lambda.CfnFunction(stack, 'Zip', { code: { zipFile: 'x' }, role: 'arn:aws:iam::1:role/r', runtime: 'nodejs20.x', handler: 'i.h' });
    const image = new lambda.CfnFunction(stack, 'Image', { code: { imageUri: 'x' }, role: 'arn:aws:iam::1:role/r', packageType: 'Image' });

    test('a rule that answers NOT_APPLICABLE from the class alone is skipped for that class and type', () => {
      const rule = named('OnlyBuckets', (node) => (node instanceof s3.CfnBucket ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE));
      expect(decidedByTypeAlone(rule, zip)).toBe(true);
      expect(decidedByTypeAlone(rule, bucket)).toBe(false);
    });

    test('a rule that reads the resource before answering NOT_APPLICABLE is always called', () => {
      // Like LambdaLatestVersion: not applicable to image functions only.
      const rule = named('ZipOnly', (node) => (node instanceof lambda.CfnFunction && (node as lambda.CfnFunction).runtime !== undefined
        ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NOT_APPLICABLE));
      expect(decidedByTypeAlone(rule, image)).toBe(false);
      expect(decidedByTypeAlone(rule, zip)).toBe(false);
    });

    test('a rule that throws, or writes, is always called', () => {
      const throwing = named('Throwing', () => {
        throw new Error('unresolvable');
      });
      expect(decidedByTypeAlone(throwing, bucket)).toBe(false);
      const writing = named('Writing', (node) => {
        (node as unknown as { touched: boolean }).touched = true;
        return NagRuleCompliance.NOT_APPLICABLE;
      });
      expect(decidedByTypeAlone(writing, bucket)).toBe(false);
      expect((bucket as unknown as { touched?: boolean }).touched).toBeUndefined();
    });
  });
});
