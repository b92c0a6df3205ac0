import type { DataSource } from 'typeorm';
import type { FanoutConfig } from '../fanout.config';
import { CLAIM_LIMIT, WebhookDeliveryWorker } from './webhook-delivery.worker';
import type { WebhookSender } from './webhook-sender';

const due = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `msg_${i}`,
    attempts: 1,
    created_at: new Date(),
    payload: '{}',
    subscription_id: 's1',
    webhook_url: null,
    webhook_secret: null,
    is_static: false,
    deleted_at: null,
    previous_webhook_secret: null,
    previous_secret_expires_at: null,
  }));

/** A worker over a fake claim query that answers with the next of `batches`, then nothing. */
function worker(batches: number[], concurrency = 4, claimMs = 5) {
  let claims = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const ds = {
    query: async () => {
      claims++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, claimMs)); // a claim takes a moment
      inFlight--;
      return due(batches.shift() ?? 0);
    },
  } as unknown as DataSource;
  const sender = { send: async () => ({ ok: true }) } as unknown as WebhookSender;
  const w = new WebhookDeliveryWorker(ds, sender, {
    WEBHOOK_CONCURRENCY: concurrency,
    WEBHOOK_POLL_MS: 20,
  } as FanoutConfig);
  return { w, stats: () => ({ claims, maxInFlight }) };
}

describe('WebhookDeliveryWorker', () => {
  it('polls with one pass when there is nothing to send', async () => {
    const { w, stats } = worker([]);
    w.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 250));
    await w.onApplicationShutdown();
    // about one claim per 20-25 ms (idle + query); four polling passes would make 40-50
    expect(stats().claims).toBeGreaterThanOrEqual(2);
    expect(stats().claims).toBeLessThanOrEqual(20);
    expect(stats().maxInFlight).toBe(1);
  });

  it('brings the other passes in while passes come back full, and lets them rest after', async () => {
    const { w, stats } = worker([CLAIM_LIMIT, CLAIM_LIMIT, CLAIM_LIMIT, CLAIM_LIMIT, 10]);
    w.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 250));
    await w.onApplicationShutdown();
    expect(stats().maxInFlight).toBeGreaterThan(1);
    // after the backlog, one pass polls again: far fewer claims than four pollers would make
    expect(stats().claims).toBeLessThanOrEqual(25);
  });

  it('stops every pass, resting ones included, on shutdown', async () => {
    const { w } = worker([CLAIM_LIMIT]);
    w.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 50));
    await expect(w.onApplicationShutdown()).resolves.toBeUndefined();
  });

  it('stops a pass whose claim was still running when shutdown began', async () => {
    // the poller's full pass (0-100 ms) wakes the helpers, whose claims run 100-200 ms;
    // shutdown at 150 ms finds them mid-claim, not resting, and they must not rest after
    const { w } = worker([CLAIM_LIMIT], 4, 100);
    w.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 150));
    let stopped = false;
    const stop = w.onApplicationShutdown().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 400));
    expect(stopped).toBe(true);
    await stop;
  });
});
