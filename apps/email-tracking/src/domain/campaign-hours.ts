const HOUR_MS = 3_600_000;

/** One row of `email.campaign_hours` and what a batch adds to it (negative when it removes). */
export interface CampaignHourShift {
  campaignId: string;
  /** The start of the UTC hour. */
  hour: Date;
  classification: string;
  opens: number;
  clicks: number;
}

/** The start of the UTC hour that holds `at`. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * What one transaction changes in the per-campaign, per-hour counts of opens and clicks, added
 * up in memory so that it is written as one statement of a few rows, however many hits.
 */
export class CampaignHoursTally {
  private readonly shifts = new Map<string, CampaignHourShift>();

  addOpen(campaignId: string, at: Date, classification: string, count = 1): void {
    this.shift(campaignId, at, classification).opens += count;
  }

  addClick(campaignId: string, at: Date, classification: string, count = 1): void {
    this.shift(campaignId, at, classification).clicks += count;
  }

  /** The rows that move, in key order (the order they are locked in, so writers cannot deadlock). */
  rows(): CampaignHourShift[] {
    return [...this.shifts.entries()]
      .filter(([, shift]) => shift.opens !== 0 || shift.clicks !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, shift]) => shift);
  }

  private shift(campaignId: string, at: Date, classification: string): CampaignHourShift {
    const hour = hourOf(at);
    // ISO hours sort as times; the key order is the table's (campaign, hour, classification).
    const key = `${campaignId} ${hour.toISOString()} ${classification}`;
    let shift = this.shifts.get(key);
    if (!shift) {
      shift = { campaignId, hour, classification, opens: 0, clicks: 0 };
      this.shifts.set(key, shift);
    }
    return shift;
  }
}
