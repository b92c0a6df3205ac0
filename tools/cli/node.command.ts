import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateNodeKeyPair } from '@wgas/federation';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from './cli-command';

const USAGE = `Usage:
  wgas node keygen --node NODE_ID [--out DIR]

Creates a new Ed25519 key pair for this node. The private key is written to
DIR/<key id>.pem (mode 600; default DIR: current directory) and never printed. Prints the
registry entry peers add to their peer registry; during a rotation peers list the old and
the new key until the old key's notAfter.`;

export const nodeCommand: CliCommand = {
  name: 'node',
  summary: 'Node identity: generate the Ed25519 key pair for federation',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        node: { type: 'string' },
        out: { type: 'string', default: '.' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (
      values.help ||
      positionals[0] !== 'keygen' ||
      !values.node ||
      !/^[a-z]{2}$/.test(values.node)
    ) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? EXIT_OK : EXIT_USAGE;
    }
    const pair = generateNodeKeyPair(values.node);
    const file = join(values.out, `${pair.keyId}.pem`);
    if (existsSync(file)) {
      io.stderr.write(`refusing to overwrite ${file}\n`);
      return EXIT_USAGE;
    }
    writeFileSync(file, pair.privateKeyPem, { mode: 0o600 });
    chmodSync(file, 0o600);
    const entry = {
      keyId: pair.keyId,
      publicKey: pair.publicKey,
      notBefore: new Date().toISOString(),
    };
    io.stdout.write(`${JSON.stringify({ privateKeyFile: file, registryEntry: entry }, null, 2)}\n`);
    return EXIT_OK;
  },
};
