import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useEffect, useState, type MouseEvent, type ReactElement } from 'react';

type Hover = (e: MouseEvent<HTMLElement>) => void;
type Props = Omit<TooltipProps, 'children' | 'opened' | 'defaultOpened' | 'target'> & {
  children: ReactElement<{ onMouseEnter?: Hover; onMouseLeave?: Hover }>;
};

/**
 * Mantine's Tooltip (hover), mounted only once the pointer first reaches its target. A Tooltip sets
 * up Floating UI's hooks for its target whether or not it ever opens: the board's cards and column
 * headers had one each (two or three on a card), a large share of the board's first render.
 *
 * The target stays the same DOM node when the tooltip mounts: the Tooltip sits beside it, pointed
 * at it (`target`), and opens while the pointer is over it. Wrapping the child instead replaced the
 * node under the pointer; the browser, which had entered the old node, never told the new one that
 * the pointer left, and the tooltip could stay open. Escape closes it without moving the pointer
 * (WCAG 1.4.13).
 */
export function LazyTooltip({ children, ...props }: Props) {
  // null until the first hover: no Tooltip in the page before it is needed.
  const [open, setOpen] = useState<boolean | null>(null);
  // The hovered node itself, taken from the event: a ref on every card would cost each one a callback.
  const [target, setTarget] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const child = cloneElement(children, {
    onMouseEnter: (e: MouseEvent<HTMLElement>) => {
      children.props.onMouseEnter?.(e);
      setTarget(e.currentTarget);
      setOpen(true);
    },
    onMouseLeave: (e: MouseEvent<HTMLElement>) => {
      children.props.onMouseLeave?.(e);
      setOpen(false);
    },
  });
  return (
    <>
      {child}
      {open !== null && target && <Tooltip {...props} target={target} opened={open} />}
    </>
  );
}
