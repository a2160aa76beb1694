import {
  ERASURE_SERVICES,
  ErasureReported,
  ErasureService,
  ErasureStatus,
} from '@sales-suite/contracts/core';
import { createHmac, hkdfSync } from 'node:crypto';

export interface ServiceResult {
  status: ErasureStatus;
  reason: string | null;
  erased: Record<string, number>;
  finishedAt: string | null;
}

export type ServiceResults = Record<ErasureService, ServiceResult>;

/** What the job does next, once a report is applied. */
export type ErasureStep =
  /** CRM and email-tracking have answered: ask the lead funnel with every contact id known. */
  | 'request-contacts'
  /** The lead funnel has answered: the gateway redacts its webhook log and the job ends. */
  | 'redact-webhooks'
  | 'wait';

export function pendingResults(): ServiceResults {
  const pending: ServiceResult = { status: 'pending', reason: null, erased: {}, finishedAt: null };
  return Object.fromEntries(
    ERASURE_SERVICES.map((service) => [service, { ...pending }]),
  ) as ServiceResults;
}

/** A service's first report stands: a repeated one (another delivery) changes nothing. */
export function applyReport(
  results: ServiceResults,
  report: Pick<ErasureReported, 'service' | 'status' | 'reason' | 'erased'>,
  at: string,
): ServiceResults {
  if (results[report.service].status !== 'pending') return results;
  return {
    ...results,
    [report.service]: {
      status: report.status,
      reason: report.reason,
      erased: report.erased,
      finishedAt: at,
    },
  };
}

export function nextStep(results: ServiceResults, contactsRequested: boolean): ErasureStep {
  const finished = (service: ErasureService) => results[service].status !== 'pending';
  if (!finished('lead-funnel'))
    return finished('crm-enrichment') && finished('email-tracking') && !contactsRequested
      ? 'request-contacts'
      : 'wait';
  return finished('gateway') ? 'wait' : 'redact-webhooks';
}

/** Pending while a service is; failed when one failed; done when all are. */
export function overallStatus(results: ServiceResults): ErasureStatus {
  const statuses = ERASURE_SERVICES.map((service) => results[service].status);
  if (statuses.includes('pending')) return 'pending';
  return statuses.includes('failed') ? 'failed' : 'done';
}

/**
 * The audit's keyed hash of whom an erasure was about: HMAC-SHA256 of the normalised email (or
 * of `contact:<id>` when only the id was given) under a key derived from the gateway's secrets
 * key. Whoever knows the email and the key can check a record; a dictionary of emails alone
 * cannot reverse it, unlike a plain hash.
 */
export class ErasureAuditKey {
  private readonly key: Buffer;

  constructor(secretsKeyBase64: string) {
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        Buffer.from(secretsKeyBase64, 'base64'),
        Buffer.alloc(0),
        'sales-suite privacy erasure audit',
        32,
      ),
    );
  }

  subjectHmac(subject: { email: string | null; contactId: string | null }): string {
    const text = subject.email ?? `contact:${subject.contactId}`;
    return createHmac('sha256', this.key).update(text, 'utf8').digest('hex');
  }
}
