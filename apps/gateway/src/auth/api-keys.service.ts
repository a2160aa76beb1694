import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiKeyChangedMessage,
  ApiKeyView,
  ApiScope,
  CreateApiKeyDto,
  CreatedApiKeyView,
  DomainError,
  ErrorCode,
  GatewayBroadcasts,
  UpdateApiKeyDto,
} from '@sales-suite/contracts';
import { broadcast, listenToBroadcasts, NatsClientService } from '@sales-suite/messaging';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.secrets';

/** Who is calling, once the key is verified. */
export interface Caller {
  keyId: string;
  name: string;
  scopes: readonly ApiScope[];
}

/** A backstop only: changes reach every replica by broadcast (and the cache empties on reconnect). */
const CACHE_TTL_MS = 30_000;
const MAX_CACHED = 10_000;

function toView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** The id in a key-changed broadcast, or undefined when the message is not one. */
function changedKeyId(data: Uint8Array): string | undefined {
  try {
    const { id } = JSON.parse(Buffer.from(data).toString('utf8')) as Partial<ApiKeyChangedMessage>;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * API keys, stored as SHA-256 hashes. Verified keys (and unknown ones) are cached so that a
 * request costs no database round trip. A revocation or change is broadcast once committed: every
 * gateway replica drops that key's entry at once, and its whole cache whenever NATS was away (it
 * may have missed a broadcast). A generation number stops a lookup that started before a change
 * from caching what it read.
 */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly repository: Repository<ApiKeyEntity>;
  private readonly cache = new Map<string, { caller: Caller | null; expiresAt: number }>();
  private generation = 0;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly config: ConfigService,
    private readonly nats: NatsClientService,
  ) {
    this.repository = dataSource.getRepository(ApiKeyEntity);
  }

  /** Listens for key changes made on other replicas; makes sure BOOTSTRAP_ADMIN_KEY, when set, is a live admin key. */
  async onApplicationBootstrap(): Promise<void> {
    listenToBroadcasts(this.nats, [GatewayBroadcasts.ApiKeyChanged], {
      onMessage: (message) => {
        const id = changedKeyId(message.data);
        if (id) this.forgetCached(id);
        else this.clearCache();
      },
      onGap: () => this.clearCache(),
    });
    const bootstrapKey = this.config.get<string>('BOOTSTRAP_ADMIN_KEY');
    if (!bootstrapKey) return;
    const inserted = await this.repository
      .createQueryBuilder()
      .insert()
      .values({
        name: 'bootstrap-admin',
        prefix: displayPrefix(bootstrapKey),
        keyHash: hashApiKey(bootstrapKey),
        scopes: ['admin'],
      })
      .orIgnore()
      .execute();
    await this.repository.update(
      { keyHash: hashApiKey(bootstrapKey) },
      { revokedAt: null, scopes: ['admin'] },
    );
    if (inserted.identifiers.length > 0) this.logger.log('Bootstrap admin key registered');
  }

  async verify(key: string): Promise<Caller | null> {
    const hash = hashApiKey(key);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > Date.now()) return cached.caller;
    const generation = this.generation;
    const entity = await this.repository.findOneBy({ keyHash: hash, revokedAt: IsNull() });
    const caller = entity ? { keyId: entity.id, name: entity.name, scopes: entity.scopes } : null;
    if (generation !== this.generation) return caller;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, { caller, expiresAt: Date.now() + CACHE_TTL_MS });
    return caller;
  }

  async create(input: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    const key = generateApiKey();
    const entity = await this.repository.save(
      this.repository.create({
        name: input.name,
        prefix: displayPrefix(key),
        keyHash: hashApiKey(key),
        scopes: input.scopes,
      }),
    );
    return { ...toView(entity), key };
  }

  async list(): Promise<ApiKeyView[]> {
    const keys = await this.repository.find({ order: { createdAt: 'ASC' } });
    return keys.map(toView);
  }

  async update(id: string, change: UpdateApiKeyDto): Promise<ApiKeyView> {
    const key = await this.found(id);
    if (change.name !== undefined) key.name = change.name;
    if (change.scopes !== undefined) key.scopes = change.scopes;
    await this.repository.update({ id }, { name: key.name, scopes: key.scopes });
    this.changed(id);
    return toView(key);
  }

  async revoke(id: string): Promise<void> {
    const key = await this.found(id);
    if (!key.revokedAt) await this.repository.update({ id }, { revokedAt: new Date() });
    this.changed(id);
  }

  private async found(id: string): Promise<ApiKeyEntity> {
    const key = await this.repository.findOneBy({ id });
    if (!key) throw new DomainError(ErrorCode.NotFound, `No API key has the id ${id}`, { id });
    return key;
  }

  /** After the change is committed: this replica forgets the key now, the others on the broadcast. */
  private changed(id: string): void {
    this.forgetCached(id);
    const message: ApiKeyChangedMessage = { id };
    if (
      !broadcast(this.nats, GatewayBroadcasts.ApiKeyChanged, Buffer.from(JSON.stringify(message)))
    )
      this.logger.warn(
        'API key change not broadcast: NATS is not connected; other gateways see it within the cache TTL',
      );
  }

  private forgetCached(id: string): void {
    this.generation++;
    for (const [hash, entry] of this.cache) if (entry.caller?.keyId === id) this.cache.delete(hash);
  }

  private clearCache(): void {
    this.generation++;
    this.cache.clear();
  }
}
