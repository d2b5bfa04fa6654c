import { InfrastructureDesign } from '../../src/design';

type Template = { Resources: Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }> };

/**
 * Deploy-time rules a synthesized template must keep, checked on every stack the tests
 * build: things CloudFormation or the service would reject, or that would contradict the
 * design. Returns the broken rules (empty when all hold).
 */
export function brokenDeployRules(template: Template, design: InfrastructureDesign): string[] {
  const broken: string[] = [];
  const resources = template.Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  // Lambda rejects an SQS trigger whose queue visibility timeout is below the function timeout.
  for (const [id, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
    const queueId = mapping.Properties?.EventSourceArn?.['Fn::GetAtt']?.[0];
    const fnId = mapping.Properties?.FunctionName?.Ref;
    const queue = resources[queueId];
    const fn = resources[fnId];
    if (queue?.Type !== 'AWS::SQS::Queue' || !fn) continue;
    const visibility = queue.Properties?.VisibilityTimeout ?? 30;
    const timeout = fn.Properties?.Timeout ?? 3;
    if (visibility < timeout) broken.push(`${id}: queue ${queueId} visibility ${visibility}s < function ${fnId} timeout ${timeout}s`);
  }

  // The template has the NAT gateways the design promises.
  const nat = ofType('AWS::EC2::NatGateway').length;
  if (nat !== design.network.natGateways) broken.push(`NAT gateways: design says ${design.network.natGateways}, template has ${nat}`);

  // Every dead-letter queue is watched (a DLQ nobody looks at loses failures silently).
  const alarmed = new Set(ofType('AWS::CloudWatch::Alarm').flatMap(([, a]) => JSON.stringify(a.Properties ?? {}).match(/"Fn::GetAtt":\["([A-Za-z0-9]+)","QueueName"\]/g) ?? [])
    .map((m) => m.split('"')[3]));
  for (const [id] of ofType('AWS::SQS::Queue')) {
    if (/DeadLetterQueue/.test(id) && !alarmed.has(id)) broken.push(`dead-letter queue ${id} has no alarm`);
  }
  return broken;
}
