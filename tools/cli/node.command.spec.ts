import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateKeyFromPem, publicKeyFromRaw, rawPublicKey } from '@wgas/federation';
import { createPublicKey } from 'node:crypto';

const ROOT = join(__dirname, '..', '..');

function wgas(args: string[]) {
  return spawnSync('node', ['-r', './tools/register.js', 'tools/cli/wgas.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('wgas node keygen', () => {
  it('writes a private key only the owner can read and prints the matching registry entry', () => {
    const out = mkdtempSync(join(tmpdir(), 'wgas-keygen-'));
    const run = wgas(['node', 'keygen', '--node', 'th', '--out', out]);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      privateKeyFile: string;
      registryEntry: { keyId: string; publicKey: string };
    };
    expect(printed.registryEntry.keyId).toMatch(/^th-\d{4}-\d{2}-\d{2}-[0-9a-f]{4}$/);
    expect(statSync(printed.privateKeyFile).mode & 0o777).toBe(0o600);
    const privateKey = privateKeyFromPem(readFileSync(printed.privateKeyFile, 'utf8'));
    expect(rawPublicKey(createPublicKey(privateKey))).toBe(printed.registryEntry.publicKey);
    expect(() => publicKeyFromRaw(printed.registryEntry.publicKey)).not.toThrow();
    expect(run.stdout).not.toContain('PRIVATE KEY');
  });

  it('refuses a malformed node id', () => {
    expect(wgas(['node', 'keygen', '--node', 'Thailand']).status).toBe(2);
  });
});
