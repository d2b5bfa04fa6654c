// prepack: refuse to pack a package whose compiled files are missing (npm would pack it silently).
const fs = require('fs');

const missing = process.argv.slice(2).filter((file) => !fs.existsSync(file));
if (missing.length > 0) {
  console.error(`cannot pack ${process.cwd()}: ${missing.join(', ')} missing; run \`npx projen compile\` at the repository root first`);
  process.exit(1);
}
