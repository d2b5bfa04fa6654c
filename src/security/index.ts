export { SecurityRule } from './policy/security-rule';
export { SecurityPolicy, SecurityPolicyProps, RuleRelaxation } from './policy/security-policy';
export { Acknowledgements, Acknowledgement } from './acknowledgements';
export { RequiredTags } from './tags';
export { CdkInfraEngineerChecks, CdkInfraEngineerChecksProps } from './cdk-infra-engineer-checks';
export { RulePack } from './evaluation/rule-packs';
export { ComplianceEvaluation, FrameworkScore, AcknowledgedFinding, SecurityFinding } from './evaluation/model';
export { StackSecurity, StackSecurityProps } from './stack-security';
