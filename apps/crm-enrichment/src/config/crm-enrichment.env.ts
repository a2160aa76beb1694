import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { APP_HTTP_PORTS, BaseEnv, EnvInteger } from '@sales-suite/config';
import { parseStageMapping } from '../rules/lead-stage.rules';

const toNumber = ({ value }: { value: unknown }) => Number(value);
/** A JSON table of CRM lifecycle value → funnel stage, refused at startup with the reason. */
const IsStageMapping = () =>
  ValidateBy({
    name: 'isStageMapping',
    validator: {
      validate: (value) => typeof value === 'string' && 'table' in parseStageMapping(value),
      defaultMessage: (args) => {
        const value: unknown = args?.value;
        const parsed = typeof value === 'string' ? parseStageMapping(value) : null;
        return `CRM_IMPORT_STAGE_MAPPING ${parsed && 'error' in parsed ? parsed.error : 'must be a JSON string'}`;
      },
    },
  });

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

export class CrmEnrichmentEnv extends BaseEnv {
  override HTTP_PORT = APP_HTTP_PORTS['crm-enrichment'];

  /** CSV `domain,name,industry,employee_range,country` for the company-directory provider; empty = off. */
  @IsString()
  CRM_COMPANY_DIRECTORY_PATH = 'apps/crm-enrichment/data/company-directory.csv';

  /** A company-data HTTP API; `{domain}` is replaced. Unset = no HTTP provider. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  CRM_HTTP_PROVIDER_URL?: string;

  @Matches(/^[a-z0-9-]{1,40}$/, {
    message: 'CRM_HTTP_PROVIDER_NAME must be a short lowercase name',
  })
  CRM_HTTP_PROVIDER_NAME = 'http';

  /** `Header-Name: value` sent with each call (secret). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]+:\s*\S.*$/, {
    message: 'CRM_HTTP_PROVIDER_AUTH_HEADER must look like "Authorization: Bearer …"',
  })
  CRM_HTTP_PROVIDER_AUTH_HEADER?: string;

  @EnvInteger(50, 60000)
  CRM_HTTP_PROVIDER_TIMEOUT_MS = 2000;

  @EnvInteger(0, 10)
  CRM_HTTP_PROVIDER_RETRIES = 2;

  @Transform(toNumber)
  @IsNumber()
  @Min(0.1)
  @Max(10000)
  CRM_HTTP_PROVIDER_RATE_PER_SECOND = 10;

  @EnvInteger(1, 1000)
  CRM_HTTP_PROVIDER_BREAKER_THRESHOLD = 5;

  @EnvInteger(100, 3_600_000)
  CRM_HTTP_PROVIDER_BREAKER_COOLDOWN_MS = 30000;

  /** Whether the HTTP provider's data counts as verified (outranks the company directory's). */
  @Transform(toBoolean)
  @IsBoolean()
  CRM_HTTP_PROVIDER_VERIFIED = false;

  /** How often the freshness job looks for stale fields; 0 turns it off. */
  @EnvInteger(0, 86_400_000)
  CRM_FRESHNESS_INTERVAL_MS = 60000;

  @EnvInteger(1, 5000)
  CRM_FRESHNESS_BATCH_SIZE = 200;

  /** Multiplies every staleness limit (1 = as documented; tests use 0 to make everything stale). */
  @Transform(toNumber)
  @IsNumber()
  @Min(0)
  @Max(100)
  CRM_STALENESS_SCALE = 1;

  /** Rows per import transaction. */
  @EnvInteger(1, 5000)
  CRM_IMPORT_BATCH_SIZE = 1000;

  /**
   * JSON object: CRM lifecycle value → funnel stage for `createLeads=true` imports, replacing the
   * default table (docs/crm.md). Unset = the defaults.
   */
  @IsOptional()
  @IsStageMapping()
  CRM_IMPORT_STAGE_MAPPING?: string;
}
