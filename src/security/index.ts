export { SecurityRule } from './policy/security-rule';
export { SecurityPolicy, type SecurityPolicyProps, type RuleRelaxation } from './policy/security-policy';
export { Acknowledgements, type Acknowledgement } from './acknowledgements';
export { RequiredTags } from './tags';
export { CdkInfraEngineerChecks, type CdkInfraEngineerChecksProps } from './cdk-infra-engineer-checks';
export { RulePack } from './evaluation/rule-packs';
export type { ComplianceEvaluation, FrameworkScore, AcknowledgedFinding, SecurityFinding } from './evaluation/model';
export { StackSecurity, type StackSecurityProps } from './stack-security';
