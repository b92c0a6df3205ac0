import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from './cli-command';
import { callIntake, EXIT_FAILED, intakeTarget } from './intake-http';

const USAGE = `Usage:
  wgas keys issue --org ORG_ID [--label TEXT] [--expires ISO_DATE]
  wgas keys list --org ORG_ID
  wgas keys revoke KEY_ID

Talks to intake at WGAS_URL with the operator key in WGAS_API_KEY. An issued key is printed
once; only its hash is stored.`;

export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'Issue, list and revoke API keys (operators)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        label: { type: 'string' },
        expires: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [sub, keyId] = positionals;
    const valid =
      ((sub === 'issue' || sub === 'list') && values.org) || (sub === 'revoke' && keyId);
    if (values.help || !valid) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? EXIT_OK : EXIT_USAGE;
    }
    const target = intakeTarget(io);
    if (!target) return EXIT_USAGE;
    const org = encodeURIComponent(values.org ?? '');
    const result =
      sub === 'issue'
        ? await callIntake(target, io, 'POST', `/v1/organisations/${org}/keys`, {
            ...(values.label ? { label: values.label } : {}),
            ...(values.expires ? { expiresAt: values.expires } : {}),
          })
        : sub === 'list'
          ? await callIntake(target, io, 'GET', `/v1/organisations/${org}/keys`)
          : await callIntake(
              target,
              io,
              'POST',
              `/v1/keys/${encodeURIComponent(keyId ?? '')}:revoke`,
            );
    if (!result) return EXIT_FAILED;
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (sub === 'issue') io.stderr.write('Store the key now: it is shown once.\n');
    return EXIT_OK;
  },
};
