import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiKeyView,
  ApiScope,
  CreateApiKeyDto,
  CreatedApiKeyView,
  DomainError,
  ErrorCode,
} from '@sales-suite/contracts';
import { DataSource, IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key.secrets';

/** Who is calling, once the key is verified. */
export interface Caller {
  keyId: string;
  name: string;
  scopes: readonly ApiScope[];
}

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

/**
 * API keys, stored as SHA-256 hashes. Verified keys (and unknown ones) are cached briefly so that
 * a request costs no database round trip; a revocation reaches other replicas within the TTL.
 */
@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly repository: Repository<ApiKeyEntity>;
  private readonly cache = new Map<string, { caller: Caller | null; expiresAt: number }>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly config: ConfigService,
  ) {
    this.repository = dataSource.getRepository(ApiKeyEntity);
  }

  /** Makes sure BOOTSTRAP_ADMIN_KEY, when configured, is a live admin key. */
  async onApplicationBootstrap(): Promise<void> {
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
    const entity = await this.repository.findOneBy({ keyHash: hash, revokedAt: IsNull() });
    const caller = entity ? { keyId: entity.id, name: entity.name, scopes: entity.scopes } : null;
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

  async revoke(id: string): Promise<void> {
    const key = await this.repository.findOneBy({ id });
    if (!key) throw new DomainError(ErrorCode.NotFound, `No API key has the id ${id}`, { id });
    if (!key.revokedAt) await this.repository.update({ id }, { revokedAt: new Date() });
    this.cache.delete(key.keyHash);
  }
}
