import { fromKafkaMessage, toKafkaMessage, type CloudEvent } from './cloud-event';
import { ForbiddenJsonKeyError, hasForbiddenJsonKey, parseJsonStrict } from './strict-json';

describe('parseJsonStrict', () => {
  it('parses ordinary JSON as JSON.parse does', () => {
    const text = '{"a":[1,{"b":"c"}],"d":null,"e":"caf\\u00e9"}';
    expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
  });

  it.each([
    ['a top-level __proto__', '{"__proto__":{"admin":true}}'],
    ['a nested __proto__', '{"a":{"b":[{"__proto__":{"x":1}}]}}'],
    ['a partly escaped __proto__', '{"\\u005f_proto__":{}}'],
    [
      'a wholly escaped __proto__',
      '{"\\u005f\\u005f\\u0070\\u0072\\u006f\\u0074\\u006f\\u005f\\u005f":{}}',
    ],
    ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseJsonStrict(text)).toThrow(ForbiddenJsonKeyError);
    expect(hasForbiddenJsonKey(text)).toBe(true);
  });

  it.each([
    ['a value that mentions __proto__', '{"narrative":"the scammer wrote __proto__"}'],
    ['a constructor key without prototype', '{"constructor":"Acme Builders"}'],
    ['a key that only contains proto', '{"protocol":"https"}'],
  ])('accepts %s', (_what, text) => {
    expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
    expect(hasForbiddenJsonKey(text)).toBe(false);
  });

  it('reports malformed JSON as a SyntaxError, not a forbidden key', () => {
    expect(() => parseJsonStrict('{"__proto__":')).toThrow(SyntaxError);
    expect(hasForbiddenJsonKey('{"__proto__":')).toBe(false);
  });
});

describe('fromKafkaMessage', () => {
  const event: CloudEvent = {
    specversion: '1.0',
    id: 'e1',
    source: 'urn:test',
    type: 'org.aseanwgas.test.v1',
    time: new Date(0).toISOString(),
    datacontenttype: 'application/json',
    data: { ok: true },
  };

  it('refuses event data with a __proto__ key, so it is dead-lettered and never applied', () => {
    const m = toKafkaMessage(event, 'k');
    expect(() =>
      fromKafkaMessage(Buffer.from('{"ok":true,"__proto__":{"admin":true}}'), m.headers),
    ).toThrow(expect.objectContaining({ reason: 'forbidden_key' }));
    expect(fromKafkaMessage(m.value, m.headers).data).toEqual({ ok: true });
  });
});
