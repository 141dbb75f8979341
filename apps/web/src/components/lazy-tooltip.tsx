import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useState, type MouseEvent, type ReactElement } from 'react';

type Props = Omit<TooltipProps, 'children' | 'opened' | 'defaultOpened'> & {
  children: ReactElement<{ onMouseEnter?: (e: MouseEvent<HTMLElement>) => void }>;
};

/**
 * Mantine's Tooltip (hover), mounted only once the pointer first reaches its target. A Tooltip sets
 * up Floating UI's hooks for its target whether or not it ever opens: the board's cards and column
 * headers had one each (two or three on a card), a large share of the board's first render.
 * The first hover mounts it open; from then on it is Mantine's own.
 */
export function LazyTooltip({ children, ...props }: Props) {
  const [armed, setArmed] = useState(false);
  if (armed)
    return (
      <Tooltip {...props} defaultOpened>
        {children}
      </Tooltip>
    );
  return cloneElement(children, {
    onMouseEnter: (e: MouseEvent<HTMLElement>) => {
      children.props.onMouseEnter?.(e);
      setArmed(true);
    },
  });
}
