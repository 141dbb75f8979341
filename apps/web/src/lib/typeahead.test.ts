import { describe, expect, it } from 'vitest';
import { exactMatch, firstMatch } from './typeahead';

// In the order the list shows them.
const types = [
  { value: '1', label: 'Event banner' },
  { value: '2', label: 'Sales deck update' },
  { value: '3', label: 'One-pager' },
  { value: '4', label: 'Banner' },
];

describe('what a typed text picks in a searchable select', () => {
  it('Enter takes the option the text names, in any case and with stray spaces', () => {
    expect(firstMatch(types, 'One-pager')?.value).toBe('3');
    expect(firstMatch(types, '  one-PAGER ')?.value).toBe('3');
  });

  it('an exact name wins over an earlier option that merely contains it', () => {
    // "Event banner" comes first in the list and contains "banner", but "Banner" is named.
    expect(firstMatch(types, 'banner')?.value).toBe('4');
  });

  it('otherwise Enter takes the first option containing the text, the top row of the list', () => {
    expect(firstMatch(types, 'one')?.value).toBe('3');
    expect(firstMatch(types, 'ann')?.value).toBe('1');
    expect(firstMatch(types, 'e')?.value).toBe('1');
  });

  it('blank or unmatched text picks nothing', () => {
    expect(firstMatch(types, '')).toBeNull();
    expect(firstMatch(types, '   ')).toBeNull();
    expect(firstMatch(types, 'Podcast')).toBeNull();
  });

  it('leaving the field keeps only a text that names an option exactly', () => {
    expect(exactMatch(types, 'one-pager')?.value).toBe('3');
    expect(exactMatch(types, 'One-page')).toBeNull();
    expect(exactMatch(types, '')).toBeNull();
  });
});
