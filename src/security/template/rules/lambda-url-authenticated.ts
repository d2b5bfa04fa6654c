import { COMPLIANT, NOT_APPLICABLE, TemplateRule } from '../model';

/** Lambda function URLs require IAM authentication. */
export const LambdaUrlAuthenticated: TemplateRule = {
  id: 'LambdaUrlAuthenticated',
  info: 'The Lambda function URL lets anyone on the internet invoke the function (AuthType NONE).',
  fix: 'Use FunctionUrlAuthType.AWS_IAM, or put the function behind the API the library builds (with its auth setting).',
  covers: ['LambdaFunctionUrlAuth'],
  check(resource) {
    if (resource.type !== 'AWS::Lambda::Url') return NOT_APPLICABLE;
    return resource.properties.AuthType === 'AWS_IAM' ? COMPLIANT : [`AuthType is ${JSON.stringify(resource.properties.AuthType ?? null)}`];
  },
};
