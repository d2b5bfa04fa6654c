import { CliError } from '../io';
import { checkCredentialHints } from './preflight';

/** What an AWS-calling command needs, for the one line it prints when it cannot get it. */
export interface AwsCommandNeeds {
  /** The command, e.g. `status`. */
  readonly command: string;
  /** The service it calls, e.g. `CloudFormation`. */
  readonly service: string;
  /** Every IAM action the command calls, e.g. `cloudformation:DescribeStacks`. */
  readonly actions: string[];
}

/** What the AWS-calling commands take from outside (fakes in tests). */
export interface AwsCommandDeps {
  /** Resolves AWS credentials; rejects when there are none. */
  readonly resolveCredentials: () => Promise<unknown>;
  readonly sleep: (ms: number) => Promise<void>;
  /** Whether a file exists (~/.aws/credentials, ~/.aws/config). */
  readonly fileExists: (file: string) => boolean;
  /** Upper bound on resolving credentials when the environment or ~/.aws points at some. */
  readonly credentialsTimeoutMs: number;
  readonly now: () => Date;
}

/** Attempts per call when AWS throttles: 1 + 5 retries, waiting 250 ms, 500 ms, 1 s, 2 s, 4 s. */
export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 250;
/**
 * Without any hint in the environment or ~/.aws, the SDK's last resort is the EC2 instance
 * role, which answers within milliseconds on EC2 and not at all elsewhere: wait this long.
 */
const NO_HINT_TIMEOUT_MS = 1500;

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException', 'SlowDown']);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException']);
const REJECTED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationToken']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const UNREACHABLE = new Set(['TimeoutError', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'RequestTimeout']);

/** SDK client settings that keep a call from hanging: a short connect timeout, no SDK retries (ours are visible and tested). */
export const CLIENT_SETTINGS = { maxAttempts: 1, requestHandler: { connectionTimeout: 3000, requestTimeout: 20000 } };

/**
 * Makes the AWS calls of one command: checks credentials up front, retries throttling with
 * exponential backoff, counts answered requests per action, and turns every credential,
 * permission and network failure into one line naming what is missing.
 */
export class AwsCaller {
  /** Answered requests per IAM action (each page is one request). */
  public readonly answered = new Map<string, number>();
  /** Throttled requests that were retried. */
  public throttled = 0;

  constructor(
    private readonly needs: AwsCommandNeeds,
    private readonly deps: AwsCommandDeps,
    private readonly onRetry: (text: string) => void = () => {},
  ) {}

  /** What to do when credentials are missing: the command, the IAM actions, and how to set them. */
  public get advice(): string {
    return `${this.needs.command} calls ${this.needs.service} and needs ${this.needs.actions.join(', ')}; set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }

  /** Resolves the credentials, bounded in time, before any call. */
  public async checkCredentials(env: { readonly [name: string]: string | undefined }): Promise<void> {
    let hinted = true;
    try {
      checkCredentialHints(env, this.deps.fileExists);
    } catch {
      hinted = false;
    }
    const limit = hinted ? this.deps.credentialsTimeoutMs : Math.min(NO_HINT_TIMEOUT_MS, this.deps.credentialsTimeoutMs);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.deps.resolveCredentials(),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${limit / 1000} s`)), limit); }),
      ]);
    } catch (e) {
      if (!hinted) throw new CliError(`no AWS credentials found (no AWS_PROFILE, access key, ~/.aws file or instance role): ${this.advice}`);
      throw new CliError(`AWS credentials could not be resolved (${firstLine(e)}): ${this.advice}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /**
   * Sends one request for `action` (e.g. `ce:GetCostAndUsage`). Errors named in `passThrough`
   * are rethrown as they are, for the caller to handle; every other failure is a CliError.
   */
  public async call<T>(action: string, send: () => Promise<T>, passThrough: string[] = []): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await send();
        this.answered.set(action, (this.answered.get(action) ?? 0) + 1);
        return result;
      } catch (e) {
        const name = errorName(e);
        if (passThrough.includes(name)) {
          // Answered, with an error the caller handles: it still counts as a request.
          this.answered.set(action, (this.answered.get(action) ?? 0) + 1);
          throw e;
        }
        if (isThrottling(e)) {
          this.throttled++;
          if (attempt < MAX_ATTEMPTS) {
            const delay = BACKOFF_BASE_MS * 2 ** (attempt - 1);
            this.onRetry(`${action} throttled, retry ${attempt} of ${MAX_ATTEMPTS - 1} in ${delay / 1000} s`);
            await this.deps.sleep(delay);
            continue;
          }
          throw new CliError(`${action} was still throttled after ${MAX_ATTEMPTS} attempts (${name}: ${firstLine(e)}): wait a minute and run again`);
        }
        throw this.explain(action, e);
      }
    }
  }

  /** Total answered requests. */
  public get requestCount(): number {
    return [...this.answered.values()].reduce((a, b) => a + b, 0);
  }

  private explain(action: string, e: unknown): CliError {
    const name = errorName(e);
    const message = firstLine(e);
    if (DENIED.has(name) || /not authorized to perform/i.test(message)) {
      return new CliError(`permission denied: ${action} needs the IAM permission ${action} for the caller (${name}: ${message})`);
    }
    if (EXPIRED.has(name) || (name === 'CredentialsProviderError' && /expired/i.test(message))) {
      return new CliError(`the AWS credentials have expired (${name}): refresh them (e.g. aws sso login, or new session keys) and run again; ${this.advice}`);
    }
    if (REJECTED.has(name)) {
      return new CliError(`the AWS credentials were rejected (${name}: ${message}): check AWS_PROFILE or the access key; ${this.advice}`);
    }
    if (name === 'CredentialsProviderError') return new CliError(`no AWS credentials found (${message}): ${this.advice}`);
    if (/region is missing/i.test(message)) return new CliError('no AWS region: pass --region or set AWS_REGION');
    if (UNREACHABLE.has(name) || UNREACHABLE.has(String((e as { code?: string })?.code))) {
      return new CliError(`cannot reach ${this.needs.service} for ${action} (${name}: ${message}): check the network, proxy or region`);
    }
    return new CliError(`${action} failed (${name}: ${message})`);
  }
}

/** Throws a CliError unless `region` looks like a region code (any region: CloudFormation has more than the price catalog). */
export function checkRegionFormat(region: string): void {
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new CliError(`region '${region}' is not an AWS region code (expected a code like 'us-east-1')`);
}

export function errorName(e: unknown): string {
  const err = e as { name?: string; Code?: string; code?: string };
  return String(err?.name ?? err?.Code ?? err?.code ?? 'Error');
}

function isThrottling(e: unknown): boolean {
  const err = e as { $metadata?: { httpStatusCode?: number }; $retryable?: { throttling?: boolean } };
  return THROTTLING.has(errorName(e)) || err?.$metadata?.httpStatusCode === 429 || err?.$retryable?.throttling === true;
}

export function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
