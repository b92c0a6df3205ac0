import { Type, plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
  validateSync,
} from 'class-validator';
import type { KeyObject } from 'node:crypto';
import { TLP_LEVELS, type Tlp } from '@wgas/contracts';
import { publicKeyFromRaw } from './node-keys';

export class RegistryKey {
  @Matches(/^[a-z]{2}-[A-Za-z0-9._-]{1,60}$/)
  keyId!: string;

  /** Raw Ed25519 public key, base64 (44 chars). */
  @Matches(/^[A-Za-z0-9+/]{43}=$/)
  publicKey!: string;

  @IsISO8601()
  notBefore!: string;

  /** End of validity; during a rotation the old and new key overlap. */
  @IsOptional()
  @IsISO8601()
  notAfter?: string;
}

export class PeerPermissions {
  /** Most permissive TLP this peer may receive from us (RED is never exported). */
  @IsIn(TLP_LEVELS.filter((t) => t !== 'RED'))
  maxTlp!: Exclude<Tlp, 'RED'>;
}

export class PeerEntry {
  @Matches(/^[a-z]{2}$/)
  node!: string;

  /** The peer's topic namespace (its `<ns>.exchange.v1`); defaults to the node id. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,62}$/)
  namespace?: string;

  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RegistryKey)
  keys!: RegistryKey[];

  @IsObject()
  @ValidateNested()
  @Type(() => PeerPermissions)
  receives!: PeerPermissions;
}

/** The federation config file: who our peers are, their keys, and what each may receive. */
export class PeerRegistryFile {
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PeerEntry)
  peers!: PeerEntry[];
}

export class PeerRegistryError extends Error {}

export class PeerRegistry {
  /** Public keys as KeyObjects, built once: importing one per verification cost more than the verification. */
  private readonly keyObjects = new Map<RegistryKey, KeyObject>();

  private constructor(private readonly peers: Map<string, PeerEntry>) {
    for (const p of peers.values())
      for (const k of p.keys) this.keyObjects.set(k, publicKeyFromRaw(k.publicKey));
  }

  static parse(json: unknown): PeerRegistry {
    const file = plainToInstance(PeerRegistryFile, json);
    const errors = validateSync(file, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0)
      throw new PeerRegistryError(`invalid peer registry: ${errors.map(String).join('; ')}`);
    return new PeerRegistry(new Map(file.peers.map((p) => [p.node, p])));
  }

  peer(node: string): PeerEntry | undefined {
    return this.peers.get(node);
  }

  nodes(): string[] {
    return [...this.peers.keys()];
  }

  /** Each peer's exchange topic. */
  exchangeTopics(): string[] {
    return [...this.peers.values()].map((p) => `${p.namespace ?? p.node}.exchange.v1`);
  }

  /** The key `keyId` of `node` if it is valid at `at`. */
  validKey(node: string, keyId: string, at: Date): RegistryKey | undefined {
    const key = this.peers.get(node)?.keys.find((k) => k.keyId === keyId);
    if (!key) return undefined;
    if (at < new Date(key.notBefore)) return undefined;
    if (key.notAfter && at >= new Date(key.notAfter)) return undefined;
    return key;
  }

  /** The KeyObject for a registry key returned by `validKey`. */
  keyObject(key: RegistryKey): KeyObject {
    const object = this.keyObjects.get(key);
    if (!object) throw new Error(`key ${key.keyId} is not from this registry`);
    return object;
  }
}
