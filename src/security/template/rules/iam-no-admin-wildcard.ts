import { statementsOf, labelOf } from './policy-statements';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule, Unknown } from '../model';
import { asList } from '../resolve';

/** Where each IAM type keeps its policy documents. */
function documentsOf(type: string, p: { [key: string]: unknown }): unknown[] | undefined {
  if (type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') return [p.PolicyDocument];
  if (type === 'AWS::IAM::Role' || type === 'AWS::IAM::User' || type === 'AWS::IAM::Group') {
    return asList(p.Policies).map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>).PolicyDocument : undefined));
  }
  return undefined;
}

/** IAM policies never allow a wildcard action (`*`, `s3:*`, `s3:Get*`, or NotAction) on every resource (`*`). */
export const IAMNoWildcardActionOnAnyResource: TemplateRule = {
  id: 'IAMNoWildcardActionOnAnyResource',
  info: 'The IAM policy allows wildcard actions on every resource.',
  fix: 'Grant the exact actions the code calls on the exact resources (bucket.grantRead(fn), table.grantReadWriteData(fn)).',
  covers: ['IAMNoWildcardPermissions', 'IAMNoWildcardActions'],
  check(resource) {
    const documents = documentsOf(resource.type, resource.properties);
    if (!documents) return NOT_APPLICABLE;
    const problems: string[] = [];
    for (const document of documents) {
      statementsOf(document).forEach((s, i) => {
        if (s.Effect !== 'Allow') return;
        const everyResource = asList(s.Resource).some((r) => r === '*' || r instanceof Unknown) || s.NotResource !== undefined;
        if (!everyResource) return;
        const wild = s.NotAction !== undefined ? ['NotAction']
          : asList(s.Action).filter((a) => a instanceof Unknown || (typeof a === 'string' && a.includes('*'))).map((a) => (typeof a === 'string' ? a : '<unknown>'));
        if (wild.length) problems.push(`${labelOf(s, i)} allows ${wild.join(', ')} on resource *`);
      });
    }
    return problems.length ? problems : COMPLIANT;
  },
};
