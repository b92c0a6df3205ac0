import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource, IsNull } from 'typeorm';
import { alertsTopic } from '@wgas/contracts';
import { ensureTopics } from '@wgas/messaging';
import { KAFKA, NODE_CONFIG, ProblemException, type Principal } from '@wgas/platform';
import type { FanoutConfig } from '../fanout.config';
import { assertPublicTarget, BlockedTargetError } from '../webhooks/ssrf-guard';
import type { CreateSubscriptionDto } from './dtos/create-subscription.dto';
import type { UpdateSubscriptionDto } from './dtos/update-subscription.dto';
import { subscriberName } from './subscriber-name';
import { SubscriptionCache } from './subscription.cache';
import { Subscription, type SubscriberRole } from './subscription.entity';
import { toSubscriptionView, type SubscriptionView } from './subscription.view';
import { generateWebhookSecret, WebhookSecretCipher } from './webhook-secret.cipher';

export type SubscriptionWithSecret = SubscriptionView & { secret?: string };

/** A subscriber's organisation may have this many live subscriptions. */
export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 50;

/**
 * Subscription use cases. A subscription belongs to the caller's organisation; only its
 * owner sees or changes it (operators may read all). Secrets are shown once.
 */
@Injectable()
export class SubscriptionService {
  private readonly logger = new Logger(SubscriptionService.name);
  private readonly cipher: WebhookSecretCipher;

  constructor(
    private readonly ds: DataSource,
    @Inject(NODE_CONFIG) private readonly config: FanoutConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly cache: SubscriptionCache,
  ) {
    this.cipher = new WebhookSecretCipher(config.SUBSCRIPTION_SECRETS_KEY);
    if (!this.cipher.encrypts) {
      this.logger.warn('SUBSCRIPTION_SECRETS_KEY is empty: webhook secrets are stored unencrypted');
    }
  }

  async create(p: Principal, dto: CreateSubscriptionDto): Promise<SubscriptionWithSecret> {
    if (p.role === 'operator') {
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'subscription.role_not_subscribable',
        'Operators do not receive alerts; subscribe with a telco, bank or agency key.',
      );
    }
    const repo = this.ds.getRepository(Subscription);
    const live = await repo.countBy({ organisationId: p.organisationId, deletedAt: IsNull() });
    if (live >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
      throw new ProblemException(
        HttpStatus.CONFLICT,
        'subscription.limit_reached',
        `An organisation may have at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} subscriptions.`,
      );
    }
    if (dto.channel === 'webhook') await this.checkTarget(dto.webhookUrl as string);
    let kafkaTopic: string | null = null;
    if (dto.channel === 'kafka') {
      kafkaTopic = alertsTopic(this.config.namespace, subscriberName(p.organisationId));
      await this.createTopic(kafkaTopic);
    }
    const secret = dto.channel === 'webhook' ? generateWebhookSecret() : undefined;
    const s = repo.create({
      id: randomUUID(),
      organisationId: p.organisationId,
      role: p.role as SubscriberRole,
      country: p.country,
      name: dto.name ?? null,
      types: dto.types ?? null,
      originCountries: dto.originCountries ?? null,
      minConfidence: dto.minConfidence ?? null,
      typologies: dto.typologies ?? null,
      channel: dto.channel,
      webhookUrl: dto.channel === 'webhook' ? (dto.webhookUrl as string) : null,
      webhookSecret: secret ? this.cipher.seal(secret) : null,
      kafkaTopic,
      isStatic: false,
      deletedAt: null,
    });
    await repo.save(s);
    this.cache.invalidate();
    return { ...toSubscriptionView(s), ...(secret ? { secret } : {}) };
  }

  async list(p: Principal): Promise<SubscriptionView[]> {
    const rows = await this.ds.getRepository(Subscription).find({
      where: {
        deletedAt: IsNull(),
        ...(p.role === 'operator' ? {} : { organisationId: p.organisationId }),
      },
      order: { createdAt: 'ASC' },
      take: 1000,
    });
    return rows.map(toSubscriptionView);
  }

  async get(p: Principal, id: string): Promise<SubscriptionView> {
    return toSubscriptionView(await this.find(p, id, { read: true }));
  }

  async update(p: Principal, id: string, dto: UpdateSubscriptionDto): Promise<SubscriptionView> {
    const s = await this.find(p, id);
    if (dto.webhookUrl !== undefined) {
      if (s.channel !== 'webhook') throw channelMismatch('webhookUrl', s.channel);
      await this.checkTarget(dto.webhookUrl);
      s.webhookUrl = dto.webhookUrl;
    }
    // undefined: unchanged; null: remove the filter.
    if (dto.name !== undefined) s.name = dto.name ?? null;
    if (dto.types !== undefined) s.types = dto.types ?? null;
    if (dto.originCountries !== undefined) s.originCountries = dto.originCountries ?? null;
    if (dto.minConfidence !== undefined) s.minConfidence = dto.minConfidence ?? null;
    if (dto.typologies !== undefined) s.typologies = dto.typologies ?? null;
    await this.ds.getRepository(Subscription).save(s);
    this.cache.invalidate();
    return toSubscriptionView(s);
  }

  async remove(p: Principal, id: string): Promise<void> {
    const s = await this.find(p, id);
    await this.ds.getRepository(Subscription).update({ id: s.id }, { deletedAt: new Date() });
    this.cache.invalidate();
  }

  async rotateSecret(p: Principal, id: string): Promise<SubscriptionWithSecret> {
    const s = await this.find(p, id);
    if (s.channel !== 'webhook') throw channelMismatch('secret', s.channel);
    const secret = generateWebhookSecret();
    // The old secret keeps signing (both signatures sent) for the overlap window.
    s.previousWebhookSecret = s.webhookSecret;
    s.previousSecretExpiresAt = new Date(Date.now() + this.config.WEBHOOK_SECRET_OVERLAP_MS);
    s.webhookSecret = this.cipher.seal(secret);
    await this.ds.getRepository(Subscription).save(s);
    this.cache.invalidate();
    return { ...toSubscriptionView(s), secret };
  }

  /** The caller's own live subscription (operators may read any); 404 otherwise. */
  async find(p: Principal, id: string, o: { read?: boolean } = {}): Promise<Subscription> {
    const s = await this.ds
      .getRepository(Subscription)
      .findOneBy({ id, deletedAt: IsNull(), isStatic: false });
    const visible =
      s && (s.organisationId === p.organisationId || (o.read && p.role === 'operator'));
    if (!s || !visible) {
      throw new ProblemException(
        HttpStatus.NOT_FOUND,
        'subscription.not_found',
        `No subscription ${id}.`,
      );
    }
    return s;
  }

  private async checkTarget(url: string): Promise<void> {
    try {
      await assertPublicTarget(new URL(url), this.config.allowedWebhookHosts);
    } catch (e) {
      const detail =
        e instanceof BlockedTargetError
          ? `${e.message}; ask the node operator to allow-list it if it is yours.`
          : `webhook host cannot be resolved: ${(e as Error).message}`;
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'subscription.webhook_target_refused',
        detail,
        [{ field: 'webhookUrl', rule: 'publicAddress', message: detail }],
      );
    }
  }

  private async createTopic(topic: string): Promise<void> {
    try {
      await ensureTopics(this.kafka, [topic]);
    } catch (e) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'subscription.kafka_unavailable',
        `Cannot create the alert topic now (${(e as Error).message}); try again.`,
      );
    }
  }
}

function channelMismatch(field: string, channel: string): ProblemException {
  return new ProblemException(
    HttpStatus.CONFLICT,
    'subscription.channel_mismatch',
    `A ${channel} subscription has no ${field}.`,
  );
}
