// Installs the CLI package's dependencies (cli/node_modules) when they are missing or older than
// cli/package-lock.json. The `install:cli` task; `npm test`, `npx projen compile` and `npm run cli`
// run it first, so a clone's `npm ci` needs no install script (which every user of the
// library's tarball would be warned about).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const cli = path.join(__dirname, '..', 'cli');
const lock = path.join(cli, 'package-lock.json');
const installed = path.join(cli, 'node_modules', '.package-lock.json');
if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) process.exit(0);

console.log('cdk-infra-engineer: npm ci in cli/ (the CLI package\'s dependencies)');
execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: cli, stdio: 'inherit' });
