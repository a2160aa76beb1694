import { domainToASCII } from 'node:url';
import { parse as parseHostname } from 'tldts';

/** Why a string is not an email address (the CRM's email rules classify valid ones further). */
export type EmailInvalidReason =
  | 'empty'
  | 'missing_at'
  | 'too_long'
  | 'local_part_invalid'
  | 'local_part_too_long'
  | 'domain_invalid'
  | 'unknown_tld';

export interface EmailAddressCheck {
  /** Trimmed, display name and `mailto:` removed, lower-cased, domain in ASCII (punycode). */
  normalized: string;
  reason: EmailInvalidReason | null;
  localPart: string | null;
  domain: string | null;
  /** The registrable domain (`mail.acme.co.uk` → `acme.co.uk`). */
  registrableDomain: string | null;
}

/** RFC 5321 limits. */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
/** RFC 5322 dot-atom, with RFC 6531 letters (quoted local parts are not accepted from people). */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** What each reason means, in the words a 400 or an import row error uses (never the value). */
const REASON_TEXT: Record<EmailInvalidReason, string> = {
  empty: 'it is empty',
  missing_at: 'it has no @',
  too_long: `it is longer than ${MAX_EMAIL_LENGTH} characters`,
  local_part_invalid: 'the part before @ holds characters, dots or an @ that are not allowed',
  local_part_too_long: `the part before @ is longer than ${MAX_LOCAL_LENGTH} characters`,
  domain_invalid: 'the part after @ is not a host name with a dot',
  unknown_tld: 'the part after @ does not end in a known top-level domain',
};

function stripDecorations(raw: string): string {
  let value = raw.trim();
  const angle = /<([^<>]*)>\s*$/.exec(value);
  if (angle) value = angle[1].trim();
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length).split('?')[0];
  return value.toLowerCase();
}

const refused = (normalized: string, reason: EmailInvalidReason): EmailAddressCheck => ({
  normalized,
  reason,
  localPart: null,
  domain: null,
  registrableDomain: null,
});

/**
 * Whether a string is one email address (RFC 5321/5322 dot-atom, IDN domains, an ICANN top-level
 * domain), and its normalised form. Display names (`Jane <jane@acme.com>`) and `mailto:` are
 * accepted and stripped. Pure; never throws.
 */
export function checkEmailAddress(raw: string): EmailAddressCheck {
  const stripped = stripDecorations(raw);
  if (stripped === '') return refused(stripped, 'empty');
  const at = stripped.lastIndexOf('@');
  if (at < 0) return refused(stripped, 'missing_at');
  const localPart = stripped.slice(0, at);
  const domain = domainToASCII(stripped.slice(at + 1));
  const normalized = domain ? `${localPart}@${domain}` : stripped;
  if (normalized.length > MAX_EMAIL_LENGTH) return refused(normalized, 'too_long');
  if (localPart.length > MAX_LOCAL_LENGTH) return refused(normalized, 'local_part_too_long');
  if (!LOCAL_PART.test(localPart)) return refused(normalized, 'local_part_invalid');
  const labels = domain.split('.');
  if (!domain || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)))
    return refused(normalized, 'domain_invalid');
  const host = parseHostname(domain);
  if (host.isIp || !host.isIcann || !host.domain) return refused(normalized, 'unknown_tld');
  return { normalized, reason: null, localPart, domain, registrableDomain: host.domain };
}

/** The reason a field holding an invalid address is refused, e.g. in `errors[].reason`. */
export function emailRefusal(field: string, reason: EmailInvalidReason): string {
  return `${field} is not a valid email address (${reason}): ${REASON_TEXT[reason]}`;
}
