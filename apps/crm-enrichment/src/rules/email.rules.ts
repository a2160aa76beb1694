import { checkEmailAddress, EmailInvalidReason } from '@sales-suite/contracts/core';
import freeMailDomains from 'email-providers/all.json';
import * as mailchecker from 'mailchecker';
import { getDomain, parse as parseHostname } from 'tldts';
import { memoize } from './memoize';

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
  const { normalized, reason, localPart, domain, registrableDomain } = checkEmailAddress(raw);
  if (reason) return invalid(normalized, reason);
  const mailbox = localPart!.split('+')[0];
  const canonicalDomain = domain === 'googlemail.com' ? 'gmail.com' : domain!;
  const canonicalMailbox = DOTLESS_PROVIDERS.has(domain!) ? mailbox.replace(/\./g, '') : mailbox;
  const disposable = !mailchecker.isValid(normalized);
  return {
    normalized,
    valid: true,
    reason: null,
    localPart,
    domain,
    registrableDomain,
    dedupeKey: `${canonicalMailbox}@${canonicalDomain}`,
    freeMail: !disposable && (FREE_MAIL.has(domain!) || FREE_MAIL.has(registrableDomain!)),
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
