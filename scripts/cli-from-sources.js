// Preload (`node -r`) for `npm run cli` and the CLI's end-to-end tests: runs the CLI's TypeScript with ts-node and
// resolves the library (`cdk-infra-engineer`, `cdk-infra-engineer/lib/...`) to its sources, so
// the end-to-end tests need no compiled lib/ (the jest moduleNameMapper does the same in-process).
const Module = require('module');
const path = require('path');

const root = path.join(__dirname, '..');
require(require.resolve('ts-node', { paths: [root] })).register({
  transpileOnly: true,
  project: path.join(root, 'cli', 'tsconfig.json'),
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'cdk-infra-engineer') request = path.join(root, 'src', 'index.ts');
  else if (request.startsWith('cdk-infra-engineer/lib/')) request = path.join(root, 'src', request.slice('cdk-infra-engineer/lib/'.length));
  return resolve.call(this, request, ...rest);
};
