import { b, type DemoTitle } from './demo-briefs';

/** Titles and briefs of the strategic request types (see demo-briefs.ts for the rules they keep). */

export const strategicTitles: Record<string, DemoTitle[]> = {
  'Market research': [
    {
      title: 'Research: the {segment} buying committee',
      briefs: [
        b(
          'We lose {segment} deals late and do not know who blocks them. Twelve interviews with recent buyers and lost prospects: who sits on the committee, what each person needs to see, and where we fall short.',
          'Win more {segment} deals at the final stage',
          'Buying committees in {segment}',
        ),
      ],
    },
    {
      title: 'Win/loss interviews {quarter}',
      briefs: [
        b(
          'Interview ten won and ten lost opportunities from {quarter}, independently of the account team. Summarise the patterns for the leadership offsite, with quotes we may use internally.',
          'Evidence for next year’s product and sales priorities',
          'Recent buyers and lost prospects',
        ),
      ],
    },
    {
      title: 'Competitive landscape: {topic}',
      briefs: [
        b(
          'Three new vendors entered deals this half talking about {topic}. Map who they are, how they price and position, and where we win or lose against them; sales enablement comes later.',
          'Know where we win before the planning cycle',
          'Leadership team and product management',
        ),
      ],
    },
  ],
  'Positioning & messaging': [
    {
      title: 'Messaging house for {feature}',
      briefs: [
        b(
          '{feature} changes what we can promise buyers. Build the messaging house: one core claim, three pillars with proof, and the words sales, product and support should all use.',
          'One story for the next two years of launches',
          'Economic buyers and their evaluators',
        ),
      ],
    },
    {
      title: 'Positioning for {segment}',
      briefs: [
        b(
          'We sell into {segment} with the same story as everyone else. Define who we are for there, the alternative they compare us with and why we are different, tested with five customers.',
          'Higher win rate in a segment we want to grow',
          'Decision-makers in {segment}',
        ),
      ],
    },
  ],
  'Content strategy': [
    {
      title: 'Pillar content: {topic}',
      briefs: [
        b(
          'Plan a pillar guide on {topic} with the cluster articles around it: search research, an outline, the subject-matter experts to interview and how we will measure it.',
          'Organic demand we do not have to pay for',
          'Operations and finance leaders researching the problem',
        ),
      ],
    },
    {
      title: 'Editorial plan {quarter}',
      briefs: [
        b(
          'The editorial plan for {quarter}: themes by month, formats, owners and the two flagship pieces, tied to the pipeline goals agreed with Sales.',
          'Content that supports pipeline, not just traffic',
          'Our whole market',
        ),
      ],
    },
  ],
  'Brand platform': [
    {
      title: 'Brand platform refresh: {topic}',
      briefs: [
        b(
          'Our story still describes the company we were three years ago. Rework the brand narrative around {topic}, with the tone of voice and the visual principles that follow from it.',
          'A brand that matches where the company is going',
          'The whole market, employees and candidates',
        ),
      ],
    },
    {
      title: 'Brand guidelines v3',
      briefs: [
        b(
          'Agencies and partners keep using old logos and colours. Consolidate the guidelines into one living site with templates, and retire the PDF versions.',
          'Consistent brand across every agency and partner',
          'Agencies, partners and our own teams',
        ),
      ],
    },
  ],
  'Pricing & packaging input': [
    {
      title: 'Packaging research for {feature}',
      briefs: [
        b(
          'Product is deciding whether {feature} is an add-on or part of the top tier. Interview customers and analyse win/loss notes to show what buyers expect to pay for and what they expect included.',
          'A packaging decision backed by buyer evidence',
          'Product and finance leadership',
        ),
      ],
    },
    {
      title: 'Pricing page test for {segment}',
      briefs: [
        b(
          'Design a test of the pricing page for {segment} visitors: per-seat versus per-workspace framing, with the success measure agreed with Finance before it starts.',
          'Learn which pricing framing converts before the price review',
          'Evaluators from {segment} on the website',
        ),
      ],
    },
  ],
};
