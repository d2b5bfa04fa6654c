// CloudFormation's per-stack quotas are checked at synth: an application that outgrows one
// stack fails `cdk synth` naming the requirement to change, not a deploy minutes later.
import { App, CfnResource } from 'aws-cdk-lib';
import { ApplicationStack } from '../src/app';
import { EnvironmentTier, WorkloadType } from '../src/requirements';

test('40 HTTP API services: the services past one stack go into nested stacks, and synth passes the limits check', () => {
  const app = new App();
  const stack = new ApplicationStack(app, 'Big', {
    designReport: false,
    requirements: {
      name: 'big',
      environment: EnvironmentTier.STAGING,
      services: Array.from({ length: 40 }, (_, i) => ({ name: `svc-${i}`, workload: WorkloadType.HTTP_API })),
    },
  });
  const root = app.synth().getStackArtifact(stack.artifactId).template;
  expect(Object.keys(root.Resources).length).toBeLessThanOrEqual(500);
  expect(Object.values<any>(root.Resources).filter((r) => r.Type === 'AWS::CloudFormation::Stack')).toHaveLength(2);
  expect(stack.node.tryFindChild('Services2')!.node.tryFindChild('Services')!.node.tryFindChild('svc-39')).toBeDefined();
});

test('a template over a limit anyway fails synth naming requirements.services', () => {
  const app = new App();
  const stack = new ApplicationStack(app, 'Big', {
    designReport: false,
    requirements: {
      name: 'big',
      environment: EnvironmentTier.STAGING,
      services: Array.from({ length: 3 }, (_, i) => ({ name: `svc-${i}`, workload: WorkloadType.HTTP_API })),
    },
  });
  // Resources the design cannot see (added by hand) push the template past 500.
  for (let i = 0; i < 480; i++) new CfnResource(stack, `Handle${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
  let message = '';
  try {
    app.synth();
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/\[CloudFormationTemplateLimit\] Big[\s\S]*the template has [\d,]+ resources, over CloudFormation's limit of 500 per stack/);
  expect(message).toMatch(/requirements\.services lists 3 services in one stack/);
});

test('a 10-service application stays within the limits and synthesizes', () => {
  const app = new App();
  const stack = new ApplicationStack(app, 'Small', {
    designReport: false,
    requirements: {
      name: 'small',
      environment: EnvironmentTier.STAGING,
      services: Array.from({ length: 10 }, (_, i) => ({ name: `svc-${i}`, workload: WorkloadType.HTTP_API })),
    },
  });
  const resources = Object.keys(app.synth().getStackArtifact(stack.artifactId).template.Resources).length;
  expect(resources).toBeLessThanOrEqual(500);
  expect(resources).toBeGreaterThan(100);
});
