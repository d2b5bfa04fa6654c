import { awscdk, javascript, typescript } from 'projen';

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
  // Only yaml is bundled (Requirements.fromFile reads YAML); the AWS SDK clients and commander belong to the CLI package (cli/).
  bundledDeps: ['yaml@^2'],
  devDeps: [
    'cdk-nag@^3.0.2',
    'aws-cdk@2.1148.1',
    'fast-check@^4',
    'ts-node@^10',
    'ts-json-schema-generator@^2',
  ],
  jestOptions: {
    jestVersion: '^30',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // Output is the failures and one summary: no per-file lines, no coverage table.
    preserveDefaultReporters: false,
    coverageText: false,
    extraCliOptions: ['--silent'],
    jestConfig: {
      // One test command for both packages: the library's tests and the CLI's (cli/test).
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/cli/test/**/*.test.ts'],
      reporters: [new javascript.JestReporter('summary', { summaryThreshold: 0 })],
      collectCoverage: false,
      // The CLI imports the library by its package name; its tests run against the sources.
      moduleNameMapper: {
        '^cdk-infra-engineer$': '<rootDir>/src/index.ts',
        '^cdk-infra-engineer/lib/(.*)$': '<rootDir>/src/$1',
      },
      modulePathIgnorePatterns: ['<rootDir>/cli/lib/', '<rootDir>/lib/'],
      setupFiles: ['<rootDir>/cli/test/support/quiet-sdk.js'],
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
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'bench', 'examples', 'cli/src', 'cli/test'],
    commandOptions: { fix: false },
  },
});

// Only lib/, .jsii, API.md, README, LICENSE and the requirements schema ship.
for (const internal of ['/examples/', '/.ci/', '/bench/', '/cli/', '/docs/', '/.notes/', '/.scratch/', '/scripts/', '/test-reports/']) {
  project.addPackageIgnore(internal);
}
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');
project.package.setScript('prepack', 'node scripts/check-packable.js lib/index.js .jsii');

const cli = new typescript.TypeScriptProject({
  parent: project,
  outdir: 'cli',
  name: 'cdk-infra-engineer-cli',
  description: 'The cdk-infra-engineer command: design reports, cost diffs, hand-off, deployment status, actual cost and pricing refresh for cdk-infra-engineer stacks.',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenDevDependency: false,
  minNodeVersion: '20.0.0',
  typescriptVersion: '^6.0.3',
  sampleCode: false,
  github: false,
  release: false,
  licensed: true,
  license: 'Apache-2.0',
  authorName: 'cdk-infra-engineer developers',
  authorEmail: 'dev@example.com',
  repository: 'https://example.com/cdk-infra-engineer.git',
  repositoryDirectory: 'cli',
  // Tests and lint run from the root (one command for both packages).
  jest: false,
  eslint: false,
  deps: ['commander@^13', '@aws-sdk/client-pricing@^3', '@aws-sdk/client-cloudformation@^3', '@aws-sdk/client-cost-explorer@^3'],
  // The user's CDK app already depends on the library; the CLI reads its catalog and report types.
  // `validate` synthesizes the stack with the app's own aws-cdk-lib.
  peerDeps: ['cdk-infra-engineer@>=0.0.0', 'aws-cdk-lib@^2.258.0', 'constructs@^10.5.1'],
  entrypoint: 'lib/program.js',
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: ['cdk-infra-engineer@file:..', 'aws-sdk-client-mock@^4', '@types/jest@^30'],
  bin: { 'cdk-infra-engineer': 'lib/main.js' },
  tsconfig: { compilerOptions: { rootDir: 'src', outDir: 'lib', lib: ['es2022'], target: 'ES2022', module: 'node16', moduleResolution: javascript.TypeScriptModuleResolution.NODE16, noEmitOnError: true } },
  gitignore: ['/lib/', '*.tgz'],
  // Type-checks the CLI's tests against the library's sources (no compiled library needed).
  tsconfigDev: {
    compilerOptions: {
      noEmit: true,
      rootDir: '../..',
      types: ['jest', 'node'],
      paths: { 'cdk-infra-engineer': ['../../src/index.ts'], 'cdk-infra-engineer/lib/*': ['../../src/*'] },
    },
  },
});
// The peers (the library, aws-cdk-lib, constructs) resolve from the root's node_modules in this
// repository; npm must not install second copies into cli/node_modules.
cli.npmrc.addConfig('legacy-peer-deps', 'true');
cli.package.setScript('prepack', 'node ../scripts/check-packable.js lib/main.js');
cli.addPackageIgnore('/test/');

// Lint resolves the CLI's imports of the library to its sources, and lets the CLI's tests use the root's dev dependencies.
const eslintrc = project.tryFindObjectFile('.eslintrc.json')!;
eslintrc.addOverride('settings.import/resolver.typescript.project', ['./tsconfig.json', './cli/test/tsconfig.json']);
eslintrc.addOverride('settings.import/resolver.typescript.noWarnOnMultipleProjects', true);
project.eslint!.addOverride({
  files: ['cli/test/**'],
  rules: { 'import/no-extraneous-dependencies': ['error', { devDependencies: true, optionalDependencies: false, peerDependencies: true, packageDir: ['./cli', './'] }] },
});

// The CLI package's dependencies (cli/node_modules), installed when missing or stale by the tasks that need them.
const installCli = project.addTask('install:cli', {
  description: 'Install the CLI package\'s dependencies when cli/node_modules is missing or older than cli/package-lock.json',
  exec: 'node scripts/install-cli.js',
});
project.testTask.prependSpawn(installCli);
// `npm test` runs a short property run (40 synthesized stacks) unless PROPERTY_STACK_RUNS says otherwise;
// `npx projen test:property` is the long one.
project.testTask.env('PROPERTY_STACK_RUNS', '$(node -p "process.env.PROPERTY_STACK_RUNS || 40")');

// `npx projen compile` at the root builds the library (jsii) and then the CLI against it.
// The package entry loads the blocks (and their aws-cdk-lib service modules) on first use:
// `require('cdk-infra-engineer')` stays within issue 11's 300 ms (test/package-load.test.ts).
project.compileTask.exec('node scripts/lazy-exports.js lib');
project.compileTask.spawn(installCli);
project.compileTask.exec('tsc --build', { cwd: 'cli' });

// The JSON Schema of ApplicationRequirements, generated from src/requirements/types.ts; CI regenerates and diffs it.
project.addTask('schema', {
  description: 'Generate schema/requirements.schema.json from the requirements types',
  exec: 'node scripts/requirements-schema.js',
});

project.addTask('example', {
  description: 'Synthesize the example app with the cdk CLI and write its design report',
  cwd: 'examples/shop',
  steps: [
    { exec: 'cdk synth --quiet' },
    { exec: 'node -e "const f=\'cdk.out/Shop.design-report.md\';require(\'fs\').accessSync(f);console.log(\'Design report: examples/shop/\'+f)"' },
  ],
});

// The CLI from a clone without compiling: `npm run cli -- report examples/shop/cdk.out` at the root.
project.addTask('cli', {
  description: 'Run the cdk-infra-engineer CLI from its sources (arguments after --)',
  steps: [
    { spawn: installCli.name },
    { exec: 'node -r ./scripts/cli-from-sources.js cli/src/main.ts', receiveArgs: true },
  ],
});

// Long synth tests: 200 services and every configuration at the edge of one stack (see the tests).
project.addTask('test:long', {
  description: 'Run the long synth tests (200 services, the whole one-stack edge range, every framework combination in every tier)',
  env: { LONG_TESTS: '1' },
  exec: 'jest test/many-services.test.ts test/placement-edge.test.ts test/security/compliance-matrix',
});

// The long property run (the default `npm test` run is short; see test/requirements.property.test.ts).
project.addTask('test:property', {
  description: 'Run the requirements property test with its long run of synthesized stacks',
  env: { PROPERTY_STACK_RUNS: '600' },
  exec: 'jest test/requirements.property.test.ts',
});

project.addTask('bench', {
  description: 'Measure synth time and memory ratios in one run',
  exec: 'ts-node --transpile-only bench/run.ts',
});

project.synth();
