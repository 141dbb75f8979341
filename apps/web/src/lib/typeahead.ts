import { useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface TypeaheadOption {
  value: string;
  label: string;
}

const normal = (text: string) => text.trim().toLowerCase();

/** The option whose label is the typed text, in any case; none for blank text. */
export function exactMatch<O extends TypeaheadOption>(options: readonly O[], typed: string): O | null {
  const text = normal(typed);
  return text ? (options.find((o) => normal(o.label) === text) ?? null) : null;
}

/**
 * The option Enter takes from typed text: the one the text names exactly, else the first whose label
 * contains it (the top row of the list a searchable Mantine Select shows for it); none for blank text.
 */
export function firstMatch<O extends TypeaheadOption>(options: readonly O[], typed: string): O | null {
  const text = normal(typed);
  if (!text) return null;
  return exactMatch(options, text) ?? options.find((o) => normal(o.label).includes(text)) ?? null;
}

interface Field {
  value?: string | null;
  onChange: (value: string | null) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
}

/**
 * Props that make a searchable Mantine Select take a keyboard choice every time. Its own Enter only
 * submits an option highlighted with the arrows, and the list's options appear a frame after it opens
 * (a transition), so a quick "type, ↓, Enter" could find no option, submit the form and lose the
 * text on blur. Here Enter with nothing highlighted takes the first match of the typed text (from
 * the data, not the list), and leaving the field keeps a text that names an option exactly.
 */
export function useTypeahead(options: readonly TypeaheadOption[], field: Field) {
  const [opened, setOpened] = useState(false);
  const labelOf = (value: string | null | undefined) => options.find((o) => o.value === value)?.label;
  return {
    dropdownOpened: opened,
    onDropdownOpen: () => setOpened(true),
    onDropdownClose: () => setOpened(false),
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
      const input = event.currentTarget;
      // An option highlighted with the arrows is Mantine's to submit.
      if (document.getElementById(input.getAttribute('aria-controls') ?? '')?.querySelector('[data-combobox-selected]')) return;
      // The text shows the chosen option: Enter submits the form as in any field.
      if (input.value === labelOf(field.value)) return;
      const match = firstMatch(options, input.value);
      if (!match) return;
      event.preventDefault();
      if (match.value !== field.value) field.onChange(match.value);
      setOpened(false);
    },
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      // Mantine puts back the chosen option's label on blur; the typed text is still in the input here.
      const match = exactMatch(options, event.currentTarget.value);
      if (match && match.value !== field.value) field.onChange(match.value);
      field.onBlur?.(event);
    },
  };
}
