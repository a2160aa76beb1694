import { LEAD_STAGES, type LeadStage } from '@sales-suite/contracts/core';
import { headerKey } from './header-key';

/**
 * A CRM's lifecycle / status value → funnel stage, for `createLeads=true` imports. Keys are
 * compared like headers (case, spaces and punctuation ignored). Overridable as a whole by
 * `CRM_IMPORT_STAGE_MAPPING`; a value found in neither table enters as `new`.
 */
export const DEFAULT_STAGE_MAPPING: Readonly<Record<string, LeadStage>> = {
  subscriber: 'new',
  lead: 'new',
  new: 'new',
  open: 'new',
  'marketing qualified lead': 'mql',
  mql: 'mql',
  'sales qualified lead': 'sql',
  sql: 'sql',
  qualified: 'sql',
  opportunity: 'opportunity',
  customer: 'closed_won',
  evangelist: 'closed_won',
  won: 'closed_won',
  'closed won': 'closed_won',
  lost: 'closed_lost',
  'closed lost': 'closed_lost',
  other: 'new',
};

export type StageMapping = ReadonlyMap<string, LeadStage>;

export function stageMappingOf(table: Readonly<Record<string, LeadStage>>): StageMapping {
  return new Map(Object.entries(table).map(([value, stage]) => [headerKey(value), stage]));
}

/** The funnel stage of a file's lifecycle cell; blank or unknown → `new`. */
export function stageOf(cell: string | null, mapping: StageMapping): LeadStage {
  return (cell && mapping.get(headerKey(cell))) || 'new';
}

/** `CRM_IMPORT_STAGE_MAPPING` read: the table, or why it cannot be one. */
export function parseStageMapping(
  raw: string,
): { table: Record<string, LeadStage> } | { error: string } {
  let table: unknown;
  try {
    table = JSON.parse(raw);
  } catch {
    return { error: 'must be JSON' };
  }
  if (typeof table !== 'object' || table === null || Array.isArray(table))
    return { error: 'must be a JSON object of CRM value → funnel stage' };
  for (const [value, stage] of Object.entries(table)) {
    if (!headerKey(value)) return { error: `"${value}" has no letter or digit` };
    if (!(LEAD_STAGES as readonly unknown[]).includes(stage))
      return {
        error: `"${value}" maps to ${JSON.stringify(stage)}, not one of ${LEAD_STAGES.join(', ')}`,
      };
  }
  return { table: table as Record<string, LeadStage> };
}

/** The table in force: `CRM_IMPORT_STAGE_MAPPING` when set (validated at startup), else the defaults. */
export function configuredStageMapping(raw: string | undefined): StageMapping {
  if (!raw) return stageMappingOf(DEFAULT_STAGE_MAPPING);
  const parsed = parseStageMapping(raw);
  if ('error' in parsed) throw new Error(`CRM_IMPORT_STAGE_MAPPING ${parsed.error}`);
  return stageMappingOf(parsed.table);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * When the file says the contact was created: ISO-8601 with an offset, or the exporters'
 * `YYYY-MM-DD[ HH:MM[:SS]]` read as UTC (HubSpot and Salesforce export in the portal's zone,
 * which the file does not name). Other forms (`03/05/2024` is ambiguous), invalid dates and
 * dates after `now` → null: the lead starts at import time.
 */
export function createDateOf(cell: string | null, now: number): string | null {
  if (!cell) return null;
  const local = LOCAL_DATE_TIME.exec(cell.trim());
  let time: number;
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    time = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const back = new Date(time);
    if (
      back.getUTCMonth() !== +mo - 1 ||
      back.getUTCDate() !== +d ||
      +h > 23 ||
      +mi > 59 ||
      +s > 59
    )
      return null;
  } else if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(cell.trim())) {
    time = Date.parse(cell.trim());
  } else return null;
  return Number.isFinite(time) && time <= now ? new Date(time).toISOString() : null;
}
