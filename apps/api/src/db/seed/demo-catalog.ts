import type { Classification, Role } from '@altitude/shared/domain';
import { salesTitles, type DemoTitle } from './demo-briefs';
import { campaignTitles } from './demo-briefs-campaigns';
import { strategicTitles } from './demo-briefs-strategic';

const written: Record<string, DemoTitle[]> = { ...salesTitles, ...campaignTitles, ...strategicTitles };
const titlesOf = (type: string): DemoTitle[] => {
  const titles = written[type];
  if (!titles) throw new Error(`no demo titles written for ${type}`);
  return titles;
};

/** The demo company: who works there and what they ask marketing for. */
export const demoPassword = 'altitude-demo';

export const demoDepartments = ['Sales', 'Product', 'Customer Success', 'Executive', 'Marketing', 'Partnerships'] as const;
export type DemoDepartment = (typeof demoDepartments)[number];

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  department: DemoDepartment;
  /** Contracted minutes a week when not full time (2400). */
  weeklyMinutes?: number;
  /** Minutes a week kept for strategic work (issue 13's reserve); none when left out. */
  strategicReserveMinutes?: number;
}

export const demoAccounts: DemoPerson[] = [
  { email: 'cmo@example.com', name: 'Claire Morgan', role: 'lead', department: 'Marketing', strategicReserveMinutes: 240 },
  { email: 'marketer@example.com', name: 'Max Ortega', role: 'marketer', department: 'Marketing', strategicReserveMinutes: 600 },
  { email: 'sales@example.com', name: 'Sam Reyes', role: 'requester', department: 'Sales' },
  { email: 'product@example.com', name: 'Priya Natarajan', role: 'requester', department: 'Product' },
  { email: 'exec@example.com', name: 'Elena Fischer', role: 'requester', department: 'Executive' },
];

/** Colleagues who make the data look like a real team; they share the demo password. */
export const demoColleagues: DemoPerson[] = [
  // Nina runs the flagship programmes: the largest reserve.
  { email: 'nina.marketing@example.com', name: 'Nina Kowalski', role: 'marketer', department: 'Marketing', strategicReserveMinutes: 720 },
  { email: 'omar.marketing@example.com', name: 'Omar Haddad', role: 'marketer', department: 'Marketing', strategicReserveMinutes: 480 },
  // Part time, three days a week: coverage must count Jules's 24 hours, not 40.
  {
    email: 'jules.marketing@example.com',
    name: 'Jules Martin',
    role: 'marketer',
    department: 'Marketing',
    weeklyMinutes: 1440,
    strategicReserveMinutes: 480,
  },
  { email: 'liam.sales@example.com', name: 'Liam Becker', role: 'requester', department: 'Sales' },
  { email: 'ava.sales@example.com', name: 'Ava Thompson', role: 'requester', department: 'Sales' },
  { email: 'ana.cs@example.com', name: 'Ana Silva', role: 'requester', department: 'Customer Success' },
  { email: 'raj.product@example.com', name: 'Raj Mehta', role: 'requester', department: 'Product' },
  { email: 'kim.partners@example.com', name: 'Kim Larsen', role: 'requester', department: 'Partnerships' },
];

export interface DemoType {
  name: string;
  description: string;
  turnaroundDays: number;
  defaultClassification: Classification;
  /** Typical hours of work, and which departments ask for it (weights). */
  hours: [number, number];
  askedBy: Partial<Record<DemoDepartment, number>>;
  /** What requesters call such a request, each with the briefs they write for it. */
  titles: DemoTitle[];
}

export const demoTypes: DemoType[] = [
  {
    name: 'Event banner',
    description: 'Roll-ups, booth walls and stage screens for one event.',
    turnaroundDays: 5,
    defaultClassification: 'tactical',
    hours: [0.75, 2],
    askedBy: { Sales: 8, Partnerships: 2 },
    titles: titlesOf('Event banner'),
  },
  {
    name: 'Sales deck update',
    description: 'Edits to the corporate or a deal-specific deck.',
    turnaroundDays: 3,
    defaultClassification: 'tactical',
    hours: [1, 4],
    askedBy: { Sales: 9, Executive: 1 },
    titles: titlesOf('Sales deck update'),
  },
  {
    name: 'One-pager',
    description: 'A single-page PDF on one product, use case or offer.',
    turnaroundDays: 5,
    defaultClassification: 'tactical',
    hours: [2, 6],
    askedBy: { Sales: 5, Product: 4, 'Customer Success': 2 },
    titles: titlesOf('One-pager'),
  },
  {
    name: 'Case study',
    description: 'A customer story with quotes and numbers.',
    turnaroundDays: 15,
    defaultClassification: 'tactical',
    hours: [6, 14],
    askedBy: { Sales: 4, 'Customer Success': 5 },
    titles: titlesOf('Case study'),
  },
  {
    name: 'Press release',
    description: 'Routine announcement: partnership, hire, release.',
    turnaroundDays: 7,
    defaultClassification: 'tactical',
    hours: [3, 6],
    askedBy: { Executive: 4, Product: 3, Partnerships: 3 },
    titles: titlesOf('Press release'),
  },
  {
    name: 'Customer email',
    description: 'A one-off email to customers or prospects.',
    turnaroundDays: 4,
    defaultClassification: 'tactical',
    hours: [1, 3],
    askedBy: { 'Customer Success': 6, Product: 3, Sales: 2 },
    titles: titlesOf('Customer email'),
  },
  {
    name: 'Social post',
    description: 'Posts for LinkedIn and other channels.',
    turnaroundDays: 2,
    defaultClassification: 'tactical',
    hours: [0.5, 1.5],
    askedBy: { Sales: 3, Executive: 3, Product: 2, Partnerships: 2 },
    titles: titlesOf('Social post'),
  },
  {
    name: 'Webinar support',
    description: 'Landing page, invites and slides for a webinar.',
    turnaroundDays: 10,
    defaultClassification: 'tactical',
    hours: [4, 10],
    askedBy: { Product: 4, 'Customer Success': 3, Partnerships: 2 },
    titles: titlesOf('Webinar support'),
  },
  {
    name: 'Event logistics',
    description: 'Swag, shipping, booth booking for an event.',
    turnaroundDays: 10,
    defaultClassification: 'tactical',
    hours: [2, 6],
    askedBy: { Sales: 6, Executive: 1 },
    titles: titlesOf('Event logistics'),
  },
  {
    name: 'Market research',
    description: 'Primary or secondary research on a market or buyer.',
    turnaroundDays: 30,
    defaultClassification: 'strategic',
    hours: [6, 18],
    askedBy: { Marketing: 6, Executive: 2, Product: 2 },
    titles: titlesOf('Market research'),
  },
  {
    name: 'Positioning & messaging',
    description: 'Positioning, messaging house, value propositions.',
    turnaroundDays: 21,
    defaultClassification: 'strategic',
    hours: [5, 14],
    askedBy: { Marketing: 5, Product: 3, Executive: 2 },
    titles: titlesOf('Positioning & messaging'),
  },
  {
    name: 'Content strategy',
    description: 'Editorial themes, pillar content and the plan behind them.',
    turnaroundDays: 20,
    defaultClassification: 'strategic',
    hours: [4, 12],
    askedBy: { Marketing: 8 },
    titles: titlesOf('Content strategy'),
  },
  {
    name: 'Brand platform',
    description: 'Brand story, identity and guidelines.',
    turnaroundDays: 45,
    defaultClassification: 'strategic',
    hours: [8, 20],
    askedBy: { Marketing: 4, Executive: 2 },
    titles: titlesOf('Brand platform'),
  },
  {
    name: 'Pricing & packaging input',
    description: 'Market input to pricing and packaging decisions.',
    turnaroundDays: 20,
    defaultClassification: 'strategic',
    hours: [4, 10],
    askedBy: { Product: 4, Executive: 3 },
    titles: titlesOf('Pricing & packaging input'),
  },
];

export const fillers: Record<string, string[]> = {
  // Proper names, written as their owners write them: titles and briefs use them without an article.
  event: [
    'Lisbon Customer Summit',
    'Berlin Roadshow',
    'SaaStr Europa',
    'Web Summit',
    'Gartner IT Symposium',
    'Customer Advisory Day',
    'Partner Kick-off',
    'Paris CFO Breakfast',
  ],
  account: ['Acme Logistics', 'Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', 'Stark Freight', 'Wayne Retail', 'Hooli'],
  // Our product's modules, capitalised as on the price list.
  feature: ['Workflow Automation', 'Analytics Studio', 'Single Sign-On', 'Field Mobile', 'Open API', 'Audit Trail'],
  partner: ['CloudPeak', 'DataBridge', 'Orbital', 'Nimbus'],
  // Common nouns, lower case in running text.
  segment: ['mid-market', 'enterprise finance', 'public sector', 'healthcare', 'manufacturing'],
  topic: ['AI in operations', 'total cost of ownership', 'security for CIOs', 'hybrid work', 'data residency'],
  quarter: ['Q3', 'Q4', 'H1'],
};

export const demoComments = [
  'Can we get this a few days earlier? The customer meeting moved to Tuesday.',
  'The draft is in the shared folder; comments welcome until Thursday.',
  'Reusing the layout from the last one, so this should be quick.',
  'Do we have approved customer quotes for this, or should I ask Customer Success?',
  'Looks great, thank you!',
  'Legal needs to review the claims on page 2 before it goes out.',
  'Could this come from the sales kit instead? There is a template for it.',
  'Second round of edits is done; over to you for a final check.',
];

/** Long-running, marketing-originated strategic work (days from the start of the demo half-year). */
export const strategicPrograms = [
  {
    title: 'Brand platform refresh 2027',
    type: 'Brand platform',
    owner: 'cmo@example.com',
    startDay: 3,
    endDay: null,
    weeklyHours: 6,
    brief:
      'Our brand still describes the company we were before the platform launch. Refresh the story, the visual identity and the guidelines for 2027, with the leadership team signing off the narrative by the end of the quarter.',
  },
  {
    title: 'Mid-market buyer research program',
    type: 'Market research',
    owner: 'jules.marketing@example.com',
    startDay: 10,
    endDay: 150,
    weeklyHours: 5,
    brief:
      'Thirty interviews and a survey of 300 mid-market buying committees: who decides, what triggers a purchase and how they compare vendors. Feeds positioning, the content plan and the sales playbook.',
  },
  {
    title: 'Content pillars: AI in operations',
    type: 'Content strategy',
    owner: 'nina.marketing@example.com',
    startDay: 20,
    endDay: null,
    weeklyHours: 3,
    brief:
      'A pillar guide on AI in operations, the cluster articles around it and the editorial plan behind them, so we own the topic in search and in sales conversations by next year.',
  },
];
