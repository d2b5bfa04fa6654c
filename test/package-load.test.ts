// What `require('cdk-infra-engineer')` loads. The package entry re-exports every room; the
// blocks (and the ~35 aws-cdk-lib service modules they import) are re-exported lazily by the
// compile task (scripts/lazy-exports.js), and every other room loads no service module, no
// cdk-nag and no YAML parser until it is used. Issue 11 sets the load time target (300 ms,
// `npm run bench`); this keeps the gain from silently regressing.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewrite, LAZY_MODULES } = require('../scripts/lazy-exports') as {
  rewrite: (libDir: string) => Record<string, string[]>;
  LAZY_MODULES: string[];
};

const SRC = path.join(__dirname, '..', 'src');
/** The rooms src/index.ts re-exports, in its order. */
const ROOMS = [...fs.readFileSync(path.join(SRC, 'index.ts'), 'utf8').matchAll(/^export \* from '(\.\/[\w-]+)';$/gm)].map((m) => m[1]);

/** Modules that must not load with the package: the rule packs, the YAML parser, and service modules. */
const NOT_ON_REQUIRE = [
  /\/node_modules\/cdk-nag\//,
  /\/node_modules\/yaml\//,
  /\/node_modules\/semver\//,
  ...['aws-ec2', 'aws-rds', 'aws-ecs', 'aws-ecs-patterns', 'aws-lambda', 'aws-s3', 'aws-iam', 'aws-kms', 'aws-dynamodb',
    'aws-elasticache', 'aws-cloudfront', 'aws-elasticloadbalancingv2', 'aws-apigateway', 'aws-apigatewayv2', 'aws-sqs',
    'aws-sns', 'aws-cloudwatch', 'aws-secretsmanager', 'aws-wafv2', 'aws-backup', 'aws-scheduler']
    .map((m) => new RegExp(`/node_modules/aws-cdk-lib/${m}/`)),
  /\/src\/blocks\/index\.ts$/,
  /\/src\/security\/aspects\/security-policy-aspect\.ts$/,
];

/** Module files loaded (in a fresh module registry) by requiring the given rooms of src/. */
function loadedBy(rooms: string[]): string[] {
  let loaded: string[] = [];
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const room of rooms) require(path.join(SRC, room));
    loaded = Object.keys(require.cache);
  });
  return loaded;
}

describe('require(\'cdk-infra-engineer\')', () => {
  test('the entry re-exports every room, the blocks lazily', () => {
    expect(ROOMS).toEqual(['./requirements', './design', './blocks', './app', './cost', './security']);
    expect(LAZY_MODULES).toEqual(['./blocks']);
  });

  test('loads no block, no cdk-nag, no YAML parser and no aws-cdk-lib service module', () => {
    const loaded = loadedBy(ROOMS.filter((room) => !LAZY_MODULES.includes(room)));
    expect(loaded.filter((file) => file.includes('/src/app/application-stack.ts'))).toHaveLength(1);
    expect(loaded.filter((file) => NOT_ON_REQUIRE.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  test('the check sees the modules the blocks load (it can fail)', () => {
    const loaded = loadedBy(['./blocks']);
    for (const module of ['aws-ec2', 'aws-rds', 'aws-lambda', 'aws-ecs']) {
      expect(loaded.some((file) => file.includes(`/node_modules/aws-cdk-lib/${module}/`))).toBe(true);
    }
    expect(loaded.some((file) => /\/node_modules\/semver\//.test(file))).toBe(true);
  });
});

describe('scripts/lazy-exports.js (compile task)', () => {
  // A miniature package whose index.js is TypeScript's own output for src/index.ts (the options
  // jsii compiles with), and whose rooms record when they are loaded.
  function fixture(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-lazy-exports-'));
    const index = ts.transpileModule(fs.readFileSync(path.join(SRC, 'index.ts'), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, esModuleInterop: true,
      },
      fileName: path.join(SRC, 'index.ts'),
    }).outputText;
    fs.writeFileSync(path.join(dir, 'index.js'), index);
    const exportsOf: Record<string, string[]> = {
      requirements: ['Requirements', 'Shared'],
      design: ['InfrastructureDesign'],
      blocks: ['FunctionService', 'NetworkBlock', 'Shared', 'Later'],
      app: ['ApplicationStack', 'Later'],
      cost: ['CostEstimator'],
      security: ['StackSecurity'],
    };
    for (const [room, names] of Object.entries(exportsOf)) {
      fs.mkdirSync(path.join(dir, room));
      fs.writeFileSync(path.join(dir, room, 'index.js'), [
        `globalThis.loads = [...(globalThis.loads ?? []), '${room}'];`,
        ...names.map((n) => `exports.${n} = { room: '${room}', name: '${n}' };`),
      ].join('\n'));
    }
    return dir;
  }

  /** In a fresh process: the entry's names and values, and which rooms loaded before and after a use. */
  function probe(dir: string, use: string) {
    const script = `const root = require(${JSON.stringify(path.join(dir, 'index.js'))});
      const before = [...globalThis.loads];
      const names = Object.keys(root).sort();
      const value = root[${JSON.stringify(use)}];
      const values = Object.fromEntries(names.map((n) => [n, root[n].room]));
      console.log(JSON.stringify({ before, names, value, values, after: globalThis.loads }));`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  }

  test('the same names and values as `export *`, the blocks loaded on first use, once', () => {
    const eager = fixture();
    const lazy = fixture();
    try {
      expect(rewrite(lazy)).toEqual({ './blocks': ['FunctionService', 'NetworkBlock', 'Shared', 'Later'] });
      const expected = probe(eager, 'FunctionService');
      expect(expected.before).toEqual(['requirements', 'design', 'blocks', 'app', 'cost', 'security']);
      const actual = probe(lazy, 'FunctionService');
      expect(actual.before).toEqual(['requirements', 'design', 'app', 'cost', 'security']);
      expect(actual.after).toEqual([...actual.before, 'blocks']);
      expect(actual.value).toEqual({ room: 'blocks', name: 'FunctionService' });
      expect(actual.names).toEqual(expected.names);
      // A name two rooms export resolves as `export *` resolves it: the first room listed wins.
      expect(actual.values).toEqual(expected.values);
      expect(actual.values).toMatchObject({ Shared: 'requirements', Later: 'blocks' });
    } finally {
      fs.rmSync(eager, { recursive: true, force: true });
      fs.rmSync(lazy, { recursive: true, force: true });
    }
  });

  test('running twice changes nothing; an entry without the expected statement fails the build', () => {
    const dir = fixture();
    try {
      rewrite(dir);
      const once = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(rewrite(dir)).toEqual({});
      expect(fs.readFileSync(path.join(dir, 'index.js'), 'utf8')).toBe(once);
      // The inline source map still matches line for line.
      expect(once.split('\n')).toHaveLength(fixtureLines());
      fs.writeFileSync(path.join(dir, 'index.js'), '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n');
      expect(() => rewrite(dir)).toThrow(/expected the statement __exportStar\(require\("\.\/blocks"\), exports\);/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    function fixtureLines(): number {
      const plain = fixture();
      try {
        return fs.readFileSync(path.join(plain, 'index.js'), 'utf8').split('\n').length;
      } finally {
        fs.rmSync(plain, { recursive: true, force: true });
      }
    }
  });
});
