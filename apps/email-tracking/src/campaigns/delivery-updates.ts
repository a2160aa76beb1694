import type { DeliveryEventType, DeliveryStatus } from '@sales-suite/contracts/core';
import { EntityManager } from 'typeorm';
import { deliveryStatusAfter } from '../domain/open-stats';

/** One delivery outcome for one message (ids in lower case). */
export interface DeliveryUpdate {
  messageId: string;
  type: DeliveryEventType;
  at: Date;
}

/**
 * Applies delivery updates inside the caller's transaction, under row locks taken in id order:
 * each message keeps its strongest status and its earliest delivery time. Returns the ids of the
 * messages that exist (updates naming others are skipped).
 */
export async function applyDeliveryUpdates(
  manager: EntityManager,
  updates: readonly DeliveryUpdate[],
): Promise<ReadonlySet<string>> {
  if (updates.length === 0) return new Set();
  const current: { id: string; status: DeliveryStatus }[] = await manager.query(
    `SELECT id, status FROM email.messages WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...new Set(updates.map((update) => update.messageId))]],
  );
  const statuses = new Map(current.map((row) => [row.id, row.status]));
  const deliveredAt = new Map<string, Date>();
  for (const { messageId, type, at } of updates) {
    const status = statuses.get(messageId);
    if (!status) continue;
    statuses.set(messageId, deliveryStatusAfter(status, type));
    const earlier = deliveredAt.get(messageId);
    if ((type === 'delivered' || type === 'complaint') && !(earlier && earlier <= at))
      deliveredAt.set(messageId, at);
  }
  const ids = [...statuses.keys()];
  await manager.query(
    `UPDATE email.messages m
     SET status = u.status,
         delivered_at = LEAST(m.delivered_at, u.delivered_at)
     FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS u(id, status, delivered_at)
     WHERE m.id = u.id`,
    [ids, ids.map((id) => statuses.get(id)), ids.map((id) => deliveredAt.get(id) ?? null)],
  );
  return new Set(ids);
}
