import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConsentView,
  ContactTrackingView,
  ErasedTrackingView,
  SetContactTrackingDto,
  TrackingMode,
} from '@sales-suite/contracts';
import { DataSource } from 'typeorm';
import { CampaignHoursTally } from '../domain/campaign-hours';
import { shiftCampaignHours } from '../opens/campaign-rollup';
import { ClickCountsTally } from '../domain/click-counts';
import { lockCampaigns, shiftClickCounts } from '../opens/click-counts';

const MODE_DESCRIPTIONS: Record<TrackingMode, string> = {
  off: 'Pixels still answer, but no open is recorded.',
  anonymous:
    'Opens are counted per message and campaign, without contact, IP prefix or user agent family; no email.opened events.',
  individual:
    'Opens are recorded per contact (truncated IP, UA family) and first human opens are emitted as email.opened.',
};

/** The global tracking switch, per-contact do-not-track, and erasure of a person's opens. */
@Injectable()
export class ConsentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async getConsent(): Promise<ConsentView> {
    const [row]: { tracking_mode: TrackingMode }[] = await this.dataSource.query(
      `SELECT tracking_mode FROM email.settings`,
    );
    return { mode: row.tracking_mode, description: MODE_DESCRIPTIONS[row.tracking_mode] };
  }

  async setConsent(mode: TrackingMode): Promise<ConsentView> {
    await this.dataSource.query(
      `UPDATE email.settings SET tracking_mode = $1, updated_at = now()`,
      [mode],
    );
    return { mode, description: MODE_DESCRIPTIONS[mode] };
  }

  async setContactTracking(input: SetContactTrackingDto): Promise<ContactTrackingView> {
    await this.dataSource.query(
      `INSERT INTO email.contact_tracking (contact_id, do_not_track) VALUES ($1, $2)
       ON CONFLICT (contact_id) DO UPDATE SET do_not_track = EXCLUDED.do_not_track, updated_at = now()`,
      [input.contactId, input.doNotTrack],
    );
    return { contactId: input.contactId, doNotTrack: input.doNotTrack };
  }

  /**
   * Deletes every open and click of the contact's messages and resets their open and click
   * counters, in one transaction: campaign figures (and link counts) drop by exactly what is erased.
   */
  async erase(contactId: string): Promise<ErasedTrackingView> {
    return this.dataSource.transaction(async (manager) => {
      const messages: { id: string; campaign_id: string }[] = await manager.query(
        `SELECT id, campaign_id FROM email.messages WHERE contact_id = $1 ORDER BY id FOR UPDATE`,
        [contactId],
      );
      const ids = messages.map((message) => message.id);
      await lockCampaigns(
        manager,
        messages.map((message) => message.campaign_id),
      );
      type Erased = { campaign_id: string; at: Date; classification: string }[];
      const [opens, erasedOpens]: [Erased, number] = await manager.query(
        `DELETE FROM email.opens WHERE contact_id = $1 OR message_id = ANY($2::uuid[])
         RETURNING campaign_id, opened_at AS at, classification`,
        [contactId, ids],
      );
      const [clicks, erasedClicks]: [
        (Erased[number] & { message_id: string; link_id: string; implied_open: boolean })[],
        number,
      ] = await manager.query(
        `DELETE FROM email.clicks WHERE contact_id = $1 OR message_id = ANY($2::uuid[])
         RETURNING campaign_id, clicked_at AS at, classification, message_id, link_id, implied_open`,
        [contactId, ids],
      );
      await manager.query(
        `UPDATE email.messages
         SET open_count = 0, human_open_count = 0, first_open_at = NULL, first_human_open_at = NULL
         WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      const hours = new CampaignHoursTally();
      for (const open of opens) hours.addOpen(open.campaign_id, open.at, open.classification, -1);
      for (const click of clicks)
        hours.addClick(click.campaign_id, click.at, click.classification, -1);
      const counts = new ClickCountsTally();
      for (const click of clicks)
        counts.addClick(
          {
            messageId: click.message_id,
            linkId: String(click.link_id),
            classification: click.classification,
            impliedOpen: click.implied_open,
          },
          -1,
        );
      await shiftClickCounts(manager, counts);
      await shiftCampaignHours(manager, hours);
      return { contactId, erasedOpens, erasedClicks };
    });
  }
}
