import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configVariables, loadConfig, type NodeConfig } from '@wgas/config';
import { ExchangeConfig } from '@wgas/exchange';
import { FanoutConfig } from '@wgas/fanout';
import { IntakeConfig } from '@wgas/intake';
import { NormaliserConfig } from '@wgas/normaliser';

interface ComposeService {
  labels?: Record<string, string>;
  volumes?: string[];
  environment?: Record<string, string | number>;
  command?: string[];
}

const CONFIGS: Record<string, new () => NodeConfig> = {
  intake: IntakeConfig,
  normaliser: NormaliserConfig,
  fanout: FanoutConfig,
  exchange: ExchangeConfig,
};
const compose = parse(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, ComposeService>;
};
const appServices = Object.entries(compose.services).filter(
  ([, s]) => s.labels?.['org.aseanwgas.app'],
);

/** Substitutes `${VAR:-default}` with its default, as compose does with VAR unset. */
function withDefaults(value: string | number): string {
  return String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

describe('docker-compose.yml', () => {
  it('runs all four services for at least two nodes', () => {
    const apps = appServices.map(
      ([, s]) => `${s.environment?.NODE_ID}:${s.labels!['org.aseanwgas.app']}`,
    );
    for (const node of ['th', 'my']) {
      for (const app of Object.keys(CONFIGS)) expect(apps).toContain(`${node}:${app}`);
    }
  });

  it.each(appServices)(
    '%s sets only variables its app config accepts, with valid values',
    (_, service) => {
      const app = service.labels!['org.aseanwgas.app'] as string;
      const cls = CONFIGS[app]!;
      expect(cls).toBeDefined();
      const accepted = configVariables(cls);
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [k, withDefaults(v)]),
      );
      expect(Object.keys(env).filter((k) => !accepted.includes(k))).toEqual([]);
      expect(() => loadConfig(cls, env)).not.toThrow();
      expect(service.command?.[0]).toBe(`apps/${app}/src/main.ts`);
    },
  );

  it('gives each exchange its own node key and peer registry, mounted read-only', () => {
    const exchanges = appServices.filter(([, s]) => s.labels!['org.aseanwgas.app'] === 'exchange');
    for (const [, s] of exchanges) {
      const node = String(s.environment?.NODE_ID);
      const mount = s.volumes?.find((v) => v.endsWith(':/federation:ro'));
      expect(mount).toBe(`federation-${node}:/federation:ro`);
      expect(String(s.environment?.NODE_KEY_FILE)).toMatch(/^\/federation\//);
      expect(String(s.environment?.PEER_REGISTRY_FILE)).toMatch(/^\/federation\//);
      expect(String(s.environment?.NODE_KEY_ID)).toMatch(new RegExp(`^${node}-`));
    }
    const keys = compose.services['federation-keys'];
    expect(keys?.volumes).toEqual(
      expect.arrayContaining(
        exchanges.map(
          ([, s]) =>
            `federation-${String(s.environment?.NODE_ID)}:/keys/${String(s.environment?.NODE_ID)}`,
        ),
      ),
    );
  });
});
