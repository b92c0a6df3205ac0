import { randomBytes } from 'node:crypto';
import { ConfigResourceTypes, type Admin, type Kafka } from 'kafkajs';
import { topicName } from '@wgas/contracts';
import { createKafka, ensureTopics, TOPIC_MAX_MESSAGE_BYTES } from './kafka-client';

/**
 * ensureTopics against a real broker: created compacted and taking large messages, or
 * brought to those settings later.
 */
describe('ensureTopics', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  let kafka: Kafka;
  let admin: Admin;

  beforeAll(async () => {
    kafka = createKafka({
      brokers: (process.env.KAFKA_BROKERS as string).split(','),
      clientId: 'ensure-topics-test',
    });
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  const configOf = async (topic: string) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    const entries = resources[0]!.configEntries;
    return (name: string) => entries.find((e) => e.configName === name)?.configValue;
  };

  /**
   * The config once the broker shows `name` = `value`, or as it stands after 10 s. An
   * AlterConfigs is committed when it returns, but in KRaft each broker applies it from the
   * metadata log a moment later, so a read straight after can still see the old value.
   */
  const configOnce = async (topic: string, name: string, value: string) => {
    for (let i = 0; i < 100; i++) {
      const config = await configOf(topic);
      if (config(name) === value) return config;
      await new Promise((r) => setTimeout(r, 100));
    }
    return configOf(topic);
  };

  /** A topic as an older release (or a producer's auto-creation) left it: delete policy. */
  const createPlain = (topic: string) =>
    admin.createTopics({
      topics: [
        {
          topic,
          numPartitions: 1,
          configEntries: [
            { name: 'cleanup.policy', value: 'delete' },
            { name: 'retention.ms', value: '3600000' },
          ],
        },
      ],
    });

  it('creates identity and exchange topics compacted, others with the delete policy, all taking messages up to 16 MiB', async () => {
    const identity = topicName(namespace, 'identity');
    const exchange = topicName(namespace, 'exchange');
    const reports = topicName(namespace, 'reports');
    await ensureTopics(kafka, [identity, exchange, reports, `${exchange}.dlq`]);
    expect((await configOf(identity))('cleanup.policy')).toBe('compact');
    expect((await configOf(exchange))('cleanup.policy')).toBe('compact');
    expect((await configOf(reports))('cleanup.policy')).toBe('delete');
    expect((await configOf(`${exchange}.dlq`))('cleanup.policy')).toBe('delete');
    for (const topic of [identity, exchange, reports, `${exchange}.dlq`])
      expect((await configOf(topic))('max.message.bytes')).toBe(String(TOPIC_MAX_MESSAGE_BYTES));
  });

  it("switches an existing identity topic to compaction, raises existing topics' message limit, and keeps their other overrides", async () => {
    const identity = topicName(`${namespace}old`, 'identity');
    const reports = topicName(`${namespace}old`, 'reports');
    await createPlain(identity);
    await createPlain(reports);
    expect((await configOf(identity))('cleanup.policy')).toBe('delete');

    await ensureTopics(kafka, [identity, reports]);

    const after = await configOnce(identity, 'cleanup.policy', 'compact');
    expect(after('cleanup.policy')).toBe('compact');
    expect(after('retention.ms')).toBe('3600000');
    expect(after('max.message.bytes')).toBe(String(TOPIC_MAX_MESSAGE_BYTES));
    const plain = await configOnce(reports, 'max.message.bytes', String(TOPIC_MAX_MESSAGE_BYTES));
    expect(plain('cleanup.policy')).toBe('delete'); // not ours to compact
    expect(plain('retention.ms')).toBe('3600000');
    expect(plain('max.message.bytes')).toBe(String(TOPIC_MAX_MESSAGE_BYTES)); // was Kafka's 1 MiB
  });

  it('aligns a topic another process created a moment before, which listTopics does not show yet', async () => {
    const identity = topicName(`${namespace}late`, 'identity');
    await createPlain(identity);
    // the broker's metadata can lag a topic just created: listTopics without it
    const lagging = Object.create(kafka) as Kafka;
    lagging.admin = (...args) => {
      const a = kafka.admin(...args);
      const list = a.listTopics.bind(a);
      a.listTopics = async () => (await list()).filter((t) => t !== identity);
      return a;
    };

    await ensureTopics(lagging, [identity]);

    const after = await configOnce(identity, 'cleanup.policy', 'compact');
    expect(after('cleanup.policy')).toBe('compact');
    expect(after('retention.ms')).toBe('3600000');
    expect(after('max.message.bytes')).toBe(String(TOPIC_MAX_MESSAGE_BYTES));
  });

  it('leaves a larger max.message.bytes that an operator set', async () => {
    const reports = topicName(`${namespace}big`, 'reports');
    const larger = String(2 * TOPIC_MAX_MESSAGE_BYTES);
    await admin.createTopics({
      topics: [
        {
          topic: reports,
          numPartitions: 1,
          configEntries: [{ name: 'max.message.bytes', value: larger }],
        },
      ],
    });
    await ensureTopics(kafka, [reports]);
    expect((await configOf(reports))('max.message.bytes')).toBe(larger);
  });
});
