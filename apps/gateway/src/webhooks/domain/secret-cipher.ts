import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Keeps signing secrets encrypted at rest with AES-256-GCM under `WEBHOOK_SECRETS_KEY`: the
 * database alone (a dump, a replica, a backup) does not reveal them, yet deliveries can sign.
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export class SecretCipher {
  private readonly key: Buffer;

  /** `base64Key`: base64 of exactly 32 bytes; throws a RangeError otherwise. */
  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, 'base64');
    if (this.key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64Key.trim()))
      throw new RangeError('must be base64 of 32 bytes (openssl rand -base64 32)');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the text was not encrypted under this key (or was altered). */
  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || body === undefined) throw new RangeError('unknown secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }
}
