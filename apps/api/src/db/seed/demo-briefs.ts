/**
 * What the demo's requesters write: per request type, the titles they use and, per title, the
 * briefs behind them, as a B2B marketing team's colleagues would write them. `{event}`,
 * `{account}`… are filled from `fillers` (demo-catalog.ts); a brief reuses the title's values.
 *
 * Each title holds exactly one placeholder (or none where the old catalogue had none): the demo's
 * random stream draws once per placeholder, and the demo's figures must not move with its wording.
 */
export interface DemoBrief {
  text: string;
  goal: string;
  audience: string;
}
export interface DemoTitle {
  title: string;
  briefs: DemoBrief[];
}

export const b = (text: string, goal: string, audience: string): DemoBrief => ({ text, goal, audience });

/** Sales and event asks, tactical by default. */
export const salesTitles: Record<string, DemoTitle[]> = {
  'Event banner': [
    {
      title: 'Roll-up banners for {event}',
      briefs: [
        b(
          'We have a 3×3 m booth at {event} and need two roll-ups that match the booth wall. Lead message: how {feature} cuts manual hand-offs for operations teams. The printer needs the files five working days before we fly.',
          'Book 20 qualified meetings at the booth',
          'Operations leaders visiting the booth',
        ),
        b(
          'Sales is hosting a customer dinner alongside {event}. One roll-up for the venue entrance, please: logo, the evening’s theme and a QR code to the meeting-booking page.',
          'Turn dinner guests into pipeline',
          'Existing customers and late-stage prospects',
        ),
      ],
    },
    {
      title: 'Booth wall for {event}',
      briefs: [
        b(
          'The organiser confirmed a corner stand at {event}. We need the back wall artwork (4 m × 2.5 m, their template attached) built around the spring campaign visuals, with the demo screen cut-out on the left.',
          'Stand out on a crowded floor and fill the demo slots',
          'Attendees from {segment}',
        ),
        b(
          '{partner} shares their stand with us at {event}. The wall has to be co-branded and their brand team approves the artwork, so please allow a day for their review.',
          'Support the joint pitch with our partner',
          'Prospects the partner brings to the stand',
        ),
      ],
    },
    {
      title: 'Stage screen loop for {event}',
      briefs: [
        b(
          'Our CEO speaks on day two of {event}. Between sessions the stage screens loop sponsor slides: 1920×1080, 20 seconds, no audio. Reuse the campaign look and end on the URL of the keynote recap page.',
          'Visibility with the keynote audience',
          'Conference attendees',
        ),
      ],
    },
  ],
  'Sales deck update': [
    {
      title: 'Tailor the pitch deck for {account}',
      briefs: [
        b(
          '{account} has a second meeting with their CFO next Thursday. Please swap the generic ROI slide for one built on their numbers (in the CRM notes) and put their logo on the title slide.',
          'Move the deal to a signed proposal this quarter',
          'CFO and procurement',
        ),
        b(
          'Procurement at {account} asked for a security overview before they shortlist us. One slide summarising our certifications and data-residency options, linking to the trust centre.',
          'Clear the security review',
          'IT security reviewers',
        ),
      ],
    },
    {
      title: 'Update the pricing slide for {account}',
      briefs: [
        b(
          'The price list changed on the 1st and the deck for {account} still shows last year’s tiers. The deal desk has signed off the new numbers; please update the slide and the appendix.',
          'Keep the quote consistent with the price list',
          'Buyers in a late-stage deal',
        ),
      ],
    },
    {
      title: 'Add {feature} slides to the sales deck',
      briefs: [
        b(
          'Prospects keep asking about {feature}. Two slides, please: what it does and one customer example, written so a rep can present them without a product manager in the room.',
          'Shorten the evaluation stage',
          'IT and operations evaluators',
        ),
        b(
          'Product shipped {feature} last sprint and reps are improvising. Please add a slide after the platform overview, plus speaker notes with the three questions prospects ask most.',
          'Reps pitch the new capability consistently',
          'Account executives',
        ),
      ],
    },
  ],
  'One-pager': [
    {
      title: 'One-pager: {feature}',
      briefs: [
        b(
          'A one-page PDF on {feature} that reps can send after a first call: the problem it solves, how it works, three proof points and a link to book a demo.',
          'More second meetings after discovery calls',
          'Operations managers',
        ),
        b(
          'Customer Success wants to hand out a page on {feature} in quarterly business reviews, so customers on older plans see what they are missing.',
          'Expansion revenue from existing accounts',
          'Existing customers on older plans',
        ),
      ],
    },
    {
      title: 'Leave-behind for {account}',
      briefs: [
        b(
          'After Tuesday’s workshop at {account} we promised a leave-behind summarising what we agreed. Keep it to one page and use their vocabulary, not ours.',
          'Keep momentum after the on-site workshop',
          'The customer’s project team',
        ),
      ],
    },
    {
      title: 'Partner one-pager for {partner}',
      briefs: [
        b(
          '{partner} resellers need one page explaining what our integration does and when to bring us into a deal. Co-branded; their logo files are in the partner folder.',
          'More partner-sourced opportunities',
          'Partner account managers',
        ),
      ],
    },
  ],
  'Case study': [
    {
      title: 'Case study: {account}',
      briefs: [
        b(
          '{account} cut month-end reporting time by about a third after moving to {feature}. Their operations director agreed to a 30-minute interview; we need the questions, the write-up and sign-off from their communications team.',
          'Proof for prospects in the same industry',
          'Prospects in {segment}',
        ),
        b(
          'Sales keeps being asked for a reference in {segment}. {account} is live and willing to go on record; a written story with two or three hard numbers would answer most of those requests.',
          'Fewer reference calls for the same customers',
          'Buying committees in late-stage deals',
        ),
      ],
    },
    {
      title: 'Customer story video script for {account}',
      briefs: [
        b(
          '{account} renewed for three years and their team is happy to be filmed. Please draft a two-minute script around their rollout; the agency has a shoot day booked at their site.',
          'A reference story for late-stage deals',
          'Prospects evaluating us against incumbents',
        ),
      ],
    },
  ],
  'Press release': [
    {
      title: 'Press release: {partner} partnership',
      briefs: [
        b(
          'We announce the {partner} partnership at the end of the month. Draft the release with a quote from our CEO and one from their VP of Alliances; their PR team reviews before it goes out.',
          'Coverage in trade press and partner channels',
          'Trade press and industry analysts',
        ),
      ],
    },
    {
      title: 'Announce {feature} general availability',
      briefs: [
        b(
          '{feature} leaves beta on the 15th. A short release, a customer quote if Customer Success can get one in time, and a paragraph we can reuse in the newsletter.',
          'Awareness of the release with customers and press',
          'Customers and trade press',
        ),
      ],
    },
    {
      title: 'Press release: new VP of Sales',
      briefs: [
        b(
          'Our new VP of Sales starts on the 1st. A short release for the newsroom and LinkedIn; HR has approved the bio and the photo.',
          'Show the company is growing',
          'Press, candidates and customers',
        ),
      ],
    },
  ],
};
