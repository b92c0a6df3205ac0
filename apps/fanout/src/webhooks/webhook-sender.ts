import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NODE_CONFIG } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { DeliveryResultRecorder, type DeliveryResult } from './delivery-result.recorder';
import { WebhookHttpClient } from './webhook-http.client';
import { retryDelayMs, signWebhook } from './webhook-signature';
import { WebhookTargets, type WebhookSubscriptionRef } from './webhook-targets';

/** One attempt at one delivery row: its id is the `webhook-id`. */
export interface DeliveryAttempt {
  id: string;
  /** Attempts made before this one. */
  attempts: number;
  createdAt: Date;
  /** The AlertV1 JSON body. */
  body: string;
  subscription: WebhookSubscriptionRef;
}

/** How often attempt outcomes are written (one UPDATE per outcome kind per flush). */
const RESULT_FLUSH_MS = 20;

/**
 * Makes one attempt: signs per Standard Webhooks with the subscription's key, POSTs over
 * a keep-alive pool, and records the outcome (delivered; failed with the next retry after
 * exponential backoff with jitter; parked after WEBHOOK_PARK_AFTER_MS or when the
 * subscription was deleted). Shared by the post-commit dispatcher and the retry worker.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly http: WebhookHttpClient;
  private readonly targets: WebhookTargets;
  readonly results: DeliveryResultRecorder;

  constructor(
    ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
  ) {
    this.http = new WebhookHttpClient({
      connectionsPerOrigin: config.WEBHOOK_MAX_SOCKETS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    });
    this.targets = new WebhookTargets(config);
    this.results = new DeliveryResultRecorder(ds, RESULT_FLUSH_MS);
  }

  async send(d: DeliveryAttempt): Promise<DeliveryResult> {
    const error = await this.post(d);
    const result =
      error === undefined
        ? { id: d.id, ok: true as const, at: new Date() }
        : this.failure(d, error);
    this.results.record(result);
    return result;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.results.flush();
    await this.http.close();
  }

  private async post(d: DeliveryAttempt): Promise<string | undefined> {
    const target = this.targets.of(d.subscription);
    if (!target.ok) return target.error;
    const ts = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'wgas-exchange-fanout/1',
      'webhook-id': d.id,
      'webhook-timestamp': String(ts),
    };
    // Several space-separated signatures during a secret rotation's overlap (Standard Webhooks).
    if (target.keys.length > 0)
      headers['webhook-signature'] = target.keys
        .map((key) => signWebhook(key, d.id, ts, d.body))
        .join(' ');
    return this.http.post({
      url: target.url,
      headers,
      body: d.body,
      timeoutMs: this.config.WEBHOOK_TIMEOUT_MS,
      trusted: target.trusted,
    });
  }

  private failure(d: DeliveryAttempt, error: string): DeliveryResult {
    const attempts = d.attempts + 1;
    const parked =
      d.subscription.deletedAt !== null ||
      Date.now() - d.createdAt.getTime() >= this.config.WEBHOOK_PARK_AFTER_MS;
    return {
      id: d.id,
      ok: false,
      status: parked ? 'parked' : 'failed',
      error,
      retryInMs: retryDelayMs(attempts, Math.random, this.config.WEBHOOK_RETRY_BASE_MS),
    };
  }
}
