import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startTestNode, type TestNode } from '../../apps/e2e/src/test-node';
import type { CliIo } from './cli-command';
import { importCommand } from './import.command';
import { keysCommand } from './keys.command';
import { orgsCommand } from './orgs.command';

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  stdout.on('data', (c: Buffer) => o.push(c));
  stderr.on('data', (c: Buffer) => e.push(c));
  return {
    stdin: new PassThrough(),
    stdout,
    stderr,
    out: () => Buffer.concat(o).toString('utf8'),
    err: () => Buffer.concat(e).toString('utf8'),
  };
}

/** `wgas orgs`, `wgas keys` and `wgas import` against a running intake. */
describe('wgas orgs / keys / import', () => {
  let node: TestNode;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    node = await startTestNode({ services: ['intake'] });
    dir = mkdtempSync(join(tmpdir(), 'wgas-cli-'));
  }, 120_000);

  afterAll(async () => {
    process.env = saved;
    await node?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('bootstraps an operator, creates an agency, issues its key and imports a file with it', async () => {
    process.env.NODE_ID = node.nodeId;
    process.env.DATABASE_NAME = node.database;
    const boot = captureIo();
    const args = [
      'create',
      '--id',
      'th-ops',
      '--name',
      'Ops',
      '--role',
      'operator',
      '--country',
      'th',
    ];
    expect(await orgsCommand.run([...args, '--bootstrap'], boot)).toBe(0);
    const { key: operatorKey } = JSON.parse(boot.out()) as { key: string };

    process.env.WGAS_URL = node.intakeUrl;
    process.env.WGAS_API_KEY = operatorKey;
    const create = captureIo();
    const agencyArgs = [
      'create',
      '--id',
      'th-aoc',
      '--name',
      'AOC',
      '--role',
      'agency',
      '--country',
      'TH',
    ];
    expect(await orgsCommand.run(agencyArgs, create)).toBe(0);
    expect(await orgsCommand.run(agencyArgs, captureIo())).toBe(1); // exists already

    const issue = captureIo();
    expect(await keysCommand.run(['issue', '--org', 'th-aoc', '--label', 'cli'], issue)).toBe(0);
    const issued = JSON.parse(issue.out()) as { id: string; key: string };

    process.env.WGAS_API_KEY = issued.key;
    const file = join(dir, 'reports.ndjson');
    writeFileSync(
      file,
      [
        JSON.stringify({ typology: 'job', tlp: 'GREEN', indicators: [{ value: '0812345678' }] }),
        '{"broken": ',
      ].join('\n'),
    );
    const imp = captureIo();
    expect(await importCommand.run([file], imp)).toBe(3);
    expect(imp.out()).toMatch(/reports accepted\s+1/);
    expect(imp.out()).toMatch(/line 2: malformed JSON/);
    expect(imp.err()).toContain('100%');

    process.env.WGAS_API_KEY = operatorKey;
    expect(await keysCommand.run(['revoke', issued.id], captureIo())).toBe(0);
    process.env.WGAS_API_KEY = issued.key;
    expect(await importCommand.run([file], captureIo())).toBe(1);
  });
});
