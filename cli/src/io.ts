import * as fs from 'fs';

/** What the CLI touches outside itself, so commands run in tests without a process. */
export interface CliIo {
  readonly env: { readonly [name: string]: string | undefined };
  /** True when stderr is a terminal (the progress bar redraws in place). */
  readonly errIsTty: boolean;
  out(line: string): void;
  err(line: string): void;
  /** Writes to stderr without a newline (the progress bar). */
  errRaw(text: string): void;
  readFile(path: string): string;
  readDir(path: string): string[];
  writeFile(path: string, data: string): void;
}

/** The real process's IO. */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    errRaw: (text) => process.stderr.write(text),
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    readDir: (path) => fs.readdirSync(path),
    writeFile: (path, data) => fs.writeFileSync(path, data),
    env: process.env,
    errIsTty: Boolean(process.stderr.isTTY),
  };
}

/** Thrown for a problem the user can fix; the CLI prints its message alone and exits with `exitCode`. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode = 2) {
    super(message);
  }
}

/** Reads and parses a JSON file, naming the file in the error. */
export function readJson(io: CliIo, path: string): any {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not JSON: ${(e as Error).message}`);
  }
}
