import type { Readable, Writable } from 'node:stream';

/** Streams a command reads and writes; tests and the real process pass different ones. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** One `wgas <name>` subcommand. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
