import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { regionProblem } from 'cdk-infra-engineer/lib/cost/catalog/regions';
import { CliError } from '../io';

/** What `pricing refresh` needs to say without loading the AWS SDK. */
export const CREDENTIALS_ADVICE = 'pricing refresh calls the AWS Price List Query API (pricing:GetProducts); set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';

/** The region codes of `--regions`, checked; throws a CliError naming the first bad one. */
export function checkedRegions(regions: string[]): string[] {
  const list = [...new Set(regions.map((r) => r.trim()).filter((r) => r !== ''))];
  if (list.length === 0) throw new CliError('--regions needs at least one region code, e.g. --regions us-east-1,eu-west-1');
  for (const r of list) {
    const problem = regionProblem(r);
    if (problem) throw new CliError(problem);
  }
  return list;
}

/**
 * Fails fast, with one line and no network call, when nothing points at AWS credentials:
 * no key, profile, web identity or container credentials in the environment and no shared
 * credentials or config file.
 */
export function checkCredentialHints(
  env: { readonly [name: string]: string | undefined },
  fileExists: (file: string) => boolean = (file) => fs.existsSync(file),
): void {
  const home = env.HOME ?? os.homedir();
  const hinted = [
    env.AWS_ACCESS_KEY_ID, env.AWS_PROFILE, env.AWS_WEB_IDENTITY_TOKEN_FILE,
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, env.AWS_CONTAINER_CREDENTIALS_FULL_URI,
  ].some((v) => v !== undefined && v !== '')
    || fileExists(env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'))
    || fileExists(env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'));
  if (!hinted) throw new CliError(`no AWS credentials found: ${CREDENTIALS_ADVICE}`);
}
