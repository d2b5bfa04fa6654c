import { awscdk, javascript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-infra-engineer',
  description:
    'Describe an application\'s requirements in one object; get a composed, secure, monitored AWS CDK stack and a design report with cost, compliance and reliability.',
  author: 'cdk-infra-engineer developers',
  authorAddress: 'dev@example.com',
  repositoryUrl: 'https://example.com/cdk-infra-engineer.git',
  defaultReleaseBranch: 'main',
  keywords: ['cdk', 'aws-cdk', 'awscdk', 'cdk-nag', 'architecture', 'cost', 'compliance'],
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // cdk-nag 3 needs aws-cdk-lib >= 2.258 (validation plugins with acknowledgements).
  cdkVersion: '2.258.0',
  cdkVersionPinning: false,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.16',
  typescriptVersion: '^6.0.3', // 7.x breaks ts-jest 29
  peerDeps: ['cdk-nag@^3.0.2'],
  // Non-jsii runtime libraries are bundled; their types stay out of the public API.
  bundledDeps: ['commander@^13', '@aws-sdk/client-pricing@^3', '@aws-sdk/client-cloudformation@^3', '@aws-sdk/client-cost-explorer@^3'],
  bin: { 'cdk-infra-engineer': 'lib/cli/main.js' },
  devDeps: [
    'aws-sdk-client-mock@^4',
    'cdk-nag@^3.0.2',
    'aws-cdk@2.1148.1',
    'fast-check@^4',
    'ts-node@^10',
  ],
  jestOptions: {
    jestVersion: '^30',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Tests synthesize real stacks; one worker per core keeps memory at ~0.5 GB each.
      maxWorkers: 2,
      testTimeout: 120_000,
    },
  },

  // jsii targets: JavaScript is packaged here; the others are configured for release CI.
  publishToPypi: { distName: 'cdk-infra-engineer', module: 'cdk_infra_engineer' },
  publishToMaven: {
    javaPackage: 'io.github.cdkinfraengineer',
    mavenGroupId: 'io.github.cdkinfraengineer',
    mavenArtifactId: 'cdk-infra-engineer',
  },
  publishToNuget: { dotNetNamespace: 'CdkInfraEngineer', packageId: 'CdkInfraEngineer' },
  publishToGo: { moduleName: 'example.com/cdk-infra-engineer-go' },

  // CI is .ci/run on our own machines; no hosted workflows.
  github: false,
  release: false,
  gitignore: ['cdk.out', '*.design-report.*', '.bench/', '.scratch/'],
  // The generated test task would run `eslint --fix`, which edits files; CI must only check.
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'bench', 'examples'], commandOptions: { fix: false } },
});

project.addPackageIgnore('/examples/');
project.addPackageIgnore('/.ci/');
project.addPackageIgnore('/bench/');
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');


project.addTask('example', {
  description: 'Synthesize the example app with the cdk CLI and write its design report',
  cwd: 'examples/shop',
  steps: [
    { exec: 'cdk synth --quiet' },
    { exec: 'node -e "const f=\'cdk.out/Shop.design-report.md\';require(\'fs\').accessSync(f);console.log(\'Design report: examples/shop/\'+f)"' },
  ],
});

project.addTask('bench', {
  description: 'Measure synth time and memory ratios in one run',
  exec: 'ts-node --transpile-only bench/run.ts',
});

project.synth();
