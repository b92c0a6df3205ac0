import { IsInt, Max, Min } from 'class-validator';
import { ConfigError, configVariables, loadConfig } from './load-config';
import { NodeConfig } from './node-config';

class TestConfig extends NodeConfig {
  @IsInt()
  @Min(1)
  @Max(10)
  WORKERS = 2;
}

describe('loadConfig', () => {
  it('uses documented defaults when nothing is set', () => {
    const c = loadConfig(TestConfig, {});
    expect(c.NODE_ID).toBe('th');
    expect(c.namespace).toBe('th');
    expect(c.databaseName).toBe('wgas_th');
    expect(c.WORKERS).toBe(2);
  });

  it('converts numbers and derives namespace and database from NODE_ID', () => {
    const c = loadConfig(TestConfig, { NODE_ID: 'my', WORKERS: '7', HTTP_PORT: '8080' });
    expect(c.WORKERS).toBe(7);
    expect(c.HTTP_PORT).toBe(8080);
    expect(c.namespace).toBe('my');
    expect(c.databaseName).toBe('wgas_my');
    expect(c.eventSource).toBe('urn:aseanwgas:node:my');
  });

  it('names every invalid variable', () => {
    expect(() =>
      loadConfig(TestConfig, { NODE_ID: 'Thailand', WORKERS: 'many', KAFKA_BROKERS: '' }),
    ).toThrow(ConfigError);
    const error = (() => {
      try {
        loadConfig(TestConfig, { NODE_ID: 'Thailand', WORKERS: '99' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['NODE_ID', 'WORKERS']);
  });

  it('lists the variables a class accepts', () => {
    expect(configVariables(TestConfig)).toEqual(
      expect.arrayContaining(['NODE_ID', 'KAFKA_BROKERS', 'WORKERS']),
    );
  });
});
