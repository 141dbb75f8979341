import { requestKey } from '@altitude/shared/requests';
import type { Mail } from '../mail/outbox';
import { dayLabel, escapeHtml, footerText, layoutHtml, linkHtml, oneLine, paragraphHtml } from './mail-layout';

/** One notification as a mail shows it: its sentence and the request it is about. */
export interface MailItem {
  requestId: number;
  requestTitle: string;
  text: string;
}

export interface Recipient {
  id: number;
  email: string;
  name: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function itemsText(items: MailItem[], base: string) {
  return items.flatMap((i) => [
    `- ${oneLine(i.text, 500)}`,
    `  ${requestKey(i.requestId)} ${oneLine(i.requestTitle, 500)}`,
    `  ${base}/requests/${i.requestId}`,
    '',
  ]);
}

function itemsHtml(items: MailItem[], base: string) {
  const rows = items.map(
    (i) =>
      `<tr><td style="padding:10px 0;border-bottom:1px solid #e9ecef">${escapeHtml(i.text)}<br>${linkHtml(`${base}/requests/${i.requestId}`, `${requestKey(i.requestId)} ${i.requestTitle}`)}</td></tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${rows.join('')}</table>`;
}

/**
 * The immediate mail: mentions, assignments and questions of the last few minutes, one message
 * per person. One item: its sentence is the subject; several: "3 updates on Altitude".
 */
export function batchMail(to: Recipient, items: MailItem[], base: string, unsubscribe: string): Mail {
  const subject = items.length === 1 ? oneLine(items[0]!.text) : `${items.length} updates on Altitude`;
  const why = 'You get this email because you were assigned, mentioned or asked a question on Altitude.';
  const stop = 'Stop these emails';
  return {
    to: to.email,
    kind: 'notification',
    subject,
    text: [`Hello ${to.name},`, '', ...itemsText(items, base), footerText(why, stop, unsubscribe)].join('\n'),
    html: layoutHtml({
      heading: items.length === 1 ? 'An update on Altitude' : subject,
      body: paragraphHtml(`Hello ${escapeHtml(to.name)},`) + itemsHtml(items, base),
      why,
      unsubscribeUrl: unsubscribe,
      unsubscribeLabel: stop,
    }),
  };
}

/** The daily digest: everything else that happened on one's requests since the last one. */
export function digestMail(to: Recipient, items: MailItem[], base: string, unsubscribe: string, date: string): Mail {
  const subject = `Your Altitude digest for ${dayLabel(date)}: ${plural(items.length, 'update', 'updates')}`;
  const why = 'You get this daily digest for requests you filed, follow or work on.';
  const stop = 'Stop the daily digest';
  return {
    to: to.email,
    kind: 'digest',
    subject,
    text: [
      `Hello ${to.name},`,
      '',
      `What happened since the last digest:`,
      '',
      ...itemsText(items, base),
      footerText(why, stop, unsubscribe),
    ].join('\n'),
    html: layoutHtml({
      heading: `Your digest for ${date}`,
      body: paragraphHtml(`Hello ${escapeHtml(to.name)}, what happened since the last digest:`) + itemsHtml(items, base),
      why,
      unsubscribeUrl: unsubscribe,
      unsubscribeLabel: stop,
    }),
  };
}
