import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { JobView } from '@wgas/intake';
import { startTestNode, type TestNode } from '../test-node';
import { intakeClient, readTopic } from './intake-client';

const LINES = 100_000;
/** Every 997th line is broken in one of a few ways; the rest are good. */
const BAD_EVERY = 997;

function badLine(i: number): string {
  switch (i % 4) {
    case 0:
      return '{"typology":"job","tlp":"GREEN",'; // malformed JSON
    case 1:
      return JSON.stringify({ typology: 'bogus', tlp: 'GREEN', indicators: [{ value: 'x' }] });
    case 2:
      return JSON.stringify({ typology: 'job', tlp: 'GREEN', indicators: [] });
    default:
      return JSON.stringify({
        typology: 'job',
        tlp: 'GREEN',
        indicators: [{ value: 'x' }],
        ssn: 1,
      });
  }
}

/** Writes the test file line by line (never one big string) and returns what it contains. */
async function writeNdjson(path: string): Promise<{ good: number; bad: number[] }> {
  const out = createWriteStream(path);
  const bad: number[] = [];
  let good = 0;
  for (let line = 1; line <= LINES; line++) {
    let text: string;
    if (line % BAD_EVERY === 0) {
      text = badLine(line / BAD_EVERY);
      bad.push(line);
    } else {
      good++;
      text = JSON.stringify({
        typology: 'investment',
        tlp: 'GREEN',
        indicators: [
          { value: `08${String(10_000_000 + line)}`, type: 'phone' },
          { value: `https://scam-${line}.example/login` },
        ],
      });
    }
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { good, bad };
}

function upload(
  url: string,
  key: string,
  contentType: string,
  body: Readable | string | Buffer,
): Promise<{ status: number; json: JobView & { code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as JobView,
          }),
        );
      },
    );
    req.on('error', reject);
    if (typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

describe('bulk import', () => {
  let node: TestNode;
  let key: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wgas-bulk-'));
    node = await startTestNode({ services: ['intake'] });
    key = await node.createKey('agency');
  }, 120_000);

  afterAll(async () => {
    await node?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a 100,000-line NDJSON file: bad lines reported, good ones published exactly once', async () => {
    const file = join(dir, 'reports.ndjson');
    const { good, bad } = await writeNdjson(file);
    const res = await upload(
      `${node.intakeUrl}/v1/reports:bulk`,
      key,
      'application/x-ndjson',
      createReadStream(file),
    );
    expect(res.status).toBe(202);
    const job = res.json;
    expect(job).toMatchObject({
      status: 'completed',
      format: 'ndjson',
      linesRead: LINES,
      reportsAccepted: good,
      indicatorsAccepted: good * 2,
      linesRejected: bad.length,
      errorsTruncated: false,
    });
    expect(job.errors.map((e) => e.line)).toEqual(bad);
    expect(job.errors.slice(0, 4)).toEqual([
      { line: BAD_EVERY, field: 'typology', reason: expect.stringContaining('typology') },
      { line: BAD_EVERY * 2, field: 'indicators', reason: expect.any(String) },
      { line: BAD_EVERY * 3, field: 'ssn', reason: expect.stringContaining('should not exist') },
      { line: BAD_EVERY * 4, field: null, reason: expect.stringContaining('malformed JSON') },
    ]);

    const polled = await intakeClient(node.intakeUrl, key).get<JobView>(`/v1/jobs/${job.id}`);
    expect(polled.body).toMatchObject({ id: job.id, status: 'completed', linesRead: LINES });

    const published = await readTopic(
      `${node.namespace}.reports.v1`,
      (seen) => seen.length >= good,
      180_000,
    );
    // Let any duplicate arrive before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const keys = new Set(published.map((r) => r.key));
    expect(published).toHaveLength(good);
    expect(keys.size).toBe(good);
  }, 300_000);

  it('imports CSV with one report per row and ;-separated indicators', async () => {
    const csv = [
      'typology,tlp,channel,loss_amount,loss_currency,narrative,indicators',
      'romance,AMBER,social_media,1000,THB,"Met on ""dating"" app, asked for money",phone=0812345678;https://love.example',
      'bogus,GREEN,,,,,0812345679',
      'loan,GREEN,,,,,',
      'job,GREEN,sms,,,,bank_account=TH:004:1234567890',
    ].join('\n');
    const res = await upload(`${node.intakeUrl}/v1/reports:bulk`, key, 'text/csv', csv);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({
      format: 'csv',
      linesRead: 4,
      reportsAccepted: 2,
      indicatorsAccepted: 3,
      linesRejected: 2,
    });
    expect(res.json.errors).toEqual([
      { line: 3, field: 'typology', reason: expect.any(String) },
      { line: 4, field: 'indicators', reason: expect.any(String) },
    ]);
  });

  it('reports over-long lines, invalid UTF-8 and unreadable shapes per line, and refuses unknown CSV columns', async () => {
    const long = JSON.stringify({
      typology: 'job',
      tlp: 'GREEN',
      narrative: 'x'.repeat(2 * 1024 * 1024),
      indicators: [{ value: '1' }],
    });
    const body = Buffer.concat([
      Buffer.from(`${long}\n`),
      Buffer.from(
        '{"typology":"job","tlp":"GREEN","narrative":"\xff","indicators":[{"value":"1"}]}\n',
        'latin1',
      ),
      Buffer.from('{"typology":"job","tlp":"GREEN","indicators":[{"value":"0812345678"}]}\n'),
      // class-transformer throws a TypeError on this shape; it once failed the whole job
      Buffer.from('{"typology":[{"constructor":1}],"tlp":"GREEN","indicators":[{"value":"1"}]}\n'),
      Buffer.from('{"typology":"job","tlp":"GREEN","indicators":[{"value":"0812345679"}]}\n'),
    ]);
    const res = await upload(
      `${node.intakeUrl}/v1/reports:bulk`,
      key,
      'application/x-ndjson',
      body,
    );
    expect(res.json).toMatchObject({
      status: 'completed',
      linesRead: 5,
      reportsAccepted: 2,
      linesRejected: 3,
    });
    expect(res.json.errors.map((e) => [e.line, e.reason.split(' ').slice(0, 2).join(' ')])).toEqual(
      [
        [1, 'line longer'],
        [2, 'the line'],
        [4, 'the line'],
      ],
    );
    const csv = await upload(
      `${node.intakeUrl}/v1/reports:bulk`,
      key,
      'text/csv',
      'typology,password\njob,x\n',
    );
    expect(csv.status).toBe(400);
    expect(csv.json.code).toBe('bulk.bad_csv_header');
    const wrongType = await upload(
      `${node.intakeUrl}/v1/reports:bulk`,
      key,
      'application/json',
      '{}',
    );
    expect(wrongType.status).toBe(415);
  });
});
