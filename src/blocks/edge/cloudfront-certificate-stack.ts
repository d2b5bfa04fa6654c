import { Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';

/** Properties for a `CloudFrontCertificateStack`. */
export interface CloudFrontCertificateStackProps extends StackProps {
  /** Names the certificate covers (the first is its domain name). */
  readonly domainNames: string[];
  /** The hosted zone the validation records go in (no lookup: `HostedZone.fromHostedZoneAttributes`). */
  readonly hostedZone: route53.IHostedZone;
}

/**
 * A stack in us-east-1 holding a DNS-validated certificate for CloudFront, which takes
 * certificates from that region only. The stack that uses it must set
 * `crossRegionReferences: true` and an explicit `env` with its region, and add a dependency
 * on this stack (`site.addDependency(certificates)`); CDK carries the ARN over through SSM
 * parameters.
 *
 * Construct ids (contract): 'Certificate'.
 */
export class CloudFrontCertificateStack extends Stack {
  /** The certificate, for `StaticSite.certificate`. */
  public readonly certificate: acm.ICertificate;

  constructor(scope: Construct, id: string, props: CloudFrontCertificateStackProps) {
    super(scope, id, { ...props, env: { account: props.env?.account, region: 'us-east-1' }, crossRegionReferences: true });
    if (props.domainNames.length === 0) throw new Error(`${this.node.path}: domainNames must name at least one domain`);
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZone.hostedZoneId, zoneName: props.hostedZone.zoneName,
    });
    this.certificate = new acm.Certificate(this, 'Certificate', {
      domainName: props.domainNames[0],
      subjectAlternativeNames: props.domainNames.slice(1),
      validation: acm.CertificateValidation.fromDns(zone),
    });
  }
}
