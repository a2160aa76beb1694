import {
  CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { memoize } from './memoize';

export type PhoneInvalidReason =
  'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_country' | 'invalid_number';

export type PhoneType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'voip'
  | 'premium_rate'
  | 'shared_cost'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export interface PhoneAnalysis {
  raw: string;
  valid: boolean;
  reason: PhoneInvalidReason | null;
  e164: string | null;
  type: PhoneType | null;
  /** ISO-3166 alpha-2 of the number's country. */
  country: string | null;
  extension: string | null;
}

const LENGTH_REASONS: Record<string, PhoneInvalidReason> = {
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_COUNTRY: 'invalid_country',
  NOT_A_NUMBER: 'not_a_number',
  INVALID_LENGTH: 'invalid_number',
};

function failed(raw: string, reason: PhoneInvalidReason): PhoneAnalysis {
  return { raw, valid: false, reason, e164: null, type: null, country: null, extension: null };
}

/**
 * Parses a phone number as people type it into E.164, with its type and country. National
 * numbers are read in `defaultCountry` (the contact's country); `00` prefixes count as `+`.
 */
export function analyzePhone(raw: string, defaultCountry?: string | null): PhoneAnalysis {
  return analyzeCached(`${defaultCountry ?? ''}|${raw}`);
}

const analyzeCached = memoize((key: string) => {
  const separator = key.indexOf('|');
  return analyzeUncached(key.slice(separator + 1), key.slice(0, separator) || null);
});

function analyzeUncached(raw: string, defaultCountry: string | null): PhoneAnalysis {
  const trimmed = raw.trim();
  if (!trimmed) return failed(trimmed, 'empty');
  if (!/\d/.test(trimmed)) return failed(trimmed, 'not_a_number');
  const text = trimmed.replace(/^00(?=[1-9])/, '+');
  const region =
    defaultCountry && isSupportedCountry(defaultCountry.toUpperCase())
      ? (defaultCountry.toUpperCase() as CountryCode)
      : undefined;
  if (!text.startsWith('+') && !region) return failed(trimmed, 'invalid_country');
  const parsed = parsePhoneNumberFromString(text, region);
  // With the full ("max") metadata a number is valid exactly when it has a type (that is how
  // isValid() decides): one pass over the type patterns instead of two.
  const type = parsed?.getType();
  if (!parsed || !type) {
    const lengthProblem = validatePhoneNumberLength(text, region);
    return failed(trimmed, lengthProblem ? LENGTH_REASONS[lengthProblem] : 'invalid_number');
  }
  return {
    raw: trimmed,
    valid: true,
    reason: null,
    e164: parsed.number,
    type: type.toLowerCase() as PhoneType,
    country: parsed.country ?? null,
    extension: parsed.ext ?? null,
  };
}
