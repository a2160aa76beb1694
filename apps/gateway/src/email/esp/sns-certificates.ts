import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@sales-suite/contracts';
import { KeyObject, X509Certificate } from 'node:crypto';

const FETCH_TIMEOUT_MS = 5000;
const MAX_CERTIFICATE_BYTES = 64 * 1024;
/** AWS rotates rarely; a handful of URLs covers every region a deployment uses. */
const MAX_CACHED = 32;

/**
 * SNS signing certificates by URL, fetched once. Per replica by design: the cache only saves a
 * download of a public, immutable file (a miss on another replica downloads it again).
 * Callers check the URL first (`requireTrustedCertificateUrl`).
 */
@Injectable()
export class SnsCertificates {
  private readonly keys = new Map<string, Promise<KeyObject>>();

  key(url: string): Promise<KeyObject> {
    let key = this.keys.get(url);
    if (!key) {
      key = this.download(url);
      key.catch(() => this.keys.delete(url));
      if (this.keys.size >= MAX_CACHED) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(url, key);
    }
    return key;
  }

  private async download(url: string): Promise<KeyObject> {
    const unavailable = () =>
      new DomainError(
        ErrorCode.ServiceUnavailable,
        'The SNS signing certificate could not be fetched; SNS retries later',
      );
    let pem: string;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        redirect: 'error',
      });
      if (!response.ok) throw unavailable();
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length > MAX_CERTIFICATE_BYTES) throw unavailable();
      pem = body.toString('utf8');
    } catch {
      throw unavailable();
    }
    try {
      const certificate = new X509Certificate(pem);
      if (new Date(certificate.validTo).getTime() < Date.now()) throw unavailable();
      return certificate.publicKey;
    } catch {
      throw unavailable();
    }
  }
}
