import type { Headline, Insight } from '@altitude/shared/insights';
import type { Mail } from '../mail/outbox';
import { buttonHtml, escapeHtml, footerText, layoutHtml, paragraphHtml } from './mail-layout';
import type { Recipient } from './notification-mail';

const percent = (share: number) => `${Math.round(share * 100)} %`;

const shortDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const span = (h: Pick<Headline, 'from' | 'to'>) => `${shortDate(h.from)} – ${shortDate(h.to)}`;

/** "20 % of 52 logged hours strategic, against a 40 % target; 13 % the period before": the headline in one sentence. */
export function headlineSentence(label: string, h: Headline): string {
  const target = h.target === null ? 'no target set' : `a ${percent(h.target)} target`;
  const before = h.comparison === null ? '' : `; ${percent(h.comparison.strategicShare)} the period before`;
  const hours = Math.round(h.loggedMinutes / 60);
  return `${label} (${span(h)}): ${percent(h.strategicShare)} of ${hours} logged hours strategic, against ${target}${before}.`;
}

export interface BriefFacts {
  /** The Monday the brief is for, YYYY-MM-DD (company calendar). */
  monday: string;
  lastWeek: Headline;
  quarter: Headline;
  /** Most important first; at most three are shown. */
  insights: Insight[];
}

/** The subject names the one figure a CMO looks for first. */
export const briefSubject = (f: BriefFacts) =>
  `Weekly brief: ${percent(f.lastWeek.strategicShare)} strategic last week` +
  (f.lastWeek.target === null ? '' : ` (target ${percent(f.lastWeek.target)})`);

/** The Monday CMO brief: the headline for last week and the quarter so far, the top insights, a link to Insights. */
export function briefMail(to: Recipient, facts: BriefFacts, base: string, unsubscribe: string): Mail {
  const lines = [headlineSentence('Last week', facts.lastWeek), headlineSentence('Quarter to date', facts.quarter)];
  const top = facts.insights.slice(0, 3);
  const insightsUrl = `${base}/insights`;
  const why = 'You get this brief on Monday mornings because you read Insights on Altitude.';
  const stop = 'Stop the weekly brief';
  const insightRows = top
    .map(
      (i, n) =>
        `<tr><td valign="top" style="padding:8px 10px 8px 0;font-weight:bold;color:#1a1b1e">${n + 1}.</td><td style="padding:8px 0;border-bottom:1px solid #e9ecef">${escapeHtml(i.text)}</td></tr>`,
    )
    .join('');
  const body = [
    paragraphHtml(`Hello ${escapeHtml(to.name)}, here is where marketing's time went.`),
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;background:#f8f9fa;border-left:4px solid #1c5fb8">`,
    ...lines.map((l) => `<tr><td style="padding:8px 12px">${escapeHtml(l)}</td></tr>`),
    '</table>',
    `<h2 style="margin:0 0 8px 0;font-size:17px;color:#1a1b1e">What stands out</h2>`,
    top.length
      ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0">${insightRows}</table>`
      : paragraphHtml('Nothing stands out over the last four weeks.'),
    paragraphHtml(buttonHtml(insightsUrl, 'Open Insights'), 'padding:8px 0'),
  ].join('\n');
  return {
    to: to.email,
    kind: 'weekly_brief',
    subject: briefSubject(facts),
    text: [
      `Hello ${to.name}, here is where marketing's time went.`,
      '',
      ...lines,
      '',
      'What stands out:',
      ...(top.length ? top.map((i, n) => `${n + 1}. ${i.text}`) : ['Nothing stands out over the last four weeks.']),
      '',
      `Open Insights: ${insightsUrl}`,
      '',
      footerText(why, stop, unsubscribe),
    ].join('\n'),
    html: layoutHtml({
      heading: `Weekly brief, Monday ${shortDate(facts.monday)}`,
      body,
      why,
      unsubscribeUrl: unsubscribe,
      unsubscribeLabel: stop,
    }),
  };
}
