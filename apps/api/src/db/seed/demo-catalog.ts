import type { Classification, Role } from '@altitude/shared/domain';

/** The demo company: who works there and what they ask marketing for. */
export const demoPassword = 'altitude-demo';

export const demoDepartments = ['Sales', 'Product', 'Customer Success', 'Executive', 'Marketing', 'Partnerships'] as const;
export type DemoDepartment = (typeof demoDepartments)[number];

export const demoAccounts: { email: string; name: string; role: Role; department: DemoDepartment }[] = [
  { email: 'cmo@example.com', name: 'Claire Morgan', role: 'lead', department: 'Marketing' },
  { email: 'marketer@example.com', name: 'Max Ortega', role: 'marketer', department: 'Marketing' },
  { email: 'sales@example.com', name: 'Sam Reyes', role: 'requester', department: 'Sales' },
  { email: 'product@example.com', name: 'Priya Natarajan', role: 'requester', department: 'Product' },
  { email: 'exec@example.com', name: 'Elena Fischer', role: 'requester', department: 'Executive' },
];

/** Colleagues who make the data look like a real team; they share the demo password. */
export const demoColleagues: typeof demoAccounts = [
  { email: 'nina.marketing@example.com', name: 'Nina Kowalski', role: 'marketer', department: 'Marketing' },
  { email: 'omar.marketing@example.com', name: 'Omar Haddad', role: 'marketer', department: 'Marketing' },
  { email: 'jules.marketing@example.com', name: 'Jules Martin', role: 'marketer', department: 'Marketing' },
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
  titles: string[];
}

export const demoTypes: DemoType[] = [
  {
    name: 'Event banner',
    description: 'Roll-ups, booth walls and stage screens for one event.',
    turnaroundDays: 5,
    defaultClassification: 'tactical',
    hours: [0.75, 2],
    askedBy: { Sales: 8, Partnerships: 2 },
    titles: ['Roll-up banners for the {event}', 'Booth wall for the {event}', 'Stage screen loop for the {event}'],
  },
  {
    name: 'Sales deck update',
    description: 'Edits to the corporate or a deal-specific deck.',
    turnaroundDays: 3,
    defaultClassification: 'tactical',
    hours: [1, 4],
    askedBy: { Sales: 9, Executive: 1 },
    titles: ['Deck tweak for {account}', 'Update pricing slide for {account}', 'Add {feature} slides to the sales deck'],
  },
  {
    name: 'One-pager',
    description: 'A single-page PDF on one product, use case or offer.',
    turnaroundDays: 5,
    defaultClassification: 'tactical',
    hours: [2, 6],
    askedBy: { Sales: 5, Product: 4, 'Customer Success': 2 },
    titles: ['One-pager: {feature}', 'Leave-behind for {account}', 'Partner one-pager for {partner}'],
  },
  {
    name: 'Case study',
    description: 'A customer story with quotes and numbers.',
    turnaroundDays: 15,
    defaultClassification: 'tactical',
    hours: [6, 14],
    askedBy: { Sales: 4, 'Customer Success': 5 },
    titles: ['Case study: {account}', 'Customer story video script for {account}'],
  },
  {
    name: 'Press release',
    description: 'Routine announcement: partnership, hire, release.',
    turnaroundDays: 7,
    defaultClassification: 'tactical',
    hours: [3, 6],
    askedBy: { Executive: 4, Product: 3, Partnerships: 3 },
    titles: ['Press release: {partner} partnership', 'Announce {feature} GA', 'Press release: new VP hire'],
  },
  {
    name: 'Customer email',
    description: 'A one-off email to customers or prospects.',
    turnaroundDays: 4,
    defaultClassification: 'tactical',
    hours: [1, 3],
    askedBy: { 'Customer Success': 6, Product: 3, Sales: 2 },
    titles: ['Email: {feature} is live', 'Renewal reminder email for {segment}', 'Invite to the {event}'],
  },
  {
    name: 'Social post',
    description: 'Posts for LinkedIn and other channels.',
    turnaroundDays: 2,
    defaultClassification: 'tactical',
    hours: [0.5, 1.5],
    askedBy: { Sales: 3, Executive: 3, Product: 2, Partnerships: 2 },
    titles: ['LinkedIn post about the {event}', 'Social posts for {feature} launch', 'CEO post on {topic}'],
  },
  {
    name: 'Webinar support',
    description: 'Landing page, invites and slides for a webinar.',
    turnaroundDays: 10,
    defaultClassification: 'tactical',
    hours: [4, 10],
    askedBy: { Product: 4, 'Customer Success': 3, Partnerships: 2 },
    titles: ['Webinar: {topic}', 'Landing page for the {feature} webinar'],
  },
  {
    name: 'Event logistics',
    description: 'Swag, shipping, booth booking for an event.',
    turnaroundDays: 10,
    defaultClassification: 'tactical',
    hours: [2, 6],
    askedBy: { Sales: 6, Executive: 1 },
    titles: ['Swag and shipping for the {event}', 'Book a booth at the {event}'],
  },
  {
    name: 'Market research',
    description: 'Primary or secondary research on a market or buyer.',
    turnaroundDays: 30,
    defaultClassification: 'strategic',
    hours: [6, 18],
    askedBy: { Marketing: 6, Executive: 2, Product: 2 },
    titles: ['Research: {segment} buying committee', 'Win/loss interviews {quarter}', 'Competitive landscape: {topic}'],
  },
  {
    name: 'Positioning & messaging',
    description: 'Positioning, messaging house, value propositions.',
    turnaroundDays: 21,
    defaultClassification: 'strategic',
    hours: [5, 14],
    askedBy: { Marketing: 5, Product: 3, Executive: 2 },
    titles: ['Messaging house for {feature}', 'Positioning for {segment}'],
  },
  {
    name: 'Content strategy',
    description: 'Editorial themes, pillar content and the plan behind them.',
    turnaroundDays: 20,
    defaultClassification: 'strategic',
    hours: [4, 12],
    askedBy: { Marketing: 8 },
    titles: ['Pillar content: {topic}', 'Editorial plan {quarter}'],
  },
  {
    name: 'Brand platform',
    description: 'Brand story, identity and guidelines.',
    turnaroundDays: 45,
    defaultClassification: 'strategic',
    hours: [8, 20],
    askedBy: { Marketing: 4, Executive: 2 },
    titles: ['Brand platform refresh: {topic}', 'Brand guidelines v3'],
  },
  {
    name: 'Pricing & packaging input',
    description: 'Market input to pricing and packaging decisions.',
    turnaroundDays: 20,
    defaultClassification: 'strategic',
    hours: [4, 10],
    askedBy: { Product: 4, Executive: 3 },
    titles: ['Packaging research for {feature}', 'Pricing page test for {segment}'],
  },
];

export const fillers: Record<string, string[]> = {
  event: [
    'Lisbon summit',
    'Berlin roadshow',
    'SaaStr Europa',
    'Web Summit',
    'Gartner symposium',
    'customer advisory day',
    'partner kick-off',
    'Paris meetup',
  ],
  account: ['Acme Logistics', 'Northwind', 'Globex', 'Initech', 'Umbrella Health', 'Stark Freight', 'Wayne Retail', 'Hooli'],
  feature: ['workflow automation', 'the analytics module', 'SSO', 'the mobile app', 'the API platform', 'audit logs'],
  partner: ['CloudPeak', 'DataBridge', 'Orbital', 'Nimbus'],
  segment: ['mid-market', 'enterprise finance', 'public sector', 'healthcare', 'manufacturing'],
  topic: ['AI in operations', 'total cost of ownership', 'security for CIOs', 'the future of work', 'data residency'],
  quarter: ['Q3', 'Q4', 'H1'],
};

export const demoComments = [
  'Can we get this a few days earlier? The customer meeting moved.',
  'Draft is in the shared folder, feedback welcome.',
  'Using the template from last time, should be quick.',
  'Do we have approved quotes for this?',
  'Looks great, thank you!',
  'Legal needs to review the claims on page 2.',
  'Could this come from the sales kit instead?',
  'Second round of edits done.',
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
    brief: 'Refresh the brand story, identity and guidelines for 2027.',
  },
  {
    title: 'Mid-market buyer research program',
    type: 'Market research',
    owner: 'jules.marketing@example.com',
    startDay: 10,
    endDay: 150,
    weeklyHours: 5,
    brief: 'Interviews and a survey of mid-market buying committees.',
  },
  {
    title: 'Content pillars: AI in operations',
    type: 'Content strategy',
    owner: 'nina.marketing@example.com',
    startDay: 20,
    endDay: null,
    weeklyHours: 3,
    brief: 'Pillar content and the editorial plan behind it.',
  },
];
