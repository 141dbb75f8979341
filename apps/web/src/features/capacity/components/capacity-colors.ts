/**
 * The Capacity view's colours: the classes as Insights draws them (violet strategic, orange
 * tactical, grey unclassified), the reserve as a pale violet (time set aside, not yet work), free
 * time as the empty track. Text always says what a colour means; colour never says it alone.
 */
export const capacityColors = {
  strategic: '#7048e8',
  reserveKept: '#d0bfff',
  tactical: '#f76707',
  unclassified: '#adb5bd',
  free: 'var(--mantine-color-gray-1)',
  overLine: '#c92a2a',
};
