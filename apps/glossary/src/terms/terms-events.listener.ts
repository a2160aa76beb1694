import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { GlossaryEvents } from '@sales-suite/contracts';
import { listenToBroadcasts, NatsClientService } from '@sales-suite/messaging';
import { TermsVersion } from './terms-version';

/**
 * Moves this replica's TermsVersion on every term event, whichever replica wrote the term
 * (imports included: each imported row publishes its event), and on every gap in what it heard.
 */
@Injectable()
export class TermsEventsListener implements OnApplicationBootstrap {
  constructor(
    private readonly nats: NatsClientService,
    private readonly version: TermsVersion,
  ) {}

  onApplicationBootstrap(): void {
    listenToBroadcasts(this.nats, Object.values(GlossaryEvents), {
      onMessage: () => this.version.moved('event'),
      onGap: () => this.version.moved('resync'),
    });
  }
}
