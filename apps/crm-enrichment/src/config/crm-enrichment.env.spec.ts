import { validateEnv } from '@sales-suite/config';
import { CrmEnrichmentEnv } from './crm-enrichment.env';

describe('CRM_IMPORT_STAGE_MAPPING', () => {
  it('is unset by default (the default stage table applies)', () => {
    expect(validateEnv(CrmEnrichmentEnv, {}).CRM_IMPORT_STAGE_MAPPING).toBeUndefined();
  });

  it('accepts a JSON object of value → funnel stage', () => {
    const raw = '{"Potential Customer":"opportunity","Customer":"closed_won"}';
    expect(validateEnv(CrmEnrichmentEnv, { CRM_IMPORT_STAGE_MAPPING: raw })).toMatchObject({
      CRM_IMPORT_STAGE_MAPPING: raw,
    });
  });

  it.each([
    ['{"Customer":', 'CRM_IMPORT_STAGE_MAPPING must be JSON'],
    ['["sql"]', 'CRM_IMPORT_STAGE_MAPPING must be a JSON object of CRM value → funnel stage'],
    ['{"Customer":"won"}', 'CRM_IMPORT_STAGE_MAPPING "Customer" maps to "won", not one of new,'],
  ])('refuses %s at startup, saying why', (raw, message) => {
    expect(() => validateEnv(CrmEnrichmentEnv, { CRM_IMPORT_STAGE_MAPPING: raw })).toThrow(message);
  });
});
