import { EnvironmentTier, ComplianceFramework } from '../../src/requirements';
import { evaluateArchetypes } from './matrix';

test('scratch', () => {
  for (const tier of [EnvironmentTier.PRODUCTION, EnvironmentTier.DEVELOPMENT]) {
    for (const fw of [[], [ComplianceFramework.HIPAA, ComplianceFramework.PCI_DSS_321, ComplianceFramework.NIST_800_53_R5]]) {
      try {
        const r = evaluateArchetypes(tier, fw);
        for (const { label, evaluation } of r) {
          console.log(tier, fw.join('+'), label, evaluation.findings.map((f) => `${f.ruleId} ${f.resourcePath} ${f.description}`).join('\n'));
        }
      } catch (e) { console.log(tier, fw.join('+'), (e as Error).message.slice(0, 6000)); }
    }
  }
});
