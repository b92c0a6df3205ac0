import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-command';
import { callIntake, EXIT_FAILED, intakeTarget } from './intake-http';

const USAGE = `Usage:
  wgas orgs create --id ID --name NAME --role agency|telco|bank|operator --country CC [--bootstrap]
  wgas orgs list

Talks to intake at WGAS_URL with the operator key in WGAS_API_KEY. --bootstrap creates the
organisation directly in the node's database (NODE_ID, DATABASE_URL) and issues its first key:
use it once, for the first operator, when no operator key exists yet.`;

interface CreateInput {
  id: string;
  name: string;
  role: 'agency' | 'telco' | 'bank' | 'operator';
  country: string;
}

/** Creates the first operator without the API, through intake's own services. */
async function bootstrap(input: CreateInput, io: CliIo): Promise<number> {
  const { openIntakeAdmin } = await import('./intake-admin');
  const admin = await openIntakeAdmin();
  try {
    const org = await admin.service.create(null, input as never);
    const key = await admin.service.issueKey(null, org.id, { label: 'bootstrap' });
    io.stdout.write(
      `${JSON.stringify({ organisation: org, key: key.key, keyId: key.id }, null, 2)}\n`,
    );
    io.stderr.write('Store the key now: it is shown once.\n');
    return EXIT_OK;
  } finally {
    await admin.close();
  }
}

export const orgsCommand: CliCommand = {
  name: 'orgs',
  summary: 'Create and list organisations (operators)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        country: { type: 'string' },
        bootstrap: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [sub] = positionals;
    if (values.help || (sub !== 'create' && sub !== 'list')) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? EXIT_OK : EXIT_USAGE;
    }
    if (sub === 'create') {
      const { id, name, role, country } = values;
      if (!id || !name || !role || !country) {
        io.stderr.write(`${USAGE}\n`);
        return EXIT_USAGE;
      }
      const input = { id, name, role, country: country.toUpperCase() } as CreateInput;
      if (values.bootstrap) return bootstrap(input, io);
      const target = intakeTarget(io);
      if (!target) return EXIT_USAGE;
      const org = await callIntake(target, io, 'POST', '/v1/organisations', input);
      if (!org) return EXIT_FAILED;
      io.stdout.write(`${JSON.stringify(org, null, 2)}\n`);
      return EXIT_OK;
    }
    const target = intakeTarget(io);
    if (!target) return EXIT_USAGE;
    const orgs = await callIntake<unknown[]>(target, io, 'GET', '/v1/organisations');
    if (!orgs) return EXIT_FAILED;
    io.stdout.write(`${JSON.stringify(orgs, null, 2)}\n`);
    return EXIT_OK;
  },
};
