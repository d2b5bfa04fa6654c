// Writes schema/requirements.schema.json: the JSON Schema of ApplicationRequirements, generated
// from src/requirements/types.ts. `npx projen schema` runs it; CI regenerates and diffs the file.
const fs = require('fs');
const path = require('path');
const { createGenerator } = require('ts-json-schema-generator');

const root = path.join(__dirname, '..');
const schema = createGenerator({
  path: path.join(root, 'src/requirements/types.ts'),
  tsconfig: path.join(root, 'tsconfig.json'),
  type: 'ApplicationRequirements',
  jsDoc: 'extended',
  additionalProperties: false,
  skipTypeCheck: true,
}).createSchema('ApplicationRequirements');

// A `@default` in the types that is prose ("- per-tier defaults") or a TypeScript enum member
// ("RuntimePreference.AUTO") is not a value a file can hold: it moves into the description.
function moveDefaults(node) {
  if (Array.isArray(node)) return node.forEach(moveDefaults);
  if (!node || typeof node !== 'object') return;
  if (typeof node.default === 'string' && (node.default.startsWith('-') || node.$ref)) {
    node.description = `${node.description ?? ''} Default: ${node.default.replace(/^-\s*/, '')}.`.trim();
    delete node.default;
  }
  Object.values(node).forEach(moveDefaults);
}
moveDefaults(schema);

const out = {
  $id: 'https://example.com/cdk-infra-engineer/requirements.schema.json',
  title: 'cdk-infra-engineer application requirements',
  ...schema,
};
fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
fs.writeFileSync(path.join(root, 'schema/requirements.schema.json'), JSON.stringify(out, undefined, 2) + '\n');
console.log('wrote schema/requirements.schema.json');
