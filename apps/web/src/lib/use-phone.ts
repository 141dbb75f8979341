import { useMediaQuery } from '@mantine/hooks';

/**
 * Phone width (up to Mantine's `sm`, 48em): where lists become cards and the board shows one column.
 * Read on the first render, so a phone never flashes the desktop layout.
 */
export const usePhone = () => useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
