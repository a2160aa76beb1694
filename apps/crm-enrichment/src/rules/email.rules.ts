import freeMailDomains from 'email-providers/all.json';
import * as mailchecker from 'mailchecker';
import { domainToASCII } from 'node:url';
import { getDomain, parse as parseHostname } from 'tldts';
import { memoize } from './memoize';

export type EmailInvalidReason =
  | 'empty'
  | 'missing_at'
  | 'too_long'
  | 'local_part_invalid'
  | 'local_part_too_long'
  | 'domain_invalid'
  | 'unknown_tld';

export interface EmailAnalysis {
  /** Trimmed, display name and `mailto:` removed, lower-cased, domain in ASCII (punycode). */
  normalized: string;
  valid: boolean;
  reason: EmailInvalidReason | null;
  localPart: string | null;
  /** The full host after `@`. */
  domain: string | null;
  /** The registrable domain (`mail.acme.co.uk` → `acme.co.uk`). */
  registrableDomain: string | null;
  /** Key that finds the same mailbox written differently (`J.Doe+crm@gmail.com` = `jdoe@gmail.com`). */
  dedupeKey: string | null;
  freeMail: boolean;
  disposable: boolean;
  roleAccount: boolean;
}

/** RFC 5321 limits. */
const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
/** RFC 5322 dot-atom, with RFC 6531 letters (quoted local parts are not accepted from people). */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

const FREE_MAIL = new Set<string>(freeMailDomains);
/** Providers that ignore dots in the local part. */
const DOTLESS_PROVIDERS = new Set(['gmail.com', 'googlemail.com']);

/**
 * Mailboxes that belong to a function rather than a person. Matched on the local part before any
 * `+tag`, ignoring dots, dashes and underscores (`customer-service` = `customerservice`).
 */
const ROLE_LOCAL_PARTS = new Set([
  'abuse',
  'accounting',
  'accounts',
  'admin',
  'administrator',
  'billing',
  'booking',
  'bookings',
  'careers',
  'contact',
  'contactus',
  'customercare',
  'customerservice',
  'customersuccess',
  'dev',
  'enquiries',
  'enquiry',
  'feedback',
  'finance',
  'hello',
  'help',
  'helpdesk',
  'hi',
  'hostmaster',
  'hr',
  'info',
  'inquiries',
  'inquiry',
  'invoices',
  'it',
  'jobs',
  'legal',
  'mail',
  'marketing',
  'media',
  'news',
  'newsletter',
  'noreply',
  'donotreply',
  'office',
  'orders',
  'partners',
  'payments',
  'postmaster',
  'press',
  'privacy',
  'purchasing',
  'recruiting',
  'recruitment',
  'reception',
  'sales',
  'security',
  'service',
  'services',
  'shop',
  'support',
  'team',
  'tech',
  'webmaster',
  'welcome',
]);

function stripDecorations(raw: string): string {
  let value = raw.trim();
  const angle = /<([^<>]*)>\s*$/.exec(value);
  if (angle) value = angle[1].trim();
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length).split('?')[0];
  return value.toLowerCase();
}

function invalid(normalized: string, reason: EmailInvalidReason): EmailAnalysis {
  return {
    normalized,
    valid: false,
    reason,
    localPart: null,
    domain: null,
    registrableDomain: null,
    dedupeKey: null,
    freeMail: false,
    disposable: false,
    roleAccount: false,
  };
}

/** Checks, normalises and classifies one email address. Never throws. */
export const analyzeEmail: (raw: string) => EmailAnalysis = memoize(analyzeEmailUncached);

function analyzeEmailUncached(raw: string): EmailAnalysis {
  const stripped = stripDecorations(raw);
  if (stripped === '') return invalid(stripped, 'empty');
  const at = stripped.lastIndexOf('@');
  if (at < 0) return invalid(stripped, 'missing_at');
  const localPart = stripped.slice(0, at);
  const domain = domainToASCII(stripped.slice(at + 1));
  const normalized = domain ? `${localPart}@${domain}` : stripped;
  if (normalized.length > MAX_EMAIL_LENGTH) return invalid(normalized, 'too_long');
  if (localPart.length > MAX_LOCAL_LENGTH) return invalid(normalized, 'local_part_too_long');
  if (!LOCAL_PART.test(localPart)) return invalid(normalized, 'local_part_invalid');
  const labels = domain.split('.');
  if (!domain || labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)))
    return invalid(normalized, 'domain_invalid');
  const host = parseHostname(domain);
  if (host.isIp || !host.isIcann || !host.domain) return invalid(normalized, 'unknown_tld');

  const registrableDomain = host.domain;
  const mailbox = localPart.split('+')[0];
  const canonicalDomain = domain === 'googlemail.com' ? 'gmail.com' : domain;
  const canonicalMailbox = DOTLESS_PROVIDERS.has(domain) ? mailbox.replace(/\./g, '') : mailbox;
  const disposable = !mailchecker.isValid(normalized);
  return {
    normalized,
    valid: true,
    reason: null,
    localPart,
    domain,
    registrableDomain,
    dedupeKey: `${canonicalMailbox}@${canonicalDomain}`,
    freeMail: !disposable && (FREE_MAIL.has(domain) || FREE_MAIL.has(registrableDomain)),
    disposable,
    roleAccount: ROLE_LOCAL_PARTS.has(mailbox.replace(/[._-]/g, '')),
  };
}

/** The registrable domain of a website or host (`https://www.acme.co.uk/about` → `acme.co.uk`). */
export function registrableDomainOf(urlOrHost: string): string | null {
  const value = urlOrHost.trim().toLowerCase();
  if (!value) return null;
  const result = parseHostname(value.includes('://') ? value : `http://${value}`);
  return result.isIcann && !result.isIp ? result.domain : (getDomain(value) ?? null);
}

/** A company name guessed from its domain (`acme-robotics.co.uk` → `Acme Robotics`). */
export function companyNameFromDomain(domain: string): string | null {
  const stem = parseHostname(domain).domainWithoutSuffix;
  if (!stem) return null;
  return stem
    .split(/[-_.]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
