import { FieldViolation, toFieldViolations } from '@sales-suite/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Counter } from 'prom-client';

export const eventsRejectedTotal = new Counter({
  name: 'lead_funnel_events_rejected_total',
  help: 'Consumed events refused as invalid (acked and logged, never retried), by subject',
  labelNames: ['subject'] as const,
});

/** Validates an event from another service: the typed payload, or why it was refused. */
export function parseEvent<T extends object>(
  dto: new () => T,
  data: unknown,
): { event: T } | { violations: FieldViolation[] } {
  if (!data || typeof data !== 'object')
    return { violations: [{ field: '', reason: 'payload must be a JSON object' }] };
  const event = plainToInstance(dto, data);
  const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: false });
  return errors.length > 0 ? { violations: toFieldViolations(errors) } : { event };
}
