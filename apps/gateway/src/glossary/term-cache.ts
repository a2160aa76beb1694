import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { GlossaryEvents, TermView } from '@sales-suite/contracts';
import { NatsClientService, prefixed } from '@sales-suite/messaging';
import type { NatsConnection } from 'nats';
import { termEntityTag } from './entity-tag';

/** A backstop: an event lost while NATS was away cannot keep a term stale longer than this. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** A cached term with what answering it needs, computed once per entry rather than per read. */
export interface CachedTerm {
  term: TermView;
  json: string;
  etag: string;
}

/**
 * The gateway's copy of recently read terms, so `GET /terms/:slug` skips the NATS round trip.
 * Kept fresh by the glossary's events (a plain subscription: every gateway replica hears every
 * event), emptied on reconnect and after this gateway forwards any write, and bounded by a TTL.
 * A generation number stops a read that started before a change from caching the old term.
 */
@Injectable()
export class TermCache implements OnApplicationBootstrap {
  private readonly logger = new Logger(TermCache.name);
  private readonly entries = new Map<string, CachedTerm & { expiresAt: number }>();
  private generation = 0;

  constructor(private readonly nats: NatsClientService) {}

  onApplicationBootstrap(): void {
    void this.nats
      .connected()
      .then((nc) => this.listen(nc))
      .catch((error: Error) => this.logger.warn(`Term cache disabled: ${error.message}`));
  }

  get(slug: string): CachedTerm | undefined {
    const entry = this.entries.get(slug);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry;
    this.entries.delete(slug);
    return undefined;
  }

  /** The generation to hand back to `set`: take it before asking the service. */
  get currentGeneration(): number {
    return this.generation;
  }

  set(term: TermView, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(term.slug, {
      term,
      json: JSON.stringify(term),
      etag: termEntityTag(term.version),
      expiresAt: Date.now() + TTL_MS,
    });
  }

  forget(slug: string): void {
    this.generation++;
    this.entries.delete(slug);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private listen(nc: NatsConnection): void {
    for (const subject of Object.values(GlossaryEvents)) {
      nc.subscribe(prefixed(this.nats.subjectPrefix, subject), {
        callback: (error, message) => {
          if (error) return this.clear();
          try {
            const event = message.json<{ term?: { slug?: string }; slug?: string }>();
            const slug = event.term?.slug ?? event.slug;
            if (typeof slug === 'string') this.forget(slug);
            else this.clear();
          } catch {
            this.clear();
          }
        },
      });
    }
    void (async () => {
      for await (const status of nc.status())
        if (status.type === 'disconnect' || status.type === 'reconnect') this.clear();
    })();
  }
}
