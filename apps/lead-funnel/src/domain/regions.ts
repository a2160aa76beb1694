import type { Region } from '@sales-suite/contracts/core';

// Sales regions by ISO-3166 alpha-2 country; every other country is EMEA.
const AMER = new Set(
  'US CA MX GT BZ SV HN NI CR PA CU DO HT JM BS BB TT AG DM GD KN LC VC PR AR BO BR CL CO EC GY PY PE SR UY VE FK GF GP MQ AW CW SX BQ KY BM VG VI TC AI MS BL MF PM GL UM'.split(
    ' ',
  ),
);
const APAC = new Set(
  'CN JP KR KP TW HK MO MN IN PK BD LK NP BT MV AF SG MY ID TH VN PH KH LA MM BN TL AU NZ PG FJ SB VU NC PF WS TO KI TV NR FM MH PW GU MP AS CK NU TK WF PN NF CX CC KZ KG TJ TM UZ IO HM'.split(
    ' ',
  ),
);

export function regionOf(country: string | null): Region | null {
  if (!country) return null;
  if (AMER.has(country)) return 'AMER';
  if (APAC.has(country)) return 'APAC';
  return 'EMEA';
}
