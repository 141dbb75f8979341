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

/** How long a card owed the focus is waited for (a loaded machine can take seconds to render it). */
const focusPatienceMs = 3000;

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

  /**
   * The card owed the focus (its drawer closed, or an arrow key chose it) until it has it. It may not
   * be rendered yet (a virtualised lane mounts it a frame or more after scrolling to it, a refetch
   * brings a new one), and a re-render may drop the focus again; until it holds, no other card takes it.
   */
  const pendingFocus = useRef<number | null>(null);

  /** Focuses a card once it is rendered, retrying frame by frame until it holds the focus; a key or a click by the user ends the wait. */
  const focusCard = useCallback((id: number) => {
    setFocusId(id);
    cardHadFocus.current = true;
    pendingFocus.current = id;
    const until = performance.now() + focusPatienceMs;
    let held = 0;
    const attempt = () => {
      if (pendingFocus.current !== id) return;
      const el = cardElement(id);
      if (el && document.activeElement === el && ++held >= 3) pendingFocus.current = null;
      else if (performance.now() > until) {
        // Never rendered (filtered out, say): the card holding the tab stop takes the focus instead.
        pendingFocus.current = null;
        const active = document.activeElement;
        const { tabStopId: fallback } = state.current;
        if ((!active || active === document.body) && fallback !== null) cardElement(fallback)?.focus();
      } else {
        if (el && document.activeElement !== el) {
          held = 0;
          el.focus();
        }
        requestAnimationFrame(attempt);
      }
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
    // The user acts (any key, any click): a card still owed the focus no longer takes it.
    const onUserAct = () => {
      pendingFocus.current = null;
    };
    const onFocusIn = (e: FocusEvent) => {
      cardHadFocus.current = e.target instanceof HTMLElement && e.target.closest('[data-card-id]') !== null;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    // Capture: before the board's own key handlers, which may owe a card the focus anew.
    document.addEventListener('keydown', onUserAct, true);
    document.addEventListener('pointerdown', onUserAct, true);
    return () => {
      document.removeEventListener('keydown', onUserAct, true);
      document.removeEventListener('pointerdown', onUserAct, true);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);

  /**
   * Arriving on the board puts the focus on the board itself (not on a card, and not when a
   * drawer or anything else has it), so one Tab reaches the cards past the page's links and filters.
   * At the next frame, not in React's commit: focusing lays the page out, which the frame does anyway
   * (in the commit it made the board's first render one long task). The shells mount before any card.
   */
  const arrived = useRef(false);
  const onBoardMount = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el || arrived.current) return;
      arrived.current = true;
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (el.isConnected && openId === null && (!active || active === document.body)) el.focus({ preventScroll: true });
      });
    },
    // Only the first mount counts; openId is read as it was then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // The drawer closed: focus goes back to the card it showed, once that card is rendered (or, if it
  // never is, to the one that holds the tab stop).
  const wasOpen = useRef(openId);
  useEffect(() => {
    const closed = wasOpen.current;
    wasOpen.current = openId;
    if (closed !== null && openId === null) focusCard(closed);
  }, [openId, focusCard]);

  // A classified card moves to another lane's cell and remounts there, which drops the focus.
  useEffect(() => {
    // A card still owed the focus gets it: the first card taking it meanwhile would take the tab stop too.
    if (!cardHadFocus.current || openId !== null || tabStopId === null || pendingFocus.current !== null) return;
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
