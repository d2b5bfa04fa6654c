import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeRules, inCompliancePacks } from '../acknowledge';

const PLACEHOLDER_HTML = [
  '<!doctype html>',
  '<html><head><meta charset="utf-8"><title>Placeholder</title></head>',
  '<body><h1>Placeholder site</h1>',
  '<p>Created by cdk-infra-engineer. Set <code>contentPath</code> to deploy your site.</p>',
  '</body></html>',
].join('\n');

/**
 * Secure defaults. Rule: user props win, except these which are always on: a private
 * bucket (block all public access, S3-managed encryption, TLS-only policy, versioning),
 * Origin Access Control, HTTPS redirect, security response headers, and TLS 1.2 minimum
 * when a certificate is given.
 */
const STATIC_SITE_DEFAULTS = {
  priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
  removalPolicy: RemovalPolicy.RETAIN,
  defaultRootObject: 'index.html',
  deploymentMemoryMiB: 512,
  minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  /** Deploys replace every file, so old versions pile up; keep them long enough to roll back. */
  noncurrentVersionExpiration: Duration.days(30),
};

/** Properties for a `StaticSite`. */
export interface StaticSiteProps {
  /**
   * Local folder whose files are deployed to the bucket.
   * @default - a placeholder index.html
   */
  readonly contentPath?: string;
  /**
   * Serve this bucket instead of creating one (its bucket policy is not managed here
   * when it is imported).
   * @default - a new private bucket
   */
  readonly existingBucket?: s3.IBucket;
  /**
   * Removal policy of a created bucket.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * CloudFront price class.
   * @default cloudfront.PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: cloudfront.PriceClass;
  /**
   * Certificate (in us-east-1) for custom domain names.
   * @default - the CloudFront default certificate
   */
  readonly certificate?: acm.ICertificate;
  /**
   * Custom domain names. Each needs `certificate` (in us-east-1), or `hostedZone` in a stack
   * in us-east-1, where a DNS-validated certificate is created. From another region, create
   * the certificate with a `CloudFrontCertificateStack`.
   * @default - the CloudFront domain only
   */
  readonly domainNames?: string[];
  /**
   * Hosted zone of `domainNames`: A and AAAA alias records are created in it.
   * @default - no DNS records
   */
  readonly hostedZone?: route53.IHostedZone;
  /**
   * ARN of a CLOUDFRONT-scope WAFv2 web ACL to attach.
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * Countries the site is served to (or not).
   * @default - every country
   */
  readonly geoRestriction?: cloudfront.GeoRestriction;
  /**
   * Bucket for CloudFront standard access logs (needs ACLs enabled, for example
   * object ownership BUCKET_OWNER_PREFERRED).
   * @default - no access logs
   */
  readonly accessLogBucket?: s3.IBucket;
}

/**
 * A static website: a private S3 bucket served by CloudFront through Origin Access Control.
 *
 * Construct ids (contract): 'Bucket', 'Distribution', 'Deployment', 'Certificate', 'AliasRecord<i>', 'AliasRecordIpv6<i>'.
 */
export class StaticSite extends Construct {
  /** The content bucket. */
  public readonly bucket: s3.IBucket;
  /** The CloudFront distribution. */
  public readonly distribution: cloudfront.Distribution;
  /** The site URL (`https://<distribution domain>`). */
  public readonly url: string;
  /** True when a placeholder index.html is deployed. */
  public readonly usesPlaceholder: boolean;

  constructor(scope: Construct, id: string, props: StaticSiteProps = {}) {
    super(scope, id);
    const d = STATIC_SITE_DEFAULTS;
    this.usesPlaceholder = props.contentPath === undefined;

    // Construct id 'Bucket' is a contract.
    this.bucket = props.existingBucket ?? new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: props.removalPolicy ?? d.removalPolicy,
      // A bucket destroyed with its stack is emptied first, or CloudFormation cannot delete it.
      autoDeleteObjects: (props.removalPolicy ?? d.removalPolicy) === RemovalPolicy.DESTROY,
      lifecycleRules: [{ id: 'ExpireOldVersions', noncurrentVersionExpiration: d.noncurrentVersionExpiration, abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });
    const certificate = props.certificate ?? this.createCertificate(props);

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      defaultRootObject: d.defaultRootObject,
      priceClass: props.priceClass ?? d.priceClass,
      certificate,
      domainNames: props.domainNames,
      minimumProtocolVersion: certificate ? d.minimumProtocolVersion : undefined,
      webAclId: props.webAclArn,
      geoRestriction: props.geoRestriction,
      enableLogging: props.accessLogBucket !== undefined,
      logBucket: props.accessLogBucket,
    });

    this.acknowledgeDesignChoices(props, certificate !== undefined);
    if (props.hostedZone) {
      const target = route53.RecordTarget.fromAlias(new route53Targets.CloudFrontTarget(this.distribution));
      (props.domainNames ?? []).forEach((recordName, i) => {
        new route53.ARecord(this, `AliasRecord${i}`, { zone: props.hostedZone!, recordName, target });
        new route53.AaaaRecord(this, `AliasRecordIpv6${i}`, { zone: props.hostedZone!, recordName, target });
      });
    }

    new s3deploy.BucketDeployment(this, 'Deployment', {
      memoryLimit: STATIC_SITE_DEFAULTS.deploymentMemoryMiB,
      destinationBucket: this.bucket,
      sources: [props.contentPath
        ? s3deploy.Source.asset(props.contentPath)
        : s3deploy.Source.data('index.html', PLACEHOLDER_HTML)],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });

    this.url = `https://${props.domainNames?.[0] ?? this.distribution.distributionDomainName}`;
  }

  /** A DNS-validated certificate for the domain names; CloudFront only takes one from us-east-1. */
  private createCertificate(props: StaticSiteProps): acm.ICertificate | undefined {
    const names = props.domainNames ?? [];
    if (names.length === 0) return undefined;
    if (!props.hostedZone) {
      throw new Error(`${this.node.path}: domainNames need a certificate (in us-east-1) or a hostedZone to validate one in`);
    }
    const region = Stack.of(this).region;
    if (Token.isUnresolved(region) || region !== 'us-east-1') {
      throw new Error(`${this.node.path}: CloudFront takes certificates from us-east-1 only, and this stack is in ${Token.isUnresolved(region) ? 'an unknown region' : region}: `
        + 'create it with a CloudFrontCertificateStack and pass its certificate');
    }
    return new acm.Certificate(this, 'Certificate', {
      domainName: names[0],
      subjectAlternativeNames: names.slice(1),
      validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });
  }

  /** Findings this block's choices raise, each with the reason. */
  private acknowledgeDesignChoices(props: StaticSiteProps, hasCertificate: boolean): void {
    if (!props.existingBucket) {
      acknowledgeRules(this.bucket, inCompliancePacks('S3BucketReplicationEnabled'),
        'Site files are deployed from the application\'s source on every deployment (BucketDeployment); the source is the '
        + 'copy to restore from, so a replica would add cost without a recovery point.');
    }
    if (!props.geoRestriction) {
      acknowledgeRules(this.distribution, ['AwsSolutions-CFR1'],
        'A public site served to every country; pass geoRestriction to limit where it is served.');
    }
    if (!props.webAclArn) {
      acknowledgeRules(this.distribution, ['AwsSolutions-CFR2'],
        'A CloudFront web ACL must be created in us-east-1, and this stack may deploy to any region; the site serves static '
        + 'files only. Pass webAclArn to attach one.');
    }
    if (!hasCertificate) {
      acknowledgeRules(this.distribution, ['AwsSolutions-CFR4'],
        'Served on the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; pass certificate and domainNames '
        + 'to enforce TLS 1.2 or later.');
    }
  }
}
