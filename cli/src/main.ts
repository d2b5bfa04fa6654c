#!/usr/bin/env node
import { endQuietlyOnClosedPipe } from './closed-pipe';
import { processIo } from './io';
import { runCli } from './program';

endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
endQuietlyOnClosedPipe(process.stderr, (code) => process.exit(code));
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
