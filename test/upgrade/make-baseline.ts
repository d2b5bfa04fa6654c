// Writes the reduced templates of every upgrade case into test/upgrade/baseline/: run it on
// a released commit (`npx ts-node --transpile-only test/upgrade/make-baseline.ts`) to record
// what deployed applications look like. The upgrade test compares today's templates with them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { upgradeCases } from './cases';
import { reduceTemplate } from './replacement';
import { ApplicationStack } from '../../src/app';

const outDir = path.join(__dirname, 'baseline');
fs.mkdirSync(outDir, { recursive: true });
for (const [name, requirements] of upgradeCases()) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-baseline-'));
  const app = new App({ outdir });
  const stack = new ApplicationStack(app, 'App', { requirements, designReport: false });
  const template = app.synth().getStackArtifact(stack.artifactId).template;
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(reduceTemplate(template), null, 1) + '\n');
  fs.rmSync(outdir, { recursive: true, force: true });
}
console.log(`wrote ${upgradeCases().length} baselines to ${outDir}`);
