import type { TrackingMode } from '@sales-suite/contracts';

/** A hit's message as the recorder locked it, with the consent that applies to it. */
export interface TargetRow {
  campaign_id: string;
  contact_id: string | null;
  lead_id: string | null;
  delivered_at: Date | null;
  first_human_open_at: Date | null;
  tracking_mode: TrackingMode;
  do_not_track: boolean;
}

/** Hit ids and message ids are the UUIDs the edge and the service issued: anything else is skipped. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a valid hit is not recorded, or null when it is. */
export function skipReason(hitId: string, target: TargetRow | undefined): string | null {
  if (!UUID.test(hitId)) return 'malformed_hit';
  if (!target) return 'unknown_message';
  if (target.tracking_mode === 'off') return 'tracking_off';
  if (target.do_not_track) return 'do_not_track';
  return null;
}
