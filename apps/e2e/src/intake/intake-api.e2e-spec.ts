import { waitFor } from '@wgas/testing';
import { ApiKeyService } from '@wgas/intake';
import { startTestNode, type TestNode } from '../test-node';
import { intakeClient, readTopic, reportBody } from './intake-client';

type Role = 'agency' | 'telco' | 'bank' | 'operator';
const ROLES: Role[] = ['agency', 'telco', 'bank', 'operator'];
const NO_REPORT = '00000000-0000-4000-8000-000000000000';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; rule: string }[];
}

/** Intake through HTTP against real Postgres and Kafka (normaliser running for outcomes). */
describe('intake API', () => {
  let node: TestNode;
  const keys = {} as Record<Role, string>;
  let api: ReturnType<typeof intakeClient>;
  let operator: ReturnType<typeof intakeClient>;

  beforeAll(async () => {
    node = await startTestNode({ services: ['intake', 'normaliser'] });
    for (const role of ROLES) keys[role] = await node.createKey(role);
    api = intakeClient(node.intakeUrl, keys.agency);
    operator = intakeClient(node.intakeUrl, keys.operator);
  }, 120_000);

  afterAll(async () => {
    await node?.close();
  });

  describe('auth matrix', () => {
    const endpoints: {
      name: string;
      method: string;
      path: string;
      body?: unknown;
      allowed: Role[];
    }[] = [
      {
        name: 'submit',
        method: 'POST',
        path: '/v1/reports',
        body: reportBody(),
        allowed: ['agency'],
      },
      { name: 'list reports', method: 'GET', path: '/v1/reports', allowed: ['agency'] },
      {
        name: 'report status',
        method: 'GET',
        path: `/v1/reports/${NO_REPORT}`,
        allowed: ['agency'],
      },
      {
        name: 'retract',
        method: 'POST',
        path: `/v1/reports/${NO_REPORT}:retract`,
        body: { reason: 'mistake' },
        allowed: ['agency'],
      },
      { name: 'list jobs', method: 'GET', path: '/v1/jobs', allowed: ['agency'] },
      { name: 'job', method: 'GET', path: `/v1/jobs/${NO_REPORT}`, allowed: ['agency'] },
      {
        name: 'create organisation',
        method: 'POST',
        path: '/v1/organisations',
        body: { id: 'x', name: 'x', role: 'nope', country: 'TH' },
        allowed: ['operator'],
      },
      {
        name: 'list organisations',
        method: 'GET',
        path: '/v1/organisations',
        allowed: ['operator'],
      },
      {
        name: 'issue key',
        method: 'POST',
        path: '/v1/organisations/none/keys',
        body: {},
        allowed: ['operator'],
      },
      { name: 'revoke key', method: 'POST', path: '/v1/keys/none:revoke', allowed: ['operator'] },
      { name: 'audit', method: 'GET', path: '/v1/audit', allowed: ['operator'] },
    ];
    const cases = endpoints.flatMap((e) => ROLES.map((role) => [e.name, role, e] as const));

    it.each(cases)('%s as %s', async (_, role, e) => {
      const res = await intakeClient(node.intakeUrl, keys[role]).raw(e.method, e.path, e.body);
      if (e.allowed.includes(role)) {
        expect([401, 403]).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      } else {
        expect(res.status).toBe(403);
        expect(res.contentType).toContain('application/problem+json');
        expect((res.body as Problem).code).toBe('auth.role_not_allowed');
      }
    });

    it.each(endpoints.map((e) => [e.name, e] as const))('%s without a key is 401', async (_, e) => {
      const res = await intakeClient(node.intakeUrl).raw(e.method, e.path, e.body);
      expect(res.status).toBe(401);
      expect(res.contentType).toContain('application/problem+json');
      expect((res.body as Problem).code).toBe('auth.missing_key');
    });

    it('rejects a wrong, a revoked and an expired key with 401', async () => {
      const wrong = `${keys.agency.slice(0, -4)}AAAA`;
      expect((await intakeClient(node.intakeUrl, wrong).get('/v1/reports')).status).toBe(401);

      const org = await operator.post('/v1/organisations', {
        id: 'th-revoked-agency',
        name: 'Agency whose key is revoked',
        role: 'agency',
        country: 'TH',
      });
      expect(org.status).toBe(201);
      const issued = await operator.post<{ id: string; key: string }>(
        '/v1/organisations/th-revoked-agency/keys',
        { label: 'to revoke' },
      );
      expect(issued.status).toBe(201);
      const client = intakeClient(node.intakeUrl, issued.body.key);
      expect((await client.get('/v1/reports')).status).toBe(200);
      expect((await operator.post(`/v1/keys/${issued.body.id}:revoke`)).status).toBe(200);
      const revoked = await client.get<Problem>('/v1/reports');
      expect(revoked.status).toBe(401);
      expect(revoked.body.code).toBe('auth.invalid_key');

      const expired = await node.apps.intake!.get(ApiKeyService).issueKey('th-revoked-agency', {
        expiresAt: new Date(Date.now() - 1000),
      });
      expect((await intakeClient(node.intakeUrl, expired.key).get('/v1/reports')).status).toBe(401);
    });
  });

  describe('organisations, keys and audit', () => {
    it('creates an organisation, issues a key shown once, and audits both', async () => {
      const org = { id: 'th-nbtc', name: 'NBTC', role: 'telco', country: 'TH' };
      const created = await operator.post('/v1/organisations', org);
      expect(created.status).toBe(201);
      expect((await operator.post<Problem>('/v1/organisations', org)).body.code).toBe(
        'organisation.exists',
      );
      const issued = await operator.post<{ id: string; key: string; expiresAt: string }>(
        '/v1/organisations/th-nbtc/keys',
        { label: 'ops', expiresAt: '2099-01-01T00:00:00Z' },
      );
      expect(issued.body.key).toMatch(/^wgas_[a-f0-9]{16}_/);
      const listed = await operator.get<{ id: string; label: string }[]>(
        '/v1/organisations/th-nbtc/keys',
      );
      expect(listed.body).toEqual([expect.objectContaining({ id: issued.body.id, label: 'ops' })]);
      expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);
      const notFound = await operator.post<Problem>('/v1/organisations/nobody/keys', {});
      expect(notFound.status).toBe(404);

      const audit = await operator.get<{ items: { action: string; targetId: string }[] }>(
        '/v1/audit?action=key.issued',
      );
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({ action: 'key.issued', targetId: issued.body.id }),
      );
      const created2 = await operator.get<{ items: { action: string; targetId: string }[] }>(
        '/v1/audit?action=organisation.created',
      );
      expect(created2.body.items).toContainEqual(expect.objectContaining({ targetId: 'th-nbtc' }));
    });
  });

  describe('reports', () => {
    /** The report's status once the normaliser's outcome for every raw indicator is in. */
    const outcomesOf = <T extends { outcomes: Record<string, number> }>(id: string, what: string) =>
      waitFor(
        async () => {
          const r = await api.get<T>(`/v1/reports/${id}`);
          return r.body.outcomes.pending === 0 ? r.body : undefined;
        },
        { what, timeoutMs: 60_000 },
      );

    it('names each invalid field, and rejects unknown ones', async () => {
      const res = await api.post<Problem>(
        '/v1/reports',
        reportBody({
          typology: 'nonsense',
          lossAmount: '1e30',
          victimName: 'unexpected',
          indicators: [{ value: '' }, { value: 'x'.repeat(3000) }],
        }),
      );
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/problem+json');
      const fields = res.body.errors!.map((e) => `${e.field}:${e.rule}`);
      expect(fields).toEqual(
        expect.arrayContaining([
          'typology:isIn',
          'lossAmount:matches',
          'victimName:whitelistValidation',
          'indicators.0.value:minLength',
          'indicators.1.value:maxLength',
        ]),
      );
      const tooMany = await api.post<Problem>(
        '/v1/reports',
        reportBody({ indicators: Array.from({ length: 501 }, (_, i) => ({ value: `0812${i}` })) }),
      );
      expect(tooMany.body.errors).toContainEqual(
        expect.objectContaining({ field: 'indicators', rule: 'arrayMaxSize' }),
      );
    });

    it('answers a retry with the same Idempotency-Key with the first result, creating nothing', async () => {
      const body = reportBody({ indicators: [{ value: '0899999001', type: 'phone' }] });
      const headers = { 'idempotency-key': 'retry-test-1' };
      const first = await api.post<{ id: string }>('/v1/reports', body, headers);
      expect(first.status).toBe(201);
      const again = await api.post<{ id: string }>('/v1/reports', body, headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await api.post<Problem>('/v1/reports', reportBody(), headers);
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency.key_reused');
      // Another organisation may use the same key for its own request.
      const otherAgency = intakeClient(node.intakeUrl, await node.createKey('agency'));
      const theirs = await otherAgency.post<{ id: string }>('/v1/reports', body, headers);
      expect(theirs.body.id).not.toBe(first.body.id);

      const events = await readTopic(`${node.namespace}.reports.v1`, (seen) =>
        seen.some((r) => r.key === theirs.body.id),
      );
      expect(events.filter((r) => r.key === first.body.id)).toHaveLength(1);
    });

    it("shows each raw indicator's outcome once the normaliser has seen it", async () => {
      const created = await api.post<{ id: string }>(
        '/v1/reports',
        reportBody({
          indicators: [
            { value: '081-234-5678', type: 'phone' },
            { value: 'not a phone at all', type: 'phone' },
          ],
        }),
      );
      expect(created.status).toBe(201);
      const pending = await api.get<{ indicators: { outcome: string }[] }>(
        `/v1/reports/${created.body.id}`,
      );
      expect(pending.status).toBe(200);
      type Detail = {
        narrative: string;
        outcomes: Record<string, number>;
        indicators: {
          outcome: string;
          type?: string;
          canonical?: string;
          rejection?: { code: string };
        }[];
      };
      const done = await outcomesOf<Detail>(created.body.id, 'normalisation outcomes');
      expect(done.narrative).toBe('Victim was added to a fake stock group');
      expect(done.indicators[0]).toMatchObject({
        outcome: 'accepted',
        type: 'phone',
        canonical: '+66812345678',
      });
      expect(done.indicators[1]).toMatchObject({ outcome: 'rejected' });
      expect(done.indicators[1]?.rejection?.code).toEqual(expect.any(String));

      const elsewhere = intakeClient(node.intakeUrl, await node.createKey('agency'));
      expect((await elsewhere.get(`/v1/reports/${created.body.id}`)).status).toBe(404);
      expect((await api.get('/v1/reports/not-a-uuid')).status).toBe(404);
    });

    it("carries a report at the size limit through Kafka, though its event passes Kafka's default 1 MiB", async () => {
      // 500 URLs (the most a report may name) of about 2 kB each: the body just under
      // intake's 1 MiB limit, the report.submitted event (raw indicator ids added) above
      // the 1 MiB Kafka refuses by default, so the outbox relay would retry it for ever
      // unless the topic takes larger messages (ADR 0012).
      const path = 'a'.repeat(2010);
      const body = reportBody({
        indicators: Array.from({ length: 500 }, (_, i) => ({
          value: `https://scam-${i}.example/${path}`,
          type: 'url',
        })),
      });
      const bytes = Buffer.byteLength(JSON.stringify(body));
      expect(bytes).toBeLessThanOrEqual(1024 * 1024);
      expect(bytes).toBeGreaterThan(1_030_000);
      const created = await api.post<{ id: string }>('/v1/reports', body);
      expect(created.status).toBe(201);

      const [event] = (
        await readTopic(`${node.namespace}.reports.v1`, (seen) =>
          seen.some((r) => r.key === created.body.id),
        )
      ).filter((r) => r.key === created.body.id);
      expect(Buffer.byteLength(JSON.stringify(event!.data))).toBeGreaterThan(1_048_588);
      const done = await outcomesOf(created.body.id, 'outcomes of all 500 indicators');
      expect(done.outcomes.accepted).toBe(500);
    });

    it('lists only the caller\u2019s reports, newest first, page by page, with filters', async () => {
      const agency = intakeClient(node.intakeUrl, await node.createKey('agency'));
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await agency.post<{ id: string }>(
          '/v1/reports',
          reportBody({ typology: i % 2 === 0 ? 'romance' : 'job' }),
        );
        ids.push(r.body.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } =
          await agency.get(`/v1/reports?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((r) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
      const romance = await agency.get<{ items: { typology: string }[] }>(
        '/v1/reports?typology=romance',
      );
      expect(romance.body.items).toHaveLength(4);
      expect((await agency.get<Problem>('/v1/reports?cursor=garbage')).body.code).toBe(
        'pagination.bad_cursor',
      );
      expect((await agency.get('/v1/reports?limit=100000')).status).toBe(400);
    });

    it('retracts a report once, emitting report.retracted on its key', async () => {
      const created = await api.post<{ id: string }>('/v1/reports', reportBody());
      const other = intakeClient(node.intakeUrl, await node.createKey('agency'));
      expect(
        (await other.post(`/v1/reports/${created.body.id}:retract`, { reason: 'mistake' })).status,
      ).toBe(404);
      const bad = await api.post<Problem>(`/v1/reports/${created.body.id}:retract`, {
        reason: 'bored',
      });
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
      const res = await api.post<{ status: string }>(`/v1/reports/${created.body.id}:retract`, {
        reason: 'court_order',
        note: 'Order 2025/123',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('retracted');
      const twice = await api.post<Problem>(`/v1/reports/${created.body.id}:retract`, {
        reason: 'court_order',
      });
      expect(twice.status).toBe(409);

      const events = await readTopic(`${node.namespace}.reports.v1`, (seen) =>
        seen.some((r) => r.key === created.body.id && r.type.endsWith('retracted.v1')),
      );
      const forReport = events.filter((r) => r.key === created.body.id);
      expect(forReport.map((r) => r.type)).toEqual([
        'org.aseanwgas.report.submitted.v1',
        'org.aseanwgas.report.retracted.v1',
      ]);
      expect(forReport[1]?.data).toMatchObject({
        reportId: created.body.id,
        reason: 'court_order',
      });
      expect(JSON.stringify(forReport[1]?.data)).not.toContain('Order 2025/123');

      const detail = await api.get<{ status: string; retraction: { reason: string } }>(
        `/v1/reports/${created.body.id}`,
      );
      expect(detail.body).toMatchObject({
        status: 'retracted',
        retraction: { reason: 'court_order' },
      });
      const audit = await operator.get<{ items: { action: string; targetId: string }[] }>(
        '/v1/audit?action=report.retracted',
      );
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({ targetId: created.body.id }),
      );
    });
  });
});
