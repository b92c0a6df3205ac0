// `wgas`: operator CLI. Each subcommand lives in its own *.command.ts; add it to COMMANDS.
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-command';
import { importCommand } from './import.command';
import { keysCommand } from './keys.command';
import { nodeCommand } from './node.command';
import { normaliseCommand } from './normalise.command';
import { orgsCommand } from './orgs.command';

const COMMANDS: readonly CliCommand[] = [
  normaliseCommand,
  orgsCommand,
  keysCommand,
  importCommand,
  nodeCommand,
];

function help(): string {
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`);
  return `Usage: wgas <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'wgas <command> --help' for a command's options.\n`;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find(
    (c) => c.name === name || (name === 'normalize' && c.name === 'normalise'),
  );
  if (!command) {
    io.stderr.write(`Unknown command '${name}'.\n${help()}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`wgas: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
