// The evaluation's shortcuts (tree-memo.ts, SharedRuleResults) change how often work is done,
// never the result: answers are the same, callers get their own copies, and the stack is
// restored afterwards, also when the work throws.
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagRuleCompliance } from 'cdk-nag';
import { evaluateCompliance } from '../../src/security/evaluation/evaluate';
import { recordingPack, RuleCheck, SharedRuleResults } from '../../src/security/evaluation/recording-packs';
import { withTreeMemo } from '../../src/security/evaluation/tree-memo';

function smallStack(): { stack: Stack; bucket: s3.Bucket; policy: iam.Policy } {
  const stack = new Stack(new App(), 'Small');
  const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
  const policy = new iam.Policy(stack, 'Policy', { statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: [bucket.arnForObjects('*')] })] });
  policy.attachToRole(new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
  return { stack, bucket, policy };
}

describe('withTreeMemo', () => {
  test('resolve, findAll and getLogicalId answer as without it, each caller with its own copy', () => {
    const { stack, policy } = smallStack();
    const document = (policy.node.defaultChild as iam.CfnPolicy).policyDocument;
    const plain = { resolved: stack.resolve(document), all: stack.node.findAll().map((c) => c.node.path), arn: stack.resolve(policy.policyName) };
    withTreeMemo(stack, () => {
      const first = stack.resolve(document);
      expect(first).toEqual(plain.resolved);
      first.Statement[0].Action = 'changed by a rule';
      expect(stack.resolve(document)).toEqual(plain.resolved);
      expect(stack.resolve(document)).not.toBe(stack.resolve(document));
      expect(stack.resolve(policy.policyName)).toBe(plain.arn);
      const all = stack.node.findAll();
      all.pop();
      expect(stack.node.findAll().map((c) => c.node.path)).toEqual(plain.all);
      const cfn = policy.node.defaultChild as iam.CfnPolicy;
      expect(stack.getLogicalId(cfn)).toBe(stack.getLogicalId(cfn));
      expect(stack.resolve(cfn.logicalId)).toBe(stack.getLogicalId(cfn));
    });
  });

  test('the stack gets its own methods back, also when the work throws', () => {
    const { stack } = smallStack();
    const methods = { resolve: stack.resolve, findAll: stack.node.findAll, getLogicalId: stack.getLogicalId };
    expect(() => withTreeMemo(stack, () => {
      expect(stack.resolve).not.toBe(methods.resolve);
      throw new Error('rule failed');
    })).toThrow('rule failed');
    expect({ resolve: stack.resolve, findAll: stack.node.findAll, getLogicalId: stack.getLogicalId }).toEqual(methods);
    expect(Object.getOwnPropertyNames(stack)).not.toContain('resolve');
    expect(Object.getOwnPropertyNames(stack.node)).not.toContain('findAll');
  });
});

describe('SharedRuleResults', () => {
  test('a rule two packs share runs once per resource, and both packs report its outcome', () => {
    const { stack, bucket } = smallStack();
    const shared = new SharedRuleResults();
    const reported: Record<string, RuleCheck[]> = {};
    for (const pack of [recordingPack(AwsSolutionsChecks), recordingPack(HIPAASecurityChecks)]) {
      pack.run(stack, (check) => (reported[pack.ruleIdPrefix] ??= []).push(check), shared);
    }
    const ssl = (prefix: string) => reported[prefix].filter((c) => c.ruleName === 'S3BucketSSLRequestsOnly' && c.node === bucket.node.defaultChild);
    expect(ssl('AwsSolutions')).toHaveLength(1);
    expect(ssl('HIPAA.Security')).toHaveLength(1);
    expect(ssl('AwsSolutions')[0].result).toBe(NagRuleCompliance.COMPLIANT);
    expect(ssl('HIPAA.Security')[0].result).toBe(ssl('AwsSolutions')[0].result);

    // The outcome was computed once: a second look at the same rule and resource does not run it.
    let calls = 0;
    const rule = Object.defineProperty(() => {
      calls++;
      return NagRuleCompliance.NON_COMPLIANT;
    }, 'name', { value: 'CountingRule' });
    const node = bucket.node.defaultChild as s3.CfnBucket;
    expect(shared.apply(rule, node)).toEqual({ result: NagRuleCompliance.NON_COMPLIANT });
    expect(shared.apply(rule, node)).toEqual({ result: NagRuleCompliance.NON_COMPLIANT });
    expect(calls).toBe(1);
  });

  test('the evaluation scores the same with the shortcuts as pack by pack without them', () => {
    const { stack } = smallStack();
    const packs = () => [recordingPack(AwsSolutionsChecks), recordingPack(HIPAASecurityChecks)];
    const fast = withTreeMemo(stack, () => evaluateCompliance(stack, packs()));
    // Without: each pack on its own, nothing remembered.
    const slow = evaluateCompliance(stack, [packs()[0]]);
    const slowHipaa = evaluateCompliance(stack, [packs()[1]]);
    expect(fast.frameworks).toEqual([...slow.frameworks, ...slowHipaa.frameworks]);
    expect(fast.findings).toEqual([...slow.findings, ...slowHipaa.findings].sort((a, b) => a.ruleId.localeCompare(b.ruleId)
      || a.resourcePath.localeCompare(b.resourcePath)));
    expect(fast.findings.length).toBeGreaterThan(0);
  });
});
