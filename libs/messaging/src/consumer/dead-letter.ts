import type { KafkaMessage, Message } from 'kafkajs';
import { deadLetterTopic } from '@wgas/contracts';

export interface DeadLetterReason {
  reason: string;
  error: string;
  attempts: number;
}

/** The original record, unchanged, plus `dlq_*` headers saying where it came from and why. */
export function deadLetterMessage(
  topic: string,
  partition: number,
  groupId: string,
  m: KafkaMessage,
  why: DeadLetterReason,
): { topic: string; message: Message } {
  return {
    topic: deadLetterTopic(topic),
    message: {
      key: m.key,
      value: m.value,
      headers: {
        ...m.headers,
        dlq_reason: why.reason,
        dlq_error: why.error.slice(0, 1000),
        dlq_attempts: String(why.attempts),
        dlq_original_topic: topic,
        dlq_original_partition: String(partition),
        dlq_original_offset: m.offset,
        dlq_consumer_group: groupId,
        dlq_time: new Date().toISOString(),
      },
    },
  };
}
