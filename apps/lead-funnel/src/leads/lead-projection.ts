import { Injectable } from '@nestjs/common';
import { CLOSED_STAGES } from '@sales-suite/contracts';
import type { EntityManager } from 'typeorm';
import { FunnelFacts, funnelRollupDeltas } from '../domain/funnel-rollup';
import { funnelSummary } from '../domain/funnel-stats';
import type { LeadState } from '../domain/lead-state';

/** The SQL condition on a `funnel.leads` row that the lead is still open (not in a closed stage). */
export const OPEN_LEAD = `stage NOT IN (${CLOSED_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

/**
 * The `funnel.leads` rows with their scores brought to the time in parameter `$<at>`:
 * `engagement_now` and `total_now` (the stored score plus `funnel.score_decay`, rounded like
 * every score). The one SQL for the decayed score: lists, filters, sorting and the decay sweep.
 */
export const leadsScoredAt = (at: number) => `(
  SELECT l.*, round((l.engagement_score + d.change)::numeric, 2)::float8 AS engagement_now,
         round((l.total_score + d.change)::numeric, 2)::float8 AS total_now
  FROM funnel.leads l
  CROSS JOIN LATERAL (
    SELECT funnel.score_decay(l.decay_half_lives, l.decay_points, l.scored_at, $${at}::timestamptz) AS change
  ) d
) AS leads`;

/**
 * The first `count` leads matching `filter` by live total (highest first), without decaying every
 * lead: the live total never exceeds `score_ceiling` (see the migration ScoreCeilingIndex), so
 * `count` matching leads taken in ceiling order (index) give a total `cut` that the page's last
 * lead reaches at least, and only leads whose ceiling reaches `cut` can be on the page. The
 * 0.01 margin covers the rounding of the live total to 2 decimals. The band is ranked from the
 * ceiling indexes alone (they carry what the decay needs, migration LeadListCoveringIndex) and
 * only the page's rows are read from the table.
 */
export const leadsByScore = (filter: string, count: number) => `
  WITH cut AS MATERIALIZED (
    SELECT min(total_now) AS total FROM (
      SELECT total_now FROM ${leadsScoredAt(1)} WHERE ${filter}
      ORDER BY score_ceiling DESC LIMIT ${count}
    ) candidates HAVING count(*) = ${count}
  ), page AS MATERIALIZED (
    SELECT id FROM ${leadsScoredAt(1)}
    WHERE ${filter} AND score_ceiling >= COALESCE((SELECT total FROM cut), '-Infinity') - 0.01
    ORDER BY total_now DESC, id LIMIT ${count}
  )
  SELECT * FROM ${leadsScoredAt(1)}
  WHERE id IN (SELECT id FROM page)
  ORDER BY total_now DESC, id`;

/** How far (points) a lead's ceiling may stand above the most its total can still reach. */
export const CEILING_SLACK = 0.5;

/** Leads per ceiling-sweep statement: a short lock on each row, in id order. */
export const CEILING_SWEEP_BATCH = 5000;

/**
 * Lowers the ceilings of the next `$2` leads after id `$1` that stand more than CEILING_SLACK
 * above `funnel.score_ceiling_after` an hour before `$3` (the hour keeps the bound true for
 * replicas whose clocks run behind); answers the batch's last id (null past the end) and how many
 * it lowered. Rows locked in id order, and rows a writer holds skipped (the next sweep has them).
 */
export const TIGHTEN_SCORE_CEILINGS = `
  WITH batch AS (SELECT id FROM funnel.leads WHERE id > $1 ORDER BY id LIMIT $2),
  stale AS (
    SELECT l.id, c.ceiling FROM funnel.leads l
    CROSS JOIN LATERAL (SELECT funnel.score_ceiling_after(l.total_score, l.decay_half_lives,
      l.decay_points, l.scored_at, $3::timestamptz - interval '1 hour') AS ceiling) c
    WHERE l.id IN (SELECT id FROM batch) AND l.score_ceiling - c.ceiling > ${CEILING_SLACK}
    ORDER BY l.id FOR UPDATE OF l SKIP LOCKED),
  lowered AS (
    UPDATE funnel.leads l SET score_ceiling = stale.ceiling FROM stale WHERE l.id = stale.id
    RETURNING l.id)
  SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1) AS last,
         (SELECT count(*) FROM lowered)::int AS lowered`;

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/** The funnel figures' part of a lead row, as FunnelFacts wants it. */
const FACTS_SQL = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, source,
  territory_id, owner_id, stage, lost_reason, stages_reached, stage_moves, stage_path, visit_seconds`;

type FactsRow = {
  day: string;
  source: FunnelFacts['source'];
  territory_id: string | null;
  owner_id: string | null;
  stage: FunnelFacts['stage'];
  lost_reason: string | null;
  stages_reached: FunnelFacts['reached'];
  stage_moves: string[];
  stage_path: FunnelFacts['path'];
  visit_seconds: (number | null)[];
};

const factsOf = (row: FactsRow): FunnelFacts => ({
  day: row.day,
  source: row.source,
  territoryId: row.territory_id,
  ownerId: row.owner_id,
  stage: row.stage,
  lostReason: row.lost_reason,
  reached: row.stages_reached,
  moves: row.stage_moves,
  path: row.stage_path,
  seconds: row.visit_seconds,
});

/**
 * Writes the read models (the lead list row, its stage visits and the funnel rollup) from lead
 * states. Both the command side and the rebuild use this one function, which is why a rebuild
 * gives the same rows.
 */
@Injectable()
export class LeadProjection {
  /**
   * Upserts the lead rows, rewrites the stage visits of `movedLeads` (default: all), and moves
   * the leads' counts in the funnel rollup from their old rows to their new ones.
   */
  async save(
    manager: EntityManager,
    leads: readonly LeadState[],
    movedLeads: readonly LeadState[] = leads,
  ): Promise<void> {
    if (leads.length === 0) return;
    // Locked: the rollup change is computed from these rows, so no other writer may change them
    // before this transaction ends (appends already serialise writers of one lead; this is cheap).
    const before: FactsRow[] = await manager.query(
      `SELECT ${FACTS_SQL} FROM funnel.leads WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [leads.map((lead) => lead.id)],
    );
    const rows = leads.map((lead) => ({ lead, summary: funnelSummary(lead.stageVisits) }));
    await manager.query(
      `INSERT INTO funnel.leads (id, version, source, contact_id, account_id, owner_id, owner_pinned,
         territory_id, stage, stage_entered_at, lost_reason, auto_qualified, amount, committee,
         champion_contact_id, fit, engagement_count, fit_score, engagement_score, total_score,
         score_model_version, scored_at, decay_half_lives, decay_points, announced_total,
         stages_reached, stage_moves, stage_path, visit_seconds, created_at, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS l(id uuid, version integer, source text,
         contact_id text, account_id text, owner_id text, owner_pinned boolean, territory_id text,
         stage text, stage_entered_at timestamptz, lost_reason text, auto_qualified boolean,
         amount double precision, committee jsonb, champion_contact_id text, fit jsonb,
         engagement_count integer, fit_score double precision, engagement_score double precision,
         total_score double precision, score_model_version integer, scored_at timestamptz,
         decay_half_lives double precision[], decay_points double precision[],
         announced_total double precision, stages_reached text[], stage_moves text[],
         stage_path text[], visit_seconds double precision[], created_at timestamptz,
         updated_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, source = EXCLUDED.source,
         contact_id = EXCLUDED.contact_id, account_id = EXCLUDED.account_id,
         owner_id = EXCLUDED.owner_id, owner_pinned = EXCLUDED.owner_pinned,
         territory_id = EXCLUDED.territory_id, stage = EXCLUDED.stage,
         stage_entered_at = EXCLUDED.stage_entered_at, lost_reason = EXCLUDED.lost_reason,
         auto_qualified = EXCLUDED.auto_qualified, amount = EXCLUDED.amount,
         committee = EXCLUDED.committee, champion_contact_id = EXCLUDED.champion_contact_id,
         fit = EXCLUDED.fit, engagement_count = EXCLUDED.engagement_count,
         fit_score = EXCLUDED.fit_score, engagement_score = EXCLUDED.engagement_score,
         total_score = EXCLUDED.total_score, score_model_version = EXCLUDED.score_model_version,
         scored_at = EXCLUDED.scored_at, decay_half_lives = EXCLUDED.decay_half_lives,
         decay_points = EXCLUDED.decay_points, announced_total = EXCLUDED.announced_total,
         stages_reached = EXCLUDED.stages_reached, stage_moves = EXCLUDED.stage_moves,
         stage_path = EXCLUDED.stage_path, visit_seconds = EXCLUDED.visit_seconds,
         created_at = EXCLUDED.created_at,
         updated_at = EXCLUDED.updated_at`,
      [
        JSON.stringify(
          rows.map(({ lead, summary }) => ({
            id: lead.id,
            version: lead.version,
            source: lead.source,
            contact_id: lead.contactId,
            account_id: lead.accountId,
            owner_id: lead.ownerId,
            owner_pinned: lead.ownerPinned,
            territory_id: lead.territoryId,
            stage: lead.stage,
            stage_entered_at: iso(lead.stageVisits[lead.stageVisits.length - 1].enteredAt),
            lost_reason: lead.lostReason,
            auto_qualified: lead.autoQualified,
            amount: lead.amount,
            committee: lead.committee,
            champion_contact_id: lead.championContactId,
            fit: lead.fit,
            engagement_count: lead.engagementCount,
            fit_score: lead.score?.fit ?? 0,
            engagement_score: lead.score?.engagement ?? 0,
            total_score: lead.score?.total ?? 0,
            score_model_version: lead.score?.modelVersion ?? null,
            scored_at: iso(lead.score?.at),
            decay_half_lives: lead.score?.decay.map((term) => term.halfLifeDays) ?? [],
            decay_points: lead.score?.decay.map((term) => term.points) ?? [],
            announced_total: lead.announcedTotal,
            stages_reached: summary.reached,
            stage_moves: summary.moves,
            stage_path: summary.path,
            visit_seconds: summary.seconds,
            created_at: iso(lead.createdAt),
            updated_at: iso(lead.updatedAt),
          })),
        ),
      ],
    );
    if (movedLeads.length > 0) await this.saveVisits(manager, movedLeads);
    // Last: other leads' writers share rollup rows, so their locks are held for the least time.
    await this.applyRollup(
      manager,
      before.map(factsOf),
      rows.map(({ lead, summary }) => ({
        day: iso(lead.createdAt)!.slice(0, 10),
        source: lead.source,
        territoryId: lead.territoryId,
        ownerId: lead.ownerId,
        stage: lead.stage,
        lostReason: lead.lostReason,
        reached: summary.reached,
        moves: summary.moves,
        path: summary.path,
        seconds: summary.seconds,
      })),
    );
  }

  /** Rewrites the stage visits of the leads. */
  private async saveVisits(
    manager: EntityManager,
    movedLeads: readonly LeadState[],
  ): Promise<void> {
    const ids = movedLeads.map((lead) => lead.id);
    await manager.query(`DELETE FROM funnel.lead_stage_visits WHERE lead_id = ANY($1::uuid[])`, [
      ids,
    ]);
    await manager.query(
      `INSERT INTO funnel.lead_stage_visits (lead_id, seq, stage, entered_at, left_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS v(lead_id uuid, seq integer, stage text, entered_at timestamptz, left_at timestamptz)`,
      [
        JSON.stringify(
          movedLeads.flatMap((lead) =>
            lead.stageVisits.map((visit, seq) => ({
              lead_id: lead.id,
              seq,
              stage: visit.stage,
              entered_at: iso(visit.enteredAt),
              left_at: iso(visit.leftAt),
            })),
          ),
        ),
      ],
    );
  }

  /**
   * Adds the net changes to `funnel.funnel_cohort_days` and `funnel.funnel_stage_lengths` in one
   * statement (SQL increments: exact with any number of replicas writing). A row a change empties
   * stays at 0 (bounded by the combinations its day ever had; readers skip it).
   */
  private async applyRollup(
    manager: EntityManager,
    before: readonly FunnelFacts[],
    after: readonly FunnelFacts[],
  ): Promise<void> {
    const { cohort, lengths } = funnelRollupDeltas(before, after);
    if (cohort.length === 0 && lengths.length === 0) return;
    await manager.query(
      `WITH counted AS (
         INSERT INTO funnel.funnel_cohort_days AS t (dimension, day, key, stage, lost_reason,
           stages_reached, stage_moves, leads)
         SELECT dimension, day, key, stage, "lostReason", reached, moves, leads
         FROM jsonb_to_recordset($1::jsonb) AS d(dimension text, day date, key text, stage text,
           "lostReason" text, reached text[], moves text[], leads integer)
         ON CONFLICT ON CONSTRAINT funnel_cohort_days_key
         DO UPDATE SET leads = t.leads + EXCLUDED.leads
       )
       INSERT INTO funnel.funnel_stage_lengths AS t (dimension, day, key, stage, seconds, visits)
       SELECT dimension, day, key, stage, seconds, visits
       FROM jsonb_to_recordset($2::jsonb) AS d(dimension text, day date, key text, stage text,
         seconds double precision, visits integer)
       ON CONFLICT ON CONSTRAINT funnel_stage_lengths_key
       DO UPDATE SET visits = t.visits + EXCLUDED.visits`,
      [JSON.stringify(cohort), JSON.stringify(lengths)],
    );
  }
}
