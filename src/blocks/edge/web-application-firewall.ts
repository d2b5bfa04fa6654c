import { ArnFormat, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** AWS managed rule groups always in the web ACL, in priority order. */
const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
];

/**
 * Defaults. Rule: user props win, except the managed rule groups, CloudWatch metrics and
 * request logging to CloudWatch Logs, which are always on.
 */
const WEB_ACL_DEFAULTS = {
  rateLimitPer5Minutes: 2000,
  logRetention: logs.RetentionDays.ONE_YEAR,
  removalPolicy: RemovalPolicy.RETAIN,
};

/** Properties for a `RegionalWebAcl`. */
export interface RegionalWebAclProps {
  /**
   * Requests per client IP in any 5-minute window above which the IP is blocked (10 to 2,000,000,000).
   * @default 2000
   */
  readonly rateLimitPer5Minutes?: number;
  /**
   * Name of the web ACL; also its CloudWatch metric name.
   * @default - a unique name derived from the construct path
   */
  readonly webAclName?: string;
  /**
   * Retention of the request log group (`aws-waf-logs-<web ACL name>`).
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Removal policy of the request log group.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A REGIONAL WAFv2 web ACL (for ALBs, API Gateway REST APIs) with AWS managed rule
 * groups and a per-IP rate-based rule, logging its requests to CloudWatch Logs.
 *
 * Construct ids (contract): 'WebAcl', 'LogGroup', 'Logging', and the id given to `associate()`.
 */
export class RegionalWebAcl extends Construct {
  /** ARN of the web ACL. */
  public readonly webAclArn: string;
  /** Name of the web ACL. */
  public readonly webAclName: string;
  /** CloudWatch metric name of the web ACL (the `WebACL` dimension of AWS/WAFV2 metrics). */
  public readonly metricName: string;
  /** Metric name of the rate-based rule (the `Rule` dimension, with `WebACL` = metricName). */
  public readonly rateLimitRuleMetricName: string;
  /** The underlying CloudFormation web ACL. */
  public readonly webAcl: wafv2.CfnWebACL;
  /** Where the web ACL logs requests (its name starts with `aws-waf-logs-`, as WAF requires). */
  public readonly logGroup: logs.ILogGroup;

  constructor(scope: Construct, id: string, props: RegionalWebAclProps = {}) {
    super(scope, id);
    const limit = props.rateLimitPer5Minutes ?? WEB_ACL_DEFAULTS.rateLimitPer5Minutes;
    if (!Token.isUnresolved(limit) && (limit < 10 || limit > 2_000_000_000)) {
      throw new Error(`${this.node.path}: rateLimitPer5Minutes must be between 10 and 2000000000, got ${limit}`);
    }

    this.webAclName = props.webAclName ?? Names.uniqueResourceName(this, { maxLength: 128, separator: '-' });
    this.metricName = this.webAclName;
    this.rateLimitRuleMetricName = 'RateLimitPerIp';

    const managedRules: wafv2.CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((name, index) => ({
      name,
      priority: index + 1,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    }));

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: this.webAclName,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(this.metricName),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility(this.rateLimitRuleMetricName),
        },
        ...managedRules,
      ],
    });
    this.webAclArn = this.webAcl.attrArn;

    const logGroupName = `aws-waf-logs-${this.webAclName}`;
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName,
      retention: props.logRetention ?? WEB_ACL_DEFAULTS.logRetention,
      removalPolicy: props.removalPolicy ?? WEB_ACL_DEFAULTS.removalPolicy,
    });
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAclArn,
      // WAF wants the log group ARN without the ':*' suffix CloudFormation's Arn attribute has.
      logDestinationConfigs: [Stack.of(this).formatArn({
        service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
    });
    logging.node.addDependency(this.logGroup);
  }

  /** Associate the web ACL with a regional resource (an ALB, a REST API stage, ...). */
  public associate(resourceArn: string, id: string): wafv2.CfnWebACLAssociation {
    return new wafv2.CfnWebACLAssociation(this, id, { resourceArn, webAclArn: this.webAclArn });
  }
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}
