import { SecurityRule } from './security-rule';
import { ComplianceFramework } from '../../requirements';

/**
 * The policy rules each compliance framework requires: relaxing one of them must name the
 * framework (`SecurityPolicy.relax(rule, reason, [framework])`), and that framework's pack
 * then scores the relaxed findings as failed.
 */
export const FRAMEWORK_REQUIRED_RULES: Record<ComplianceFramework, SecurityRule[]> = {
  [ComplianceFramework.HIPAA]: [SecurityRule.ENCRYPTION_AT_REST, SecurityRule.CUSTOMER_MANAGED_KEYS, SecurityRule.TLS_ONLY,
    SecurityRule.BLOCK_PUBLIC_ACCESS, SecurityRule.ACCESS_LOGS, SecurityRule.LOG_RETENTION, SecurityRule.BACKUPS],
  [ComplianceFramework.PCI_DSS_321]: [SecurityRule.ENCRYPTION_AT_REST, SecurityRule.CUSTOMER_MANAGED_KEYS, SecurityRule.TLS_ONLY,
    SecurityRule.BLOCK_PUBLIC_ACCESS, SecurityRule.ACCESS_LOGS, SecurityRule.LOG_RETENTION, SecurityRule.BACKUPS],
  [ComplianceFramework.NIST_800_53_R5]: [SecurityRule.ENCRYPTION_AT_REST, SecurityRule.CUSTOMER_MANAGED_KEYS, SecurityRule.TLS_ONLY,
    SecurityRule.BLOCK_PUBLIC_ACCESS, SecurityRule.ACCESS_LOGS, SecurityRule.LOG_RETENTION, SecurityRule.BACKUPS],
};

/** The rule pack (prefix of its rule ids) that checks each framework. */
export const FRAMEWORK_PACK: Record<ComplianceFramework, string> = {
  [ComplianceFramework.HIPAA]: 'HIPAA.Security',
  [ComplianceFramework.PCI_DSS_321]: 'PCI.DSS.321',
  [ComplianceFramework.NIST_800_53_R5]: 'NIST.800.53.R5',
};
