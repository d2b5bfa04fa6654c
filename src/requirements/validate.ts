import { checkEnum, checkName, checkNumber, checkUnique, describe, isObject, Problems } from './checks';
import {
  BudgetEnforcement,
  CacheAuthenticationRequirement,
  ComplianceFramework,
  DataStoreKind,
  EnvironmentTier,
} from './enums';
import { RequirementsValidationError } from './problem';
import { ApplicationRequirements, ValidationProblem } from './types';
import { checkUnknownKeys } from './unknown-keys';
import { isReasonSentence, validateEdge } from './validate-edge';
import { validateServices } from './validate-services';

/** Characters AWS accepts in tag keys and values. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** Largest cache we size nodes for: 75% of cache.r7g.4xlarge's 105.81 GiB is usable for data. */
export const MAX_CACHE_GB = 79;

/**
 * Validates requirements and returns every problem found (an empty list when valid).
 * Accepts any value, so that callers from other languages and plain JavaScript get field
 * errors rather than crashes.
 */
export function findRequirementProblems(input: unknown): ValidationProblem[] {
  const p: Problems = [];
  const root = 'requirements';
  if (!isObject(input)) {
    return [{ path: root, message: `must be an object with name, environment and services, got ${describe(input)}` }];
  }
  const r = input as Record<string, unknown>;
  checkName(p, `${root}.name`, r.name);
  checkEnum(p, `${root}.environment`, r.environment, EnvironmentTier, 'EnvironmentTier', true);

  const stores = validateDataStores(p, `${root}.dataStores`, r.dataStores, Array.isArray(r.compliance) && r.compliance.length > 0);
  validateServices(p, `${root}.services`, r.services, stores);
  validateAvailability(p, `${root}.availability`, r.availability, r.environment);

  if (r.compliance !== undefined) {
    if (!Array.isArray(r.compliance)) {
      p.push({ path: `${root}.compliance`, message: `must be a list of ComplianceFramework values, got ${describe(r.compliance)}` });
    } else {
      const seen = new Set<unknown>();
      r.compliance.forEach((c, i) => {
        if (checkEnum(p, `${root}.compliance[${i}]`, c, ComplianceFramework, 'ComplianceFramework', true) && seen.has(c)) {
          p.push({ path: `${root}.compliance[${i}]`, message: `lists '${c}' twice` });
        }
        seen.add(c);
      });
    }
  }
  if (r.budget !== undefined) {
    if (!isObject(r.budget)) {
      p.push({ path: `${root}.budget`, message: `must be an object with monthlyUsd, got ${describe(r.budget)}` });
    } else {
      if (r.budget.monthlyUsd === undefined) p.push({ path: `${root}.budget.monthlyUsd`, message: 'is required: a number > 0' });
      checkNumber(p, `${root}.budget.monthlyUsd`, r.budget.monthlyUsd, 0, true);
      checkEnum(p, `${root}.budget.enforcement`, r.budget.enforcement, BudgetEnforcement, 'BudgetEnforcement', false);
    }
  }
  validateTags(p, `${root}.tags`, r.tags);
  validateEdge(p, root, r);
  checkUnknownKeys(p, root, r);
  if (r.domainName !== undefined && (typeof r.domainName !== 'string' || !DOMAIN_PATTERN.test(r.domainName))) {
    p.push({ path: `${root}.domainName`, message: `must be a lowercase domain name such as 'shop.example.com', got ${describe(r.domainName)}` });
  }
  return p;
}

/** Throws a RequirementsValidationError listing every problem, or returns the input typed. */
export function validateRequirements(input: unknown): ApplicationRequirements {
  const problems = findRequirementProblems(input);
  if (problems.length > 0) throw new RequirementsValidationError(problems);
  return input as ApplicationRequirements;
}

/** Returns the declared stores by name (valid ones only). */
function validateDataStores(p: Problems, path: string, value: unknown, underFramework: boolean): Map<string, DataStoreKind> {
  const stores = new Map<string, DataStoreKind>();
  if (value === undefined) return stores;
  if (!Array.isArray(value)) {
    p.push({ path, message: `must be a list of data stores, got ${describe(value)}` });
    return stores;
  }
  const seen = new Map<string, string>();
  value.forEach((s, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(s)) {
      p.push({ path: at, message: `must be an object with name and kind, got ${describe(s)}` });
      return;
    }
    const nameOk = checkName(p, `${at}.name`, s.name);
    const kindOk = checkEnum(p, `${at}.kind`, s.kind, DataStoreKind, 'DataStoreKind', true);
    checkNumber(p, `${at}.storageGb`, s.storageGb, 0, false, s.kind === DataStoreKind.CACHE ? MAX_CACHE_GB : 128_000);
    // DynamoDB's default per-table quota is 40,000 read and 40,000 write units a second.
    const maxRate = s.kind === DataStoreKind.KEY_VALUE ? 40_000 : 1_000_000;
    checkNumber(p, `${at}.readsPerSecond`, s.readsPerSecond, 0, false, maxRate);
    checkNumber(p, `${at}.writesPerSecond`, s.writesPerSecond, 0, false, maxRate);
    validateCacheAuthentication(p, at, s, underFramework);
    if (nameOk && !checkUnique(p, `${at}.name`, s.name as string, seen, 'data store')) {
      return;
    } else if (nameOk && kindOk) {
      stores.set(s.name as string, s.kind as DataStoreKind);
    } else if (nameOk) {
      stores.set(s.name as string, undefined as unknown as DataStoreKind);
    }
  });
  return stores;
}

function validateCacheAuthentication(p: Problems, at: string, s: Record<string, unknown>, underFramework: boolean): void {
  if (s.authentication !== undefined && s.kind !== DataStoreKind.CACHE) {
    p.push({ path: `${at}.authentication`, message: `applies only to DataStoreKind.CACHE, not ${describe(s.kind)}` });
    return;
  }
  if (!checkEnum(p, `${at}.authentication`, s.authentication, CacheAuthenticationRequirement, 'CacheAuthenticationRequirement', false)) return;
  const none = s.authentication === CacheAuthenticationRequirement.NONE || (s.authentication === undefined && !underFramework);
  if (s.authenticationReason !== undefined && !none) {
    p.push({ path: `${at}.authenticationReason`, message: 'applies only to authentication CacheAuthenticationRequirement.NONE (\'none\')' });
  } else if (s.authentication === CacheAuthenticationRequirement.NONE && underFramework && !isReasonSentence(s.authenticationReason)) {
    p.push({
      path: `${at}.authenticationReason`,
      message: 'is required for authentication CacheAuthenticationRequirement.NONE (\'none\') under a compliance framework: say in a sentence why '
        + `the cache's clients connect without authentication (it is shown in the report), or use CacheAuthenticationRequirement.IAM ('iam'); got ${describe(s.authenticationReason)}`,
    });
  }
}

function validateAvailability(p: Problems, path: string, value: unknown, environment: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    p.push({ path, message: `must be an object with targetPercent, rpoMinutes, rtoMinutes, got ${describe(value)}` });
    return;
  }
  const targetOk = checkNumber(p, `${path}.targetPercent`, value.targetPercent, 90, false, 99.999);
  checkNumber(p, `${path}.rpoMinutes`, value.rpoMinutes, 0, false, 525_600);
  checkNumber(p, `${path}.rtoMinutes`, value.rtoMinutes, 0, false, 525_600);
  if (targetOk && typeof value.targetPercent === 'number' && value.targetPercent > 99.95
    && environment === EnvironmentTier.DEVELOPMENT) {
    p.push({
      path: `${path}.targetPercent`,
      message: `${value.targetPercent} contradicts EnvironmentTier.DEVELOPMENT, which is single-NAT and disposable: use up to 99.95 or EnvironmentTier.STAGING/PRODUCTION`,
    });
  }
}

function validateTags(p: Problems, path: string, value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    p.push({ path, message: `must be an object of string keys to string values, got ${describe(value)}` });
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.length < 1 || key.length > 128 || key.toLowerCase().startsWith('aws:') || !TAG_CHARACTERS.test(key)) {
      p.push({ path: `${path}['${key}']`, message: 'must be a key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with \'aws:\'' });
    }
    if (typeof v !== 'string' || v.length > 256 || !TAG_CHARACTERS.test(v)) {
      p.push({ path: `${path}['${key}']`, message: `must be a value of at most 256 letters, digits, spaces and _ . : / = + - @, got ${describe(v)}` });
    }
  }
}
