import { Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** Properties for a `CloudFrontCertificateStack`. */
export interface CloudFrontCertificateStackProps extends StackProps {
  /**
   * Names the stack's first certificate covers (the first is its domain name); more
   * certificates are added with `addCertificate`.
   * @default - no certificate until `addCertificate`
   */
  readonly domainNames?: string[];
  /** The hosted zone the validation records go in (no lookup: `HostedZone.fromHostedZoneAttributes`). */
  readonly hostedZone: route53.IHostedZone;
}

/**
 * A stack in us-east-1 holding DNS-validated certificates for CloudFront, which takes
 * certificates from that region only. The stack that uses them must set
 * `crossRegionReferences: true` and an explicit `env` with its region; CDK carries each ARN
 * over through SSM parameters (and adds the dependency on this stack).
 *
 * Keep one certificate per distribution (`addCertificate` with a stable id): a certificate
 * another stack imports cannot change (CDK's export writer refuses to update an exported
 * value in use), so adding a site must add a certificate, never widen one.
 *
 * Construct ids (contract): 'Certificate' (of `domainNames`), and the ids given to `addCertificate`.
 */
export class CloudFrontCertificateStack extends Stack {
  /**
   * The certificate of `domainNames`, for `StaticSite.certificate`.
   * @default - none without `domainNames`
   */
  public readonly certificate?: acm.ICertificate;
  private readonly zone: route53.IHostedZone;

  constructor(scope: Construct, id: string, props: CloudFrontCertificateStackProps) {
    super(scope, id, { ...props, env: { account: props.env?.account, region: 'us-east-1' }, crossRegionReferences: true });
    if (props.domainNames !== undefined && props.domainNames.length === 0) {
      throw new Error(`${this.node.path}: domainNames must name at least one domain (or leave it out and call addCertificate)`);
    }
    this.zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZone.hostedZoneId, zoneName: props.hostedZone.zoneName,
    });
    if (props.domainNames) this.certificate = this.addCertificate('Certificate', props.domainNames);
  }

  /** Adds a DNS-validated certificate covering `domainNames` (the first is its domain name), with construct id `id`. */
  public addCertificate(id: string, domainNames: string[]): acm.ICertificate {
    if (domainNames.length === 0) throw new Error(`${this.node.path}/${id}: domainNames must name at least one domain`);
    return new acm.Certificate(this, id, {
      domainName: domainNames[0],
      subjectAlternativeNames: domainNames.length > 1 ? domainNames.slice(1) : undefined,
      validation: acm.CertificateValidation.fromDns(this.zone),
    });
  }
}
