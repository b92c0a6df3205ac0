import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PeerRegistry, privateKeyFromPem } from '@wgas/federation';
import { NODE_CONFIG } from '@wgas/platform';
import type { ExchangeConfig } from './exchange.config';

/** This node's signing key and its peer registry, loaded once at start (fail fast). */
@Injectable()
export class FederationIdentity {
  readonly node: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly registry: PeerRegistry;

  constructor(@Inject(NODE_CONFIG) config: ExchangeConfig) {
    this.node = config.NODE_ID;
    this.keyId = config.NODE_KEY_ID;
    this.privateKey = privateKeyFromPem(readFileSync(config.NODE_KEY_FILE, 'utf8'));
    this.registry = PeerRegistry.parse(
      JSON.parse(readFileSync(config.PEER_REGISTRY_FILE, 'utf8')) as unknown,
    );
  }
}
