import { ForbiddenJsonKeyError, parseJsonStrict } from './strict-json';

/**
 * CloudEvents 1.0 envelope as carried on Kafka in binary content mode: the attributes
 * travel as `ce_*` headers, `data` is the JSON message value and the message key is
 * the entity whose events must stay ordered.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject?: string;
  datacontenttype: 'application/json';
  data: T;
}

export interface KafkaMessageParts {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export class CloudEventParseError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudEventParseError';
  }
}

const REQUIRED = ['ce_specversion', 'ce_id', 'ce_source', 'ce_type'] as const;
const MAX_ATTRIBUTE_LENGTH = 512;

export function toKafkaMessage<T>(event: CloudEvent<T>, key: string): KafkaMessageParts {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    'content-type': event.datacontenttype,
  };
  if (event.subject !== undefined) headers.ce_subject = event.subject;
  return { key, value: Buffer.from(JSON.stringify(event.data)), headers };
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

function headerText(headers: RawHeaders, name: string): string | undefined {
  const raw = headers[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

/** Parses a Kafka record into a CloudEvent; throws CloudEventParseError on anything malformed. */
export function fromKafkaMessage(
  value: Buffer | null,
  headers: RawHeaders | undefined,
): CloudEvent {
  const h = headers ?? {};
  for (const name of REQUIRED) {
    const text = headerText(h, name);
    if (!text)
      throw new CloudEventParseError('missing_attribute', `missing CloudEvents header ${name}`);
    if (text.length > MAX_ATTRIBUTE_LENGTH) {
      throw new CloudEventParseError(
        'attribute_too_long',
        `${name} exceeds ${MAX_ATTRIBUTE_LENGTH} chars`,
      );
    }
  }
  if (headerText(h, 'ce_specversion') !== '1.0') {
    throw new CloudEventParseError('unsupported_specversion', 'only CloudEvents 1.0 is accepted');
  }
  if (!value) throw new CloudEventParseError('empty_value', 'message has no value');
  let data: unknown;
  try {
    data = parseJsonStrict(value.toString('utf8'));
  } catch (e) {
    if (e instanceof ForbiddenJsonKeyError)
      throw new CloudEventParseError('forbidden_key', e.message);
    throw new CloudEventParseError('invalid_json', 'message value is not valid JSON');
  }
  const subject = headerText(h, 'ce_subject');
  return {
    specversion: '1.0',
    id: headerText(h, 'ce_id') as string,
    source: headerText(h, 'ce_source') as string,
    type: headerText(h, 'ce_type') as string,
    time: headerText(h, 'ce_time') ?? new Date(0).toISOString(),
    ...(subject !== undefined ? { subject } : {}),
    datacontenttype: 'application/json',
    data,
  };
}
