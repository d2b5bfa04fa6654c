import { distributionAlarms, watched } from '../alarms';
import { decisionIn } from '../decision';
import { ComputeRuntime, DecisionArea, MonitoredResourceKind, ServiceBlockKind } from '../model';
import { offPath, onPath, SLA } from '../slas';
import { basePlan, entry, trafficText } from './compute-shapes';
import { WorkloadDesigner } from './designer';

/** Static files from a private bucket behind CloudFront; no code runs on the server. */
export const staticSiteDesigner: WorkloadDesigner = {
  runtimes: () => [ComputeRuntime.S3_CLOUDFRONT],
  design(s, ctx) {
    const plan = {
      ...basePlan(s, ctx),
      runtime: ComputeRuntime.S3_CLOUDFRONT,
      block: ServiceBlockKind.STATIC_SITE,
      memoryMiB: 0,
      cpuUnits: 0,
      minTasks: 0,
      maxTasks: 0,
      timeoutSeconds: 0,
      inVpc: false,
      usesPlaceholder: !s.codePath,
      publicEndpoint: true,
      webApplicationFirewall: false,
    };
    return {
      plan,
      decisions: [
        decisionIn(DecisionArea.COMPUTE, s.name, 'Amazon S3 + CloudFront with origin access control',
          `static website, ${trafficText(s, plan)}: no code runs on the server, so files are served from a private bucket through the CDN`, [
            { option: 'Fargate web server', whyNot: 'pays for always-on compute to serve files' },
            { option: 'S3 website hosting', whyNot: 'needs a public bucket and serves HTTP only' },
          ]),
        decisionIn(DecisionArea.EDGE, s.name, 'CloudFront (HTTPS, security headers); no WAF by default',
          'CloudFront-scope WAF web ACLs must be created in us-east-1, and this stack may deploy to any region', [
            { option: 'CloudFront + WAF', whyNot: 'needs a web ACL in us-east-1; attach one with StaticSite webAclArn' },
          ]),
      ],
    };
  },
  usage: (plan, t) => [entry(plan.name, 'Distribution', { monthlyRequests: t.monthlyRequests, monthlyDataTransferOutGb: t.monthlyResponseGb },
    `${t.monthlyRequests.toLocaleString('en-US')} requests (${t.source}) of ${t.averageResponseSizeKb} KB: ${t.monthlyResponseGb} GB out`)],
  bill: (plan) => [{ scope: 'Services', block: plan.name, path: 'Distribution', type: 'AWS::CloudFront::Distribution', properties: {} }],
  // CloudFront answers from its edge cache (the site's files are cached for a day by default);
  // the bucket is read on a cache miss only, so a request waits on CloudFront, not on S3.
  requestPath: () => [onPath(SLA.cloudFront), offPath(SLA.s3)],
  alarms: (plan) => watched(plan.name, MonitoredResourceKind.DISTRIBUTION, plan.name, distributionAlarms()),
};
