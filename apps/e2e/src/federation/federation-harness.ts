import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKeyPair, type NodeKeyPair } from '@wgas/federation';
import { startTestNode, testNamespace, type TestNode } from '../test-node';

export interface Federation {
  nodes: Record<string, TestNode>;
  keys: Record<string, NodeKeyPair>;
  close(): Promise<void>;
}

/**
 * Starts one node per id, each with all four services, its own Ed25519 key and a peer
 * registry that lists every other node (as `wgas node keygen` and an operator would set
 * it up), all on the one test Kafka, each in its own namespace and database.
 */
export async function startFederation(
  ids: string[],
  env: Record<string, string> = {},
  /** Each node's Kafka, when members run their own clusters (default: the one test Kafka). */
  brokers: Record<string, string> = {},
): Promise<Federation> {
  const dir = mkdtempSync(join(tmpdir(), 'wgas-federation-'));
  const namespaces = Object.fromEntries(ids.map((id) => [id, testNamespace(`f${id}`)]));
  const keys = Object.fromEntries(ids.map((id) => [id, generateNodeKeyPair(id)]));
  const nodes: Record<string, TestNode> = {};
  try {
    for (const id of ids) {
      const keyFile = join(dir, `${id}.pem`);
      writeFileSync(keyFile, keys[id]!.privateKeyPem, { mode: 0o600 });
      const registryFile = join(dir, `${id}.peers.json`);
      const peers = ids
        .filter((p) => p !== id)
        .map((p) => ({
          node: p,
          namespace: namespaces[p],
          keys: [
            {
              keyId: keys[p]!.keyId,
              publicKey: keys[p]!.publicKey,
              notBefore: '2020-01-01T00:00:00Z',
            },
          ],
          receives: { maxTlp: 'AMBER+STRICT' },
        }));
      writeFileSync(registryFile, JSON.stringify({ peers }, null, 2));
      nodes[id] = await startTestNode({
        nodeId: id,
        namespace: namespaces[id],
        exchange: { keyFile, keyId: keys[id]!.keyId, registryFile },
        env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', ...env },
        ...(brokers[id] ? { kafkaBrokers: brokers[id] } : {}),
      });
    }
  } catch (e) {
    for (const n of Object.values(nodes)) await n.close();
    throw e;
  }
  return {
    nodes,
    keys,
    async close() {
      for (const n of Object.values(nodes)) await n.close();
    },
  };
}
