import {
  DeliveryEventType,
  MESSAGE_ID_CUSTOM_ARG,
  MESSAGE_ID_HEADER,
} from '@sales-suite/contracts/core';

/** What a provider reports: a delivery outcome, or an open/click seen by the provider itself. */
export type EspEventKind = DeliveryEventType | 'open' | 'click';

/** One provider event in our terms. */
export interface EspEvent {
  /** The provider's id of this event (or one derived from its fields): the idempotency key. */
  eventId: string;
  /** Our message id as the sender set it (header or custom argument); null when absent. */
  messageId: string | null;
  kind: EspEventKind;
  /** ISO-8601 time the provider saw the event; null when it does not say. */
  occurredAt: string | null;
  /** The provider flagged the open/click as made by a machine (privacy proxy, scanner). */
  machine: boolean;
}

/** A payload mapped: the events we track, and how many provider events we do not track. */
export interface EspMapping {
  events: EspEvent[];
  ignored: number;
}

/** The payload is not what the provider documents: names the field and why. */
export class EspPayloadError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'EspPayloadError';
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, field: string): JsonObject {
  if (!isObject(value)) throw new EspPayloadError(field, 'must be an object');
  return value;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new EspPayloadError(field, 'must be a non-empty string');
  return value;
}

/** A non-empty string, or an id the provider sends as a number (Postmark's bounce `ID`). */
export function requireId(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return requireString(value, field);
}

/** An ISO-8601 time from a string, or from Unix seconds (SendGrid, Mailgun); null when absent. */
export function optionalTime(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  const date =
    typeof value === 'number' ? new Date(value * 1000) : new Date(requireString(value, field));
  if (Number.isNaN(date.getTime())) throw new EspPayloadError(field, 'must be a time');
  return date.toISOString();
}

/** A custom-argument value as our message id; a non-string is no id. */
export function customArg(args: unknown): string | null {
  if (!isObject(args)) return null;
  const value = args[MESSAGE_ID_CUSTOM_ARG];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Our message header's value in a header list, case-insensitively. */
export function headerValue(headers: readonly { name: string; value: string }[]): string | null {
  const wanted = MESSAGE_ID_HEADER.toLowerCase();
  return headers.find((header) => header.name.toLowerCase() === wanted)?.value ?? null;
}
