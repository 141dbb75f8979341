import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Classification } from '@altitude/shared/domain';
import type { Card } from '@altitude/shared/requests';
import { isNavKey, isTypingOrInDialog, nextCardId } from '../keyboard-nav';

/** The id of the board's search field, which `/` focuses. */
export const boardSearchId = 'board-search';

interface Options {
  /** The columns' cards in display order. */
  columns: { cards: Card[] }[];
  openId: number | null;
  open: (id: number | null) => void;
  /** A card is picked up: keys belong to dnd-kit's keyboard sensor until it is dropped. */
  dragging: boolean;
  assignToMe: (card: Card) => void;
  classify: (card: Card, classification: Classification) => void;
}

const cardElement = (id: number) => document.querySelector<HTMLElement>(`[data-card-id="${id}"]`);

/**
 * The keyboard-first board: one tab stop over the cards (roving tabindex; the last focused card
 * keeps it), arrows between cards, Enter opens, A assigns to me, S/T classify, `/` searches, `?`
 * lists the shortcuts, and focus comes back to the card when its drawer closes.
 */
export function useBoardKeys({ columns, openId, open, dragging, assignToMe, classify }: Options) {
  const [focusId, setFocusId] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const present = focusId !== null && columns.some((c) => c.cards.some((card) => card.id === focusId));
  const tabStopId = present ? focusId : (columns.find((c) => c.cards.length)?.cards[0]?.id ?? null);

  // Refs for the listeners, which outlive renders.
  const state = useRef({ columns, dragging, helpOpen, tabStopId });
  useEffect(() => {
    state.current = { columns, dragging, helpOpen, tabStopId };
  });
  /** A card had the focus last: when a re-render drops it (the card changed lane), it is put back. */
  const cardHadFocus = useRef(false);

  /** Focuses a card; one scrolled out of its virtualised lane mounts a frame or two later. */
  const focusCard = useCallback((id: number) => {
    setFocusId(id);
    cardHadFocus.current = true;
    let tries = 0;
    const attempt = () => {
      const el = cardElement(id);
      if (el) el.focus();
      else if (++tries < 30) requestAnimationFrame(attempt);
    };
    attempt();
  }, []);

  const onCardFocus = useCallback((id: number) => {
    setFocusId(id);
    cardHadFocus.current = true;
  }, []);

  const onCardKey = (card: Card, e: KeyboardEvent): boolean => {
    if (dragging || e.altKey || e.ctrlKey || e.metaKey) return false;
    if (isNavKey(e.key)) {
      e.preventDefault();
      const next = nextCardId(columns, card.id, e.key);
      if (next !== null && next !== card.id) focusCard(next);
      return true;
    }
    const key = e.key.toLowerCase();
    if (e.key === 'Enter') open(card.id);
    else if (key === 'a') assignToMe(card);
    else if (key === 's' || key === 't') classify(card, key === 's' ? 'strategic' : 'tactical');
    else return false;
    e.preventDefault();
    return true;
  };

  // `/` and `?` work anywhere on the board page, but never while typing or inside a dialog.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || (e.key !== '/' && e.key !== '?')) return;
      const { dragging: busy, helpOpen: helping } = state.current;
      if (busy || helping || isTypingOrInDialog(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      if (e.key === '/') document.getElementById(boardSearchId)?.focus();
      else setHelpOpen(true);
    };
    const onFocusIn = (e: FocusEvent) => {
      cardHadFocus.current = e.target instanceof HTMLElement && e.target.closest('[data-card-id]') !== null;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);

  /**
   * Arriving on the board puts the focus on the board itself (not on a card, and not when a
   * drawer or anything else has it), so one Tab reaches the cards past the page's links and filters.
   */
  const arrived = useRef(false);
  const onBoardMount = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || arrived.current) return;
      arrived.current = true;
      const active = document.activeElement;
      if (openId === null && (!active || active === document.body)) el.focus({ preventScroll: true });
    },
    // Only the first mount counts; openId is read as it was then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // The drawer closed: focus goes back to the card it showed (or the one that holds the tab stop).
  const wasOpen = useRef(openId);
  useEffect(() => {
    const closed = wasOpen.current;
    wasOpen.current = openId;
    if (closed !== null && openId === null)
      focusCard(state.current.columns.some((c) => c.cards.some((x) => x.id === closed)) ? closed : state.current.tabStopId!);
  }, [openId, focusCard]);

  // A classified card moves to another lane's cell and remounts there, which drops the focus.
  useEffect(() => {
    if (!cardHadFocus.current || openId !== null || tabStopId === null) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    cardElement(tabStopId)?.focus();
  });

  return {
    onBoardMount,
    tabStopId,
    onCardKey,
    onCardFocus,
    helpOpen,
    closeHelp: () => setHelpOpen(false),
    openHelp: () => setHelpOpen(true),
  };
}
