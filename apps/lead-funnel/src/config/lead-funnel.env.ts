import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { APP_HTTP_PORTS, BaseEnv } from '@sales-suite/config';

export class LeadFunnelEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['lead-funnel'];

  /** Leads per re-score transaction (two such batches run side by side). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(5000)
  LEAD_RESCORE_BATCH_SIZE = 1000;
}
