import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsNumber, IsPositive } from 'class-validator';
import { APP_HTTP_PORTS, BaseEnv, EnvInteger } from '@sales-suite/config';

export class LeadFunnelEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['lead-funnel'];

  /** Leads per re-score, decay sweep and territory reassignment transaction. */
  @EnvInteger(1, 5000)
  LEAD_RESCORE_BATCH_SIZE = 1000;

  /**
   * How often the decay sweep looks for leads whose decayed score takes them out of MQL (on the
   * one replica holding its lease). Between sweeps a demotion is late by at most this much.
   */
  @EnvInteger(100, 3_600_000)
  LEAD_DECAY_SWEEP_MS = 60_000;

  /**
   * How often the ceiling sweep lowers each lead's score ceiling towards what decay still lets
   * its total reach (on the one replica holding its lease): the list by score ranks fewer leads
   * the fresher the ceilings; a stale ceiling is only slower, never wrong.
   */
  @EnvInteger(100, 86_400_000)
  LEAD_SCORE_CEILING_SWEEP_MS = 600_000;

  /**
   * Totals whose crossing publishes lead.score_changed, besides the model's MQL threshold:
   * comma-separated numbers, e.g. `25,75`.
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '')
          .map(Number)
      : value,
  )
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { each: true, message: 'LEAD_SCORE_EVENT_THRESHOLDS must be comma-separated numbers' },
  )
  @ArrayMaxSize(20)
  LEAD_SCORE_EVENT_THRESHOLDS: number[] = [];

  /** A total this far from the last published one publishes lead.score_changed too. */
  @Transform(({ value }) => Number(value))
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  LEAD_SCORE_EVENT_MIN_CHANGE = 10;
}
