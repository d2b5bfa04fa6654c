import { isAnyPrincipal } from './policy-statements';
import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';

/**
 * Lambda permissions for principal `*` name a source (SourceArn, SourceAccount or
 * PrincipalOrgID) and never open a function URL without authentication.
 */
export const LambdaPermissionNotPublic: TemplateRule = {
  id: 'LambdaPermissionNotPublic',
  info: 'The Lambda permission lets anyone invoke the function.',
  fix: 'Grant invoke to the calling service principal with the source ARN (fn.grantInvoke or addPermission with sourceArn), '
    + 'or to an account or organisation.',
  covers: ['LambdaFunctionPublicAccessProhibited'],
  check(resource) {
    if (resource.type !== 'AWS::Lambda::Permission') return NOT_APPLICABLE;
    const p = resource.properties;
    if (p.FunctionUrlAuthType === 'NONE') return ['grants invoke through a function URL without authentication (FunctionUrlAuthType NONE)'];
    if (!isAnyPrincipal(p.Principal)) return COMPLIANT;
    return p.SourceArn !== undefined || p.SourceAccount !== undefined || p.PrincipalOrgID !== undefined
      ? COMPLIANT : [`grants ${String(p.Action)} to principal '*' without SourceArn, SourceAccount or PrincipalOrgID`];
  },
};
