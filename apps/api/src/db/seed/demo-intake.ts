import type { FieldAnswers, IntakeField } from '@altitude/shared/intake-fields';
import { createRandom } from './random';

/**
 * The questions three demo types ask on the new-request form, and the answers their demo
 * requests carry. The questions are the demo's recent addition: only requests filed in the last
 * `answeredDays` days answer them, so older ones show that a request without answers still reads.
 * All optional, so filing one of these types without answers (as older tests and scripts do) works.
 */
export const answeredDays = 60;

export const demoQuestions: Record<string, IntakeField[]> = {
  'Event banner': [
    { key: 'event_name', label: 'Event name', kind: 'text', required: false, help: 'As the organiser writes it.' },
    { key: 'event_date', label: 'Event date', kind: 'date', required: false, help: 'The first day of the event.' },
    {
      key: 'sizes',
      label: 'Format',
      kind: 'choice',
      required: false,
      options: ['Roll-up 85 × 200 cm', 'Booth wall 4 × 2.5 m', 'Stage screen 1920 × 1080'],
    },
    { key: 'brand_guidelines_read', label: 'I have read the brand guidelines for events', kind: 'checkbox', required: false },
  ],
  'Case study': [
    {
      key: 'customer_contact',
      label: 'Customer contact',
      kind: 'text',
      required: false,
      help: 'Name and role of the person we interview.',
    },
    { key: 'customer_approved', label: 'The customer agreed to be named', kind: 'checkbox', required: false },
    { key: 'headline_result', label: 'Headline result', kind: 'text', required: false, help: 'The number the story is built around.' },
    { key: 'crm_account', label: 'CRM account', kind: 'link', required: false },
  ],
  'Webinar support': [
    { key: 'webinar_date', label: 'Webinar date', kind: 'date', required: false },
    { key: 'speakers', label: 'Speakers', kind: 'long_text', required: false, help: 'Names, roles, one per line.' },
    { key: 'expected_registrations', label: 'Expected registrations', kind: 'number', required: false },
    { key: 'platform', label: 'Platform', kind: 'choice', required: false, options: ['ON24', 'Zoom Webinars', 'Teams Webinar'] },
  ],
};

const contacts = ['Maria Lopez, Head of Operations', 'Tom Becker, CIO', 'Yuki Tanaka, VP Supply Chain', 'Sara Nilsson, COO'];
const results = ['38 % fewer manual hand-offs', 'Onboarding cut from 6 weeks to 9 days', '2.1 hours saved per dispatcher a day'];
const speakers = ['Elena Fischer, CEO', 'Priya Natarajan, VP Product', 'Raj Mehta, Product Manager', 'Ana Silva, Customer Success Lead'];
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const daysAfter = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Asked {
  id: number;
  type: string;
  /** The title's index among the type's written titles: "Roll-up banners…", "Booth wall…", "Stage screen…". */
  titleIndex: number;
  /** The title's filled placeholders ({event}, {account}…). */
  chosen: ReadonlyMap<string, string>;
  dueDate: string;
}

/**
 * A demo request's answers: from the title's own values and its own generator (not the demo's
 * stream, so no figure of the demo moves), some questions left unanswered as people do.
 */
export function demoAnswers({ id, type, titleIndex, chosen, dueDate }: Asked): FieldAnswers {
  const rnd = createRandom(Math.imul(id, 0x85ebca6b) ^ 0x1a7a);
  const answers: FieldAnswers = {};
  if (type === 'Event banner') {
    const event = chosen.get('event');
    if (event) answers.event_name = event;
    answers.event_date = daysAfter(dueDate, rnd.int(3, 10));
    answers.sizes = demoQuestions[type]![2]!.options![Math.min(titleIndex, 2)]!;
    answers.brand_guidelines_read = rnd.chance(0.8);
  } else if (type === 'Case study') {
    if (rnd.chance(0.8)) answers.customer_contact = rnd.pick(contacts);
    answers.customer_approved = rnd.chance(0.7);
    if (rnd.chance(0.6)) answers.headline_result = rnd.pick(results);
    const account = chosen.get('account');
    if (account) answers.crm_account = `https://crm.example.com/accounts/${slug(account)}`;
  } else if (type === 'Webinar support') {
    answers.webinar_date = daysAfter(dueDate, rnd.int(5, 14));
    const first = rnd.int(0, speakers.length - 1);
    answers.speakers = rnd.chance(0.5) ? speakers[first]! : `${speakers[first]!}\n${speakers[(first + 1) % speakers.length]!}`;
    answers.expected_registrations = rnd.pick([80, 120, 150, 250, 400]);
    answers.platform = rnd.pick(demoQuestions[type]![3]!.options!);
  }
  return answers;
}
