/** A stream the CLI writes to (process.stdout, process.stderr). */
export interface WritableLike {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * When the reader of `stream` goes away (`cdk-infra-engineer report cdk.out | head -1`), Node
 * emits EPIPE on the next write; unhandled, that is a stack trace and exit 1. The output was
 * wanted only up to there, so the command ends quietly with `exit(0)`. Other errors are rethrown.
 */
export function endQuietlyOnClosedPipe(stream: WritableLike, exit: (code: number) => void): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}
