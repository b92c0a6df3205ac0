/**
 * A stand-in for a telco's or bank's webhook endpoint in the local network: verifies the
 * Standard Webhooks signature and prints each alert as one line.
 *
 *   SINK_PORT=4100 SINK_NAME=th-telco WEBHOOK_SECRET=whsec_... node -r ./tools/register.js tools/demo/webhook-sink.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const port = Number(process.env.SINK_PORT ?? 4100);
const name = process.env.SINK_NAME ?? 'sink';
const secretFile = process.env.SINK_SECRET_FILE;

/** The signing secret: from SINK_SECRET_FILE (a subscription's JSON, read per request because it is written after the sink starts) or WEBHOOK_SECRET. */
function verifier(): Webhook | undefined {
  let secret = process.env.WEBHOOK_SECRET ?? '';
  if (secretFile && existsSync(secretFile)) {
    secret = (JSON.parse(readFileSync(secretFile, 'utf8')) as { secret?: string }).secret ?? '';
  }
  return secret ? new Webhook(secret) : undefined;
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let verdict = 'unsigned';
    try {
      const v = verifier();
      if (v) {
        v.verify(body, req.headers as Record<string, string>);
        verdict = 'signature ok';
      }
    } catch {
      verdict = 'BAD SIGNATURE';
    }
    const alert = JSON.parse(body || '{}') as {
      action?: string;
      indicator?: { type?: string; value?: string; countries?: string[] };
    };
    console.log(
      `[${new Date().toISOString()}] ${name} received ${alert.action ?? '?'} ${alert.indicator?.type ?? '?'} ${alert.indicator?.value ?? '?'} ` +
        `(reported in ${(alert.indicator?.countries ?? []).join(',')}; ${verdict}; webhook-id ${String(req.headers['webhook-id'])})`,
    );
    res.statusCode = verdict === 'BAD SIGNATURE' ? 401 : 204;
    res.end();
  });
}).listen(port, '127.0.0.1', () =>
  console.log(`${name} webhook sink listening on http://127.0.0.1:${port}/alerts`),
);
