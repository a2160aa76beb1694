import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { GlossaryBroadcasts, GlossaryEvents, TermView } from '@sales-suite/contracts';
import { listenToBroadcasts, NatsClientService } from '@sales-suite/messaging';
import type { FastifyReply } from 'fastify';
import { notModified, termEntityTag } from './entity-tag';

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
 * Kept fresh by the glossary's events and its `usedBy` changes (a plain subscription: every
 * gateway replica hears every event), emptied on reconnect and after this gateway forwards any write, and bounded by a TTL.
 * A generation number stops a read that started before a change from caching the old term.
 */
@Injectable()
export class TermCache implements OnApplicationBootstrap {
  private readonly entries = new Map<string, CachedTerm & { expiresAt: number }>();
  private generation = 0;

  constructor(private readonly nats: NatsClientService) {}

  onApplicationBootstrap(): void {
    const subjects = [...Object.values(GlossaryEvents), GlossaryBroadcasts.TermUsesChanged];
    listenToBroadcasts(this.nats, subjects, {
      onMessage: (message) => {
        try {
          const event = message.json<{
            term?: { slug?: string };
            slug?: string;
            slugs?: unknown;
          }>();
          const slug = event.term?.slug ?? event.slug;
          if (typeof slug === 'string') this.forget(slug);
          else if (Array.isArray(event.slugs))
            event.slugs.forEach((one) => this.forget(String(one)));
          else this.clear();
        } catch {
          this.clear();
        }
      },
      onGap: () => this.clear(),
    });
  }

  get(slug: string): CachedTerm | undefined {
    const entry = this.entries.get(slug);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry;
    this.entries.delete(slug);
    return undefined;
  }

  /** The cached term, or the one `load` fetches, cached unless a change came in meanwhile. */
  async read(slug: string, load: () => Promise<TermView>): Promise<CachedTerm> {
    const cached = this.get(slug);
    if (cached) return cached;
    const generation = this.generation;
    const term = await load();
    const entry = { term, json: JSON.stringify(term), etag: termEntityTag(term.version) };
    if (generation === this.generation) this.store(entry);
    return entry;
  }

  private store(entry: CachedTerm): void {
    if (this.entries.size >= MAX_ENTRIES)
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(entry.term.slug, { ...entry, expiresAt: Date.now() + TTL_MS });
  }

  forget(slug: string): void {
    this.generation++;
    this.entries.delete(slug);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/**
 * Sets the term's ETag on the reply; true when `If-None-Match` names it, the reply then being a
 * 304 to send without a body. The one conditional answer for cached and fetched terms alike.
 */
export function answerConditionally(
  reply: FastifyReply,
  cached: CachedTerm,
  ifNoneMatch: string | undefined,
): boolean {
  void reply.header('etag', cached.etag);
  if (!notModified(ifNoneMatch, cached.etag)) return false;
  void reply.status(304);
  return true;
}
