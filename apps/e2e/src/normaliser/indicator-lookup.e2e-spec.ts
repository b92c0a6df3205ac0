import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { hashPrefix } from '@wgas/indicators';
import { ApiKeyService } from '@wgas/intake';
import { waitFor } from '@wgas/testing';
import { startTestNode, type TestNode } from '../test-node';
import { reportSubmitted, TopicTap } from './report-events';

interface View {
  indicatorId: string;
  verdict: string;
  canonical?: string;
  countries?: string[];
  confidence?: number;
}

/** The lookup API over HTTP, with API keys replicated from intake. */
describe('normaliser: indicator lookups', () => {
  let node: TestNode;
  let url: string;
  let agency: string;
  let bank: string;
  let tap: TopicTap;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    node = await startTestNode({ services: ['intake', 'normaliser'] });
    const normaliser = node.apps.normaliser!;
    await normaliser.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(normaliser.getHttpServer().address() as AddressInfo).port}`;
    [agency, bank] = [await node.createKey('agency'), await node.createKey('bank')];
    tap = new TopicTap(node.namespace);
    await tap.publish([
      reportSubmitted(['081-234-5678', '02-888-8888'], { tlp: 'GREEN' }),
      reportSubmitted(['+66 81 234 5678'], { country: 'MY', organisationId: 'my-agency-1' }),
      reportSubmitted(['0819990000'], { tlp: 'RED' }),
      ...['0811000001', '0811000002', '0811000003'].map((v) => reportSubmitted([v])),
    ]);
    const db = normaliser.get(DataSource);
    await waitFor(
      async () => {
        const rows = (await db.query('SELECT id, canonical FROM normaliser.indicators')) as {
          id: string;
          canonical: string;
        }[];
        for (const r of rows) ids[r.canonical] = r.id;
        return rows.length === 6 && ids['+66812345678'] !== undefined;
      },
      { what: 'indicators stored' },
    );
    await waitFor(
      async () =>
        (
          (await db.query(
            "SELECT report_count FROM normaliser.indicators WHERE canonical = '+66812345678'",
          )) as { report_count: number }[]
        )[0]?.report_count === 2,
      { what: 'both reports' },
    );
  });

  afterAll(async () => {
    await tap?.close();
    await node?.close();
  });

  const get = async (path: string, key?: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as unknown,
    };
  };

  it('looks up a value however it is written, revealing sources only to agencies', async () => {
    const asBank = await get(
      `/v1/indicators/lookup?type=phone&value=${encodeURIComponent('081 234 5678')}`,
      bank,
    );
    expect(asBank.status).toBe(200);
    expect(asBank.body).toMatchObject({
      indicatorId: ids['+66812345678'],
      verdict: 'listed',
      confidence: 0.75,
    });
    expect(asBank.body).not.toHaveProperty('countries');
    expect(asBank.body).not.toHaveProperty('canonical');

    const asAgency = await get(
      `/v1/indicators/lookup?value=${encodeURIComponent('+66812345678')}&type=phone`,
      agency,
    );
    expect(asAgency.body).toMatchObject({ canonical: '+66812345678', countries: ['MY', 'TH'] });
  });

  it('answers for warninglisted, unknown and unparseable values', async () => {
    const hotline = await get('/v1/indicators/lookup?type=phone&value=028888888', bank);
    expect(hotline.body).toMatchObject({ verdict: 'warninglisted' });
    const unknown = await get('/v1/indicators/lookup?type=phone&value=0899999999', bank);
    expect(unknown.body).toMatchObject({ verdict: 'not_listed', canonical: '+66899999999' });
    const bad = await get('/v1/indicators/lookup?type=phone&value=hello', bank);
    expect(bad.status).toBe(422);
    expect(bad.type).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({ code: 'lookup.value_not_normalisable' });
    const long = await get(`/v1/indicators/lookup?value=${'1'.repeat(2049)}`, bank);
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'validation.failed', errors: [{ field: 'value' }] });
  });

  it('answers concurrent lookups, coalesced into shared queries, each with its own row', async () => {
    const red = ids['+66819990000']!;
    const listed = ['+66811000001', '+66811000002', '+66811000003', '+66812345678'];
    const asks: [string, Partial<View>][] = [
      ...listed.map((c): [string, Partial<View>] => [
        `/v1/indicators/${ids[c]}`,
        { indicatorId: ids[c], verdict: 'listed' },
      ]),
      ...listed.map((c): [string, Partial<View>] => [
        `/v1/indicators/lookup?type=phone&value=${encodeURIComponent(c)}`,
        { indicatorId: ids[c], verdict: 'listed' },
      ]),
      [`/v1/indicators/${red}`, { indicatorId: red, verdict: 'not_listed' }],
      [`/v1/indicators/v1:${'0'.repeat(64)}`, { indicatorId: `v1:${'0'.repeat(64)}` }],
    ];
    const answers = await Promise.all(
      [...asks, ...asks].map(async ([path, expected]) => ({
        expected,
        got: await get(path, bank),
      })),
    );
    for (const { expected, got } of answers) {
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject(expected);
    }
  });

  it('refuses a revoked key once intake revokes it', async () => {
    const key = await node.createKey('telco');
    const path = `/v1/indicators/${ids['+66812345678']}`;
    expect((await get(path, key)).status).toBe(200); // the key is cached from here on
    const keyId = key.split('_')[1]!;
    expect(await node.apps.intake!.get(ApiKeyService).revokeKey(keyId)).toBe(true);
    await waitFor(async () => (await get(path, key)).status === 401, { what: 'the revocation' });
    expect((await get(path, key)).body).toMatchObject({ code: 'auth.invalid_key' });
  });

  it('looks up by keyed hash and hides RED indicators from subscribers', async () => {
    const byHash = await get(`/v1/indicators/${ids['+66812345678']}`, bank);
    expect(byHash.body).toMatchObject({ verdict: 'listed', type: 'phone' });

    const red = ids['+66819990000']!;
    const asBank = await get(`/v1/indicators/${red}`, bank);
    expect(asBank.body).toEqual({ indicatorId: red, verdict: 'not_listed' });
    const asAgency = await get(`/v1/indicators/${red}`, agency);
    expect(asAgency.body).toMatchObject({ verdict: 'listed', tlp: 'RED' });

    const invalid = await get('/v1/indicators/v1:abc', bank);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'lookup.invalid_hash' });
  });

  it('answers a hash prefix with every match among padding, never the value', async () => {
    const id = ids['+66812345678']!;
    const res = await get(`/v1/indicators/prefix/${hashPrefix(id, 2)}`, bank);
    expect(res.status).toBe(200);
    const { matches } = res.body as { matches: View[] };
    expect(matches).toHaveLength(32);
    expect(matches.find((m) => m.indicatorId === id)).toEqual({
      indicatorId: id,
      verdict: 'listed',
      confidence: 0.75,
    });
    expect(JSON.stringify(res.body)).not.toContain('+668');
    for (const m of matches) expect(m.indicatorId.startsWith(hashPrefix(id, 2))).toBe(true);

    const red = ids['+66819990000']!;
    const redRes = await get(`/v1/indicators/prefix/${hashPrefix(red, 8)}`, bank);
    expect((redRes.body as { matches: View[] }).matches.map((m) => m.indicatorId)).not.toContain(
      red,
    );

    const short = await get(`/v1/indicators/prefix/${hashPrefix(id, 1)}`, bank);
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'lookup.invalid_prefix' });
  });

  it('lets agencies search with filters and a cursor, and nobody else', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/v1/indicators?type=phone&country=TH&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(q, agency);
      expect(res.status).toBe(200);
      const page = res.body as { items: View[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.canonical!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([
      '+6628888888',
      '+66811000001',
      '+66811000002',
      '+66811000003',
      '+66812345678',
      '+66819990000',
    ]);
    const my = await get('/v1/indicators?country=MY', agency);
    expect((my.body as { items: View[] }).items.map((i) => i.canonical)).toEqual(['+66812345678']);

    expect((await get('/v1/indicators', bank)).status).toBe(403);
    expect((await get('/v1/indicators')).status).toBe(401);
    expect((await get('/v1/indicators?limit=0', agency)).body).toMatchObject({
      code: 'validation.failed',
    });
  });
});
