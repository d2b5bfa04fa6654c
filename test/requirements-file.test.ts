import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { shopRequirements } from '../examples/shop/requirements';
import { Requirements } from '../src/requirements/requirements';
import { readRequirementsFile } from '../src/requirements/requirements-file';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-requirements-'));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};
const shop = path.join(__dirname, '..', 'examples', 'shop');

describe('Requirements.fromFile', () => {
  test.each(['requirements.data.json', 'requirements.yaml'])('examples/shop/%s is the shop example as data', (file) => {
    expect(Requirements.fromFile(path.join(shop, file))).toEqual(shopRequirements);
  });

  test('a bad field names the file, its line and its path; every problem at once', () => {
    const file = write('bad.yaml', [
      'name: shop', //                    1
      'environment: prod', //             2
      'services:', //                     3
      '  - name: api', //                 4
      '    workload: http-api', //        5
      '    traffic:', //                  6
      '      monthlyRequests: 1000', //   7
      '      peakRequestsPerSecond: -5', // 8
    ].join('\n'));
    expect(() => Requirements.fromFile(file)).toThrow(/Invalid application requirements in .*bad\.yaml \(2 problems\)/);
    const { problems } = readRequirementsFile(file);
    expect(problems).toEqual([
      expect.objectContaining({ file, line: 2, path: 'requirements.environment', message: expect.stringMatching(/EnvironmentTier/) }),
      expect.objectContaining({ file, line: 8, path: 'requirements.services[0].traffic.peakRequestsPerSecond', message: expect.stringMatching(/> 0.*, got -5/) }),
    ]);
  });

  test('a missing field points at the object that lacks it; JSON lines count like YAML lines', () => {
    const file = write('missing.json', JSON.stringify({ name: 'shop', environment: 'development', services: [{ name: 'api' }] }, undefined, 2));
    const { problems } = readRequirementsFile(file);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'requirements.services[0].workload', line: 5 }));
  });

  test('syntax errors, unknown extensions and unreadable files are one problem each, naming the file', () => {
    const broken = write('broken.json', '{\n  "name": "shop",\n  "environment": \n}');
    expect(readRequirementsFile(broken).problems).toEqual([expect.objectContaining({ file: broken, path: 'requirements', message: expect.stringMatching(/^is not valid JSON/) })]);
    const duplicate = write('duplicate.yaml', 'name: a\nname: b\n');
    expect(readRequirementsFile(duplicate).problems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^is not valid YAML/) });
    expect(readRequirementsFile(write('r.toml', 'x')).problems[0].message).toMatch(/must be a \.json, \.yaml or \.yml file, got '\.toml'/);
    expect(readRequirementsFile(path.join(tmp, 'none.json')).problems[0].message).toBe('cannot be read: ENOENT');
  });

  test('$schema (for editors) is not a requirement; any other unknown key is', () => {
    const base = { $schema: '../../schema/requirements.schema.json', name: 'shop', environment: 'development', services: [{ name: 'api', workload: 'http-api' }] };
    expect(readRequirementsFile(write('schema.json', JSON.stringify(base))).problems).toEqual([]);
    const extra = readRequirementsFile(write('extra.json', JSON.stringify({ ...base, colour: 'blue' })));
    expect(extra.problems.map((p) => p.path)).toEqual(['requirements.colour']);
  });
});

test('schema/requirements.schema.json describes every top-level field and no other', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'schema', 'requirements.schema.json'), 'utf8'));
  const top = schema.definitions.ApplicationRequirements;
  expect(top.additionalProperties).toBe(false);
  expect(top.required).toEqual(expect.arrayContaining(['name', 'environment', 'services']));
  expect(Object.keys(top.properties)).toEqual(expect.arrayContaining(Object.keys(shopRequirements)));
  expect(schema.definitions.EnvironmentTier.enum).toEqual(['development', 'staging', 'production']);
});
