import { b, type DemoTitle } from './demo-briefs';

/** Campaign asks (emails, posts, webinars, event logistics), tactical by default; rules in demo-briefs.ts. */
export const campaignTitles: Record<string, DemoTitle[]> = {
  'Customer email': [
    {
      title: 'Email: {feature} is now available',
      briefs: [
        b(
          'Let admins know {feature} is switched on for their workspace: what changed, a 90-second video, and a link to the help article. Exclude accounts in onboarding.',
          'Adoption of the new capability within 30 days',
          'Workspace admins',
        ),
      ],
    },
    {
      title: 'Renewal reminder email for {segment}',
      briefs: [
        b(
          'Renewals in {segment} are clustered in the next 60 days. A reminder email from the account manager’s address, with the usage summary link and a way to book a review call.',
          'Renew on time without discounting',
          'Renewal decision-makers',
        ),
      ],
    },
    {
      title: 'Invitation email for {event}',
      briefs: [
        b(
          'We have 40 places at our session at {event}. Please write the invitation and one reminder for customers in the region; registrations go through the event page, not a form.',
          'Fill the session with customers',
          'Customers within travel distance',
        ),
        b(
          'Invite prospects in open opportunities to meet us at {event}. Short, personal, signed by their account executive, with a link to pick a meeting slot.',
          'Meetings with open opportunities during the event',
          'Prospects with an open opportunity',
        ),
      ],
    },
  ],
  'Social post': [
    {
      title: 'LinkedIn posts for {event}',
      briefs: [
        b(
          'Three LinkedIn posts around {event}: one the week before (where to find us), one on the day with a booth photo, one afterwards thanking the people we met.',
          'Booth traffic and follow-up conversations',
          'Our LinkedIn followers in the region',
        ),
      ],
    },
    {
      title: 'Social posts for the {feature} launch',
      briefs: [
        b(
          'Launch-day posts on LinkedIn and X for {feature}, plus a shorter version employees can reshare. Visuals from the launch kit, please; product will check the claims.',
          'Reach beyond existing customers on launch day',
          'Followers and employees’ networks',
        ),
      ],
    },
    {
      title: 'CEO post on {topic}',
      briefs: [
        b(
          'Our CEO wants to post on {topic} after last week’s panel. Please turn her notes into a LinkedIn post of about 200 words, in her voice, with no product pitch.',
          'Thought leadership for the CEO’s profile',
          'Executives in our market',
        ),
      ],
    },
  ],
  'Webinar support': [
    {
      title: 'Webinar: {topic}',
      briefs: [
        b(
          'Product and a customer will host a 45-minute webinar on {topic}. We need the landing page, two invitation emails, the slide template and a follow-up email with the recording.',
          '150 registrations and 20 sales-accepted leads',
          'Heads of operations in {segment}',
        ),
      ],
    },
    {
      title: 'Landing page for the {feature} webinar',
      briefs: [
        b(
          'The registration page for next month’s {feature} webinar: the agenda, the speakers’ bios and a short form. It must be live by Monday so the invitation email can go out.',
          'Registrations from active trials',
          'Trial users and evaluators',
        ),
      ],
    },
  ],
  'Event logistics': [
    {
      title: 'Swag and shipping for {event}',
      briefs: [
        b(
          'Order 300 notebooks and 150 T-shirts for {event} and ship them with the booth kit. Last time customs held the boxes for two days, so please book the courier early.',
          'The booth is fully stocked on day one',
          'Booth visitors',
        ),
      ],
    },
    {
      title: 'Book a booth at {event}',
      briefs: [
        b(
          'Sales wants a presence at {event}. Please compare the organiser’s stand packages, hold the 9 m² option and send me the costs so I can get budget sign-off this week.',
          'Meet target accounts in one place',
          'Target accounts attending the event',
        ),
      ],
    },
  ],
};
