import { Text, Textarea, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { mentionQueryAt } from '@altitude/shared/mentions';
import { useMentionable } from '../api/list-mentionable';
import { insertMention } from './insert-mention';
import classes from './mention.module.css';

type Props = Omit<TextareaProps, 'value' | 'onChange'> & { requestId: number; value: string; onChange: (value: string) => void };

/**
 * The comment box with `@` autocomplete (the ARIA combobox pattern with aria-activedescendant):
 * typing `@` and a letter lists the people who may see the request; arrows move, Enter or Tab
 * inserts `@handle `, Escape closes the list (and only the list, not the drawer around it).
 */
export function MentionTextarea({ requestId, value, onChange, onKeyDown, ...props }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // The `@` whose list Escape closed: it stays closed until another mention is started.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const typing = mentionQueryAt(value, caret);
  const [query] = useDebouncedValue(typing?.query ?? null, 120);
  const candidates = useMentionable(requestId, typing ? query : null);
  const items = typing && dismissed !== typing.start ? (candidates.data?.items ?? []).slice(0, 8) : [];
  const open = items.length > 0;
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (handle: string) => {
    if (!typing) return;
    const next = insertMention(value, caret, typing.start, handle);
    onChange(next.text);
    setCaret(next.caret);
    setActive(0);
    // The controlled value lands on the next render, which puts the caret at the end; put it back after the mention.
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + items.length) % items.length);
        return;
      }
      if ((e.key === 'Enter' && !e.metaKey && !e.ctrlKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(items[activeIndex]!.handle);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissed(typing!.start);
        return;
      }
    }
    onKeyDown?.(e);
  };

  return (
    <div className={classes.box}>
      <Textarea
        {...props}
        ref={ref}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={keyDown}
        onBlur={() => setDismissed(typing?.start ?? null)}
        onFocus={() => setDismissed(null)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="People to mention" className={classes.listbox}>
          {items.map((person, i) => (
            <li
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className={classes.option}
              // Keeps focus (and the caret) in the textarea while the pointer picks.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person.handle)}
            >
              <Text size="sm" fw={500} component="span">
                {person.name}
              </Text>
              <span className={classes.handle}>@{person.handle}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
