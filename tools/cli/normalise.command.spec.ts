import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Drives the real CLI the way an operator does: a child process, arguments, stdin, stdout, exit code.
const ROOT = join(__dirname, '..', '..');

function wgas(args: string[], input?: string) {
  const run = spawnSync(
    process.execPath,
    ['-r', './tools/register.js', 'tools/cli/wgas.ts', ...args],
    { cwd: ROOT, input, encoding: 'utf8', timeout: 60000 },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('wgas normalise', () => {
  it('prints one normalised indicator as JSON', () => {
    const run = wgas(['normalise', '--type', 'phone', '--country', 'TH', '081-234-5678']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      indicator: { type: 'phone', canonical: '+66812345678' },
    });
  });

  it('prints a rejection and still exits 0', () => {
    const run = wgas(['normalise', '--type', 'phone', '--country', 'TH', 'not-a-phone']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      rejection: { code: 'phone.invalid_characters' },
    });
  });

  it('streams NDJSON: one result per line, ids echoed, bad lines are results', () => {
    const input = [
      JSON.stringify({ id: 'a', value: '081-234-5678', country: 'TH' }),
      JSON.stringify({
        id: 'b',
        value: 'hxxp://evil[.]com/x?fbclid=1',
        country: 'MY',
        type: 'url',
      }),
      '{broken',
      JSON.stringify({ id: 'd', value: '1234567890', country: 'TH', type: 'bank_account' }),
      '',
    ].join('\n');
    const run = wgas(['normalise', '--ndjson'], input);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', ok: true, indicator: { key: 'phone:+66812345678' } });
    expect(lines[1]).toMatchObject({
      id: 'b',
      ok: true,
      indicator: { canonical: 'http://evil.com/x' },
    });
    expect(lines[2]).toMatchObject({ ok: false, rejection: { code: 'input.invalid_json' } });
    expect(lines[3]).toMatchObject({
      id: 'd',
      ok: false,
      rejection: { code: 'bank_account.bank_required' },
    });
  });

  it('uses --country as the default for NDJSON lines without one', () => {
    const run = wgas(
      ['normalise', '--ndjson', '--country', 'PH'],
      `${JSON.stringify({ value: '0917 123 4567' })}\n`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      indicator: { canonical: '+639171234567' },
    });
  });

  it('exits 2 with usage for a wrong command line', () => {
    expect(wgas(['normalise', '--country', 'TH']).code).toBe(2);
    expect(wgas(['normalise', '--bogus', 'x']).code).toBe(2);
    const unknown = wgas(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'frobnicate'");
  });

  it('lists subcommands in help', () => {
    const run = wgas(['help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('normalise');
  });
});
