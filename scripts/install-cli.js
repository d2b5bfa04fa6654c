// `npm ci` / `npm install` at the root of a clone also installs the CLI package in cli/.
// Runs as the root's `prepare` script, which npm does not run when a user installs a tarball.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const command = process.env.npm_command;
const cli = path.join(__dirname, '..', 'cli');
// cli/ links the root package (file:..): its install must not start another one.
const nested = process.env.CDK_INFRA_ENGINEER_INSTALLING_CLI === '1';
if (nested || (command !== 'ci' && command !== 'install') || !fs.existsSync(path.join(cli, 'package.json'))) process.exit(0);

const useCi = command === 'ci' && fs.existsSync(path.join(cli, 'package-lock.json'));
console.log(`cdk-infra-engineer: npm ${useCi ? 'ci' : 'install'} in cli/`);
execFileSync('npm', [useCi ? 'ci' : 'install', '--no-audit', '--no-fund'], {
  cwd: cli,
  stdio: 'inherit',
  env: { ...process.env, CDK_INFRA_ENGINEER_INSTALLING_CLI: '1' },
});
