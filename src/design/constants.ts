/**
 * Figures the design, its usage model and the reliability checks share. One place, so a
 * decision's rationale and the cost section never quote two different numbers.
 */

import { HOURS_PER_MONTH } from '../cost/estimator/context';

/** Hours in the month AWS prices by (365 x 24 / 12): the estimator's figure. */
export { HOURS_PER_MONTH };
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Days in that month (730 / 24). */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;
/** Assumed average function duration: concurrency estimates and the functions' GB-seconds. */
export const ASSUMED_DURATION_SECONDS = 0.1;
/** Requests per second one 0.5 vCPU Fargate task is assumed to serve. */
export const REQUESTS_PER_TASK = 100;
/** Queries per second one Aurora capacity unit (2 GiB) is assumed to serve. */
export const QUERIES_PER_ACU = 250;
/** Monthly requests assumed for a request-driven service that gives no traffic. */
export const DEFAULT_MONTHLY_REQUESTS = 1_000_000;
/** Peak requests per second assumed when no traffic is given. */
export const DEFAULT_PEAK_RPS = 10;
/** Average response size in KB assumed when the traffic gives none. */
export const DEFAULT_RESPONSE_KB = 10;
/** Schedule of a scheduled job that gives none. */
export const DEFAULT_SCHEDULE = 'rate(1 hour)';
/** The rule packs every stack is checked against, besides the compliance frameworks' own. */
export const BASE_RULE_PACKS = ['AwsSolutions', 'CdkInfraEngineer'];
/** The rule pack added when the application runs functions. */
export const SERVERLESS_RULE_PACK = 'Serverless';
/** What stands in for the owner and cost-center tags when the requirements leave them out. */
export function tagStandIn(applicationName: string): string {
  return applicationName;
}
