import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { memoryIo } from './memory-io';
import { runCli } from '../src/program';

const shop = path.join(__dirname, '..', '..', 'examples', 'shop');

describe('validate <file>', () => {
  test('the shop example as JSON prints its decisions and estimated cost', async () => {
    const { io, out } = memoryIo();
    expect(await runCli(['validate', path.join(shop, 'requirements.data.json')], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/requirements\.data\.json: valid requirements for 'shop' \(production\), \d+ resources/);
    expect(text).toMatch(/^Decisions:\n {2}\w/m);
    expect(text).toMatch(/^ {2}compute: api: /m);
    expect(text).toMatch(/^Estimated cost: \$[\d,.]+ a month \(low \$[\d,.]+, high \$[\d,.]+\), us-east-1 \(assumed: no region in the requirements\), prices of \d{4}-\d\d-\d\d$/m);
    expect(text).toMatch(/^Budget: \$800\.00 a month, fail-synth, within$/m);
  });

  test('a file with a bad field prints the file, line and path of each problem and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-validate-'));
    const file = path.join(dir, 'requirements.yaml');
    fs.writeFileSync(file, 'name: shop\nenvironment: production\nservices:\n  - name: api\n    workload: http-apii\n');
    const { io, out } = memoryIo();
    expect(await runCli(['validate', file], io)).toBe(1);
    expect(out[0]).toBe(`${file}: 1 problem`);
    expect(out[1]).toMatch(new RegExp(`^ {2}${file.replace(/[.]/g, '\\.')}:5 requirements\\.services\\[0\\]\\.workload must be one of`));
  });
});
