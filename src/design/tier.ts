import { ApplicationRequirements, EnvironmentTier } from '../requirements';
import { ArchitectureDecision, DecisionArea, ResiliencePlan } from './model';

interface TierDefaults {
  readonly targetPercent: number;
  readonly rpoMinutes: number;
  readonly rtoMinutes: number;
  readonly logRetentionDays: number;
}

/** Per-tier defaults for what the requirements leave out. */
export const TIER_DEFAULTS: Record<EnvironmentTier, TierDefaults> = {
  [EnvironmentTier.DEVELOPMENT]: { targetPercent: 99, rpoMinutes: 1440, rtoMinutes: 1440, logRetentionDays: 30 },
  [EnvironmentTier.STAGING]: { targetPercent: 99.5, rpoMinutes: 1440, rtoMinutes: 1440, logRetentionDays: 90 },
  [EnvironmentTier.PRODUCTION]: { targetPercent: 99.9, rpoMinutes: 60, rtoMinutes: 240, logRetentionDays: 365 },
};

export function planResilience(req: ApplicationRequirements): { plan: ResiliencePlan; decision: ArchitectureDecision } {
  const tier = req.environment;
  const d = TIER_DEFAULTS[tier];
  const production = tier === EnvironmentTier.PRODUCTION;
  const plan: ResiliencePlan = {
    environment: tier,
    retainOnDelete: tier !== EnvironmentTier.DEVELOPMENT,
    deletionProtection: production,
    logRetentionDays: d.logRetentionDays,
    targetAvailabilityPercent: req.availability?.targetPercent ?? d.targetPercent,
    rpoMinutes: req.availability?.rpoMinutes ?? d.rpoMinutes,
    rtoMinutes: req.availability?.rtoMinutes ?? d.rtoMinutes,
  };
  const choice = production
    ? 'production: stateful resources retained on stack deletion, deletion protection on, logs kept 1 year'
    : tier === EnvironmentTier.STAGING
      ? 'staging: stateful resources retained on stack deletion, no deletion protection, logs kept 90 days'
      : 'development: disposable; stateful resources destroyed with the stack, logs kept 30 days';
  return {
    plan,
    decision: {
      area: DecisionArea.ENVIRONMENT,
      subject: req.name,
      choice,
      rationale: `environment tier '${tier}'; availability target ${plan.targetAvailabilityPercent}%, `
        + `RPO ${plan.rpoMinutes} min, RTO ${plan.rtoMinutes} min`
        + (req.availability ? '' : ' (tier defaults: no availability requirements were given)'),
      alternatives: production
        ? [{ option: 'destroy on delete', whyNot: 'a production stack deletion must never delete data' }]
        : [{ option: 'deletion protection', whyNot: `a ${tier} stack must be easy to tear down and rebuild` }],
    },
  };
}
