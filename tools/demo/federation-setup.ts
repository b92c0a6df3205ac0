/**
 * Gives each local node an Ed25519 key (once) and a peer registry listing every other
 * node, as operators would exchange them out of band. Prints `<node> <keyId>` lines.
 *
 *   node -r ./tools/register.js tools/demo/federation-setup.ts run/network th my sg
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateNodeKeyPair } from '@wgas/federation';

interface PublicEntry {
  keyId: string;
  publicKey: string;
  notBefore: string;
}

function main(): void {
  const [dir, ...nodes] = process.argv.slice(2);
  if (!dir || nodes.length === 0) throw new Error('usage: federation-setup <dir> <node>...');
  const keysDir = join(dir, 'keys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const entries: Record<string, PublicEntry> = {};
  for (const node of nodes) {
    const publicFile = join(keysDir, `${node}.public.json`);
    if (!existsSync(publicFile)) {
      const pair = generateNodeKeyPair(node);
      writeFileSync(join(keysDir, `${node}.pem`), pair.privateKeyPem, { mode: 0o600 });
      const entry: PublicEntry = {
        keyId: pair.keyId,
        publicKey: pair.publicKey,
        notBefore: new Date(Date.now() - 60_000).toISOString(),
      };
      writeFileSync(publicFile, JSON.stringify(entry, null, 2));
    }
    entries[node] = JSON.parse(readFileSync(publicFile, 'utf8')) as PublicEntry;
  }
  for (const node of nodes) {
    const peers = nodes
      .filter((p) => p !== node)
      .map((p) => ({ node: p, keys: [entries[p]], receives: { maxTlp: 'AMBER+STRICT' } }));
    writeFileSync(join(dir, `${node}.peers.json`), JSON.stringify({ peers }, null, 2));
    console.log(`${node} ${entries[node]!.keyId}`);
  }
}

main();
