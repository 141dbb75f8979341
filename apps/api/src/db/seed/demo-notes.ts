/**
 * Why a marketer classified a request against its type's default, as the demo's marketers wrote
 * it. Most notes give a real reason; a few are the weak kind an overrides review should question.
 */

/** Tactical types classified strategic: the reason names what the work builds beyond one ask. */
export const strategicReasons: Record<string, string[]> = {
  'Event banner': [
    '{event} is where we show the new positioning to analysts for the first time; the visuals become the campaign master.',
    'Flagship event for the {segment} push: the booth artwork is the first use of the new brand system.',
  ],
  'Sales deck update': [
    'Becomes the master deck for the new positioning; every rep will pitch from it next year.',
    'Tests the new packaging with a lighthouse account before the price review.',
    'Launch deck for the new partner tier: shapes next quarter’s partner pipeline.',
  ],
  'One-pager': [
    'First piece of the {segment} positioning in the market; it tests the messaging before the full launch.',
    'Becomes the template for the whole product sheet series.',
  ],
  'Case study': [
    'Our first reference in {segment}, the segment we are entering this year; it anchors the segment story.',
    'Cornerstone story for the brand campaign; the numbers will be reused in every channel.',
  ],
  'Press release': [
    'Sets the company narrative for the year; analysts and the sales kickoff brief from it.',
    'Category announcement, not a routine release: it introduces the new positioning to analysts.',
  ],
  'Customer email': [
    'Opens the customer advocacy programme; the replies feed next year’s research.',
    'First step of the expansion play in {segment}, agreed in the annual plan.',
  ],
  'Social post': [
    'Part of the CEO’s thought-leadership series on {topic}, a pillar of the content strategy.',
    'Launches the employer-brand theme agreed in the brand platform.',
  ],
  'Webinar support': [
    'Launches the {topic} content pillar; the recording becomes the pillar’s centrepiece.',
    'Joint programme with {partner} to enter {segment}, in the annual plan.',
  ],
  'Event logistics': [
    '{event} is where we meet the analysts who shape our category; it is in the annual plan.',
    'Entry into {segment}: {event} is the first event in the segment plan.',
  ],
};

/** Reasons that do not say what the work builds: the ones a lead should question. */
export const weakReasons = ['The CEO asked for it.', 'High visibility.', 'Felt strategic.', 'Important for the quarter.'];

/** Strategic types classified tactical: the work turned out to serve one deal or one moment. */
export const tacticalReasons = [
  'Scoped down to a quick refresh of existing material; no new thinking in it.',
  'Answers one team’s immediate question; not part of the annual plan.',
  'A small follow-up to work already counted as strategic.',
];
