import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EspProvider } from '@sales-suite/contracts/core';
import { EspEvent, EspPayloadError } from './esp-event';
import { mapEspPayload } from './esp-mapping';

const ID = '3f0c9a52-6a4e-4c1b-9d0e-2b7f1f0c8a11';
const OTHER = '9b2d4c1e-0f3a-4e5b-8c6d-7a8b9c0d1e2f';
const THIRD = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

/** A documented payload from the e2e fixtures, with our message ids filled in. */
function fixture(path: string): unknown {
  const text = readFileSync(
    join(__dirname, '../../../../../test/email/fixtures/esp', path),
    'utf8',
  );
  return JSON.parse(
    text
      .replaceAll('__MESSAGE_ID__', ID)
      .replaceAll('__OTHER_MESSAGE_ID__', OTHER)
      .replaceAll('__THIRD_MESSAGE_ID__', THIRD),
  );
}

type Expected = Pick<EspEvent, 'messageId' | 'kind' | 'machine' | 'occurredAt'>;

describe('mapEspPayload: each documented payload maps to our delivery outcomes', () => {
  it.each<[EspProvider, string, string | undefined, Expected[], number]>([
    [
      'ses',
      'ses/delivery.json',
      'sns-1',
      [
        {
          messageId: ID,
          kind: 'delivered',
          machine: false,
          occurredAt: '2016-01-27T14:59:38.237Z',
        },
      ],
      0,
    ],
    [
      'ses',
      'ses/bounce-permanent.json',
      'sns-2',
      [
        {
          messageId: ID,
          kind: 'hard_bounce',
          machine: false,
          occurredAt: '2016-01-27T14:59:38.237Z',
        },
      ],
      0,
    ],
    [
      'ses',
      'ses/bounce-transient.json',
      'sns-3',
      [
        {
          messageId: ID,
          kind: 'soft_bounce',
          machine: false,
          occurredAt: '2016-01-27T14:59:38.237Z',
        },
      ],
      0,
    ],
    [
      'ses',
      'ses/complaint.json',
      'sns-4',
      [
        {
          messageId: ID,
          kind: 'complaint',
          machine: false,
          occurredAt: '2016-01-27T14:59:38.237Z',
        },
      ],
      0,
    ],
    [
      'ses',
      'ses/open-event.json',
      'sns-5',
      [{ messageId: ID, kind: 'open', machine: false, occurredAt: '2017-08-09T22:00:19.652Z' }],
      0,
    ],
    [
      'sendgrid',
      'sendgrid/events.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'delivered',
          machine: false,
          occurredAt: '2017-12-15T00:59:29.000Z',
        },
        { messageId: ID, kind: 'open', machine: false, occurredAt: '2017-12-15T00:59:29.000Z' },
        { messageId: ID, kind: 'open', machine: true, occurredAt: '2017-12-15T00:59:29.000Z' },
        { messageId: ID, kind: 'click', machine: false, occurredAt: '2017-12-15T00:59:29.000Z' },
        {
          messageId: OTHER,
          kind: 'hard_bounce',
          machine: false,
          occurredAt: '2017-12-15T00:59:29.000Z',
        },
        {
          messageId: THIRD,
          kind: 'soft_bounce',
          machine: false,
          occurredAt: '2017-12-15T00:59:29.000Z',
        },
        {
          messageId: ID,
          kind: 'complaint',
          machine: false,
          occurredAt: '2017-12-15T00:59:29.000Z',
        },
        {
          messageId: '6f1c5a9e-0000-4000-8000-000000000000',
          kind: 'delivered',
          machine: false,
          occurredAt: '2017-12-15T00:59:29.000Z',
        },
      ],
      1,
    ],
    [
      'mailgun',
      'mailgun/delivered.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'delivered',
          machine: false,
          occurredAt: '2018-03-19T15:11:02.908Z',
        },
      ],
      0,
    ],
    [
      'mailgun',
      'mailgun/failed-permanent.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'hard_bounce',
          machine: false,
          occurredAt: '2018-03-16T20:46:35.375Z',
        },
      ],
      0,
    ],
    [
      'mailgun',
      'mailgun/failed-temporary.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'soft_bounce',
          machine: false,
          occurredAt: '2018-03-19T15:11:02.908Z',
        },
      ],
      0,
    ],
    [
      'mailgun',
      'mailgun/complained.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'complaint',
          machine: false,
          occurredAt: '2018-03-16T20:45:23.501Z',
        },
      ],
      0,
    ],
    [
      'mailgun',
      'mailgun/opened-bot.json',
      undefined,
      [{ messageId: ID, kind: 'open', machine: true, occurredAt: '2018-03-16T23:35:39.873Z' }],
      0,
    ],
    [
      'postmark',
      'postmark/delivery.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'delivered',
          machine: false,
          occurredAt: '2019-11-05T16:33:54.907Z',
        },
      ],
      0,
    ],
    [
      'postmark',
      'postmark/bounce-hard.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'hard_bounce',
          machine: false,
          occurredAt: '2019-11-05T16:33:54.907Z',
        },
      ],
      0,
    ],
    [
      'postmark',
      'postmark/bounce-soft.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'soft_bounce',
          machine: false,
          occurredAt: '2019-11-05T16:33:54.907Z',
        },
      ],
      0,
    ],
    [
      'postmark',
      'postmark/spam-complaint.json',
      undefined,
      [
        {
          messageId: ID,
          kind: 'complaint',
          machine: false,
          occurredAt: '2019-11-05T16:33:54.907Z',
        },
      ],
      0,
    ],
    [
      'postmark',
      'postmark/open.json',
      undefined,
      [{ messageId: ID, kind: 'open', machine: false, occurredAt: '2019-11-05T16:33:54.907Z' }],
      0,
    ],
    [
      'postmark',
      'postmark/click.json',
      undefined,
      [{ messageId: ID, kind: 'click', machine: false, occurredAt: '2017-10-25T15:21:11.234Z' }],
      0,
    ],
  ])('%s %s', (provider, path, envelopeId, expected, ignored) => {
    const mapping = mapEspPayload(provider, fixture(path), envelopeId);
    expect(
      mapping.events.map(({ messageId, kind, machine, occurredAt }) => ({
        messageId,
        kind,
        machine,
        occurredAt,
      })),
    ).toEqual(expected);
    expect(mapping.ignored).toBe(ignored);
  });

  it.each<[EspProvider, string, string | undefined, string]>([
    ['ses', 'ses/delivery.json', 'sns-msg-1', 'sns-msg-1'],
    ['mailgun', 'mailgun/delivered.json', undefined, 'CPgfbmQMTCKtHW6uIWtuVe'],
    ['postmark', 'postmark/spam-complaint.json', undefined, 'SpamComplaint:42'],
  ])('%s %s: the event id is the provider’s', (provider, path, envelopeId, eventId) => {
    expect(mapEspPayload(provider, fixture(path), envelopeId).events[0].eventId).toBe(eventId);
  });

  it('a Postmark 64-bit bounce ID kept as text (as the gateway passes it) stays exact', () => {
    const payload = {
      ...(fixture('postmark/bounce-hard.json') as object),
      ID: '4323372036854775807',
    };
    expect(mapEspPayload('postmark', payload).events[0].eventId).toBe('Bounce:4323372036854775807');
  });

  it('SendGrid events keep their own sg_event_id', () => {
    const ids = mapEspPayload('sendgrid', fixture('sendgrid/events.json')).events.map(
      (event) => event.eventId,
    );
    expect(ids[0]).toBe('rWVYmVk90MjZJ9iohOBa3w==');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Postmark deliveries, opens and clicks get a stable derived id, distinct per record', () => {
    const ids = ['postmark/delivery.json', 'postmark/open.json', 'postmark/click.json'].map(
      (path) => mapEspPayload('postmark', fixture(path)).events[0].eventId,
    );
    expect(new Set(ids).size).toBe(3);
    expect(mapEspPayload('postmark', fixture('postmark/open.json')).events[0].eventId).toBe(ids[1]);
  });

  it.each<[string, EspProvider, unknown, string | undefined, string]>([
    ['SendGrid body not a list', 'sendgrid', { event: 'delivered' }, undefined, 'payload'],
    ['SendGrid event without id', 'sendgrid', [{ event: 'delivered' }], undefined, '0.sg_event_id'],
    [
      'SendGrid bad timestamp',
      'sendgrid',
      [{ event: 'open', sg_event_id: 'x', timestamp: 'soon' }],
      undefined,
      '0.timestamp',
    ],
    ['Mailgun without event-data', 'mailgun', { signature: {} }, undefined, 'event-data'],
    [
      'Mailgun failed without severity',
      'mailgun',
      { 'event-data': { event: 'failed', id: 'x' } },
      undefined,
      'event-data.severity',
    ],
    ['Postmark without RecordType', 'postmark', { MessageID: 'x' }, undefined, 'RecordType'],
    [
      'Postmark bounce without ID',
      'postmark',
      { RecordType: 'Bounce', Type: 'HardBounce', MessageID: 'm' },
      undefined,
      'ID',
    ],
    ['SES without mail', 'ses', { notificationType: 'Delivery' }, 'sns-1', 'mail'],
    [
      'SES bounce without type',
      'ses',
      { notificationType: 'Bounce', mail: {}, bounce: {} },
      'sns-1',
      'bounce.bounceType',
    ],
    [
      'SES without SNS MessageId',
      'ses',
      { notificationType: 'Delivery', mail: {} },
      undefined,
      'MessageId',
    ],
  ])('%s: refused, naming the field', (_name, provider, payload, envelopeId, field) => {
    expect(() => mapEspPayload(provider, payload, envelopeId)).toThrow(
      expect.objectContaining({ field }) as EspPayloadError,
    );
  });

  it.each<[string, EspProvider, unknown, string | undefined]>([
    [
      'SendGrid processed/deferred',
      'sendgrid',
      [{ event: 'deferred', sg_event_id: 'a' }],
      undefined,
    ],
    ['Mailgun accepted', 'mailgun', { 'event-data': { event: 'accepted', id: 'a' } }, undefined],
    [
      'Postmark auto-responder bounce',
      'postmark',
      { RecordType: 'Bounce', Type: 'AutoResponder', MessageID: 'm', ID: 1 },
      undefined,
    ],
    [
      'Postmark subscription change',
      'postmark',
      { RecordType: 'SubscriptionChange', MessageID: 'm' },
      undefined,
    ],
    ['SES send event', 'ses', { eventType: 'Send', mail: {} }, 'sns-1'],
    [
      'SES subscription succeeded',
      'ses',
      {
        notificationType: 'AmazonSnsSubscriptionSucceeded',
        message: 'You have successfully subscribed',
      },
      'sns-1',
    ],
  ])('%s: not tracked, counted as ignored', (_name, provider, payload, envelopeId) => {
    expect(mapEspPayload(provider, payload, envelopeId)).toEqual({ events: [], ignored: 1 });
  });

  it('an event naming no message of ours has a null message id', () => {
    const mapping = mapEspPayload('postmark', {
      RecordType: 'Delivery',
      MessageID: 'm',
      Recipient: 'r@example.com',
      DeliveredAt: '2019-11-05T16:33:54Z',
    });
    expect(mapping.events[0].messageId).toBeNull();
  });
});
