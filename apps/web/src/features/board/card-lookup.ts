import { createContext, useContext } from 'react';
import { lookupOf, type Lookup } from '../../lib/directory';

/**
 * The directory's names for the board's cards, looked up once by the board page and handed down:
 * a card does not run its own directory queries (three observers per card on a thousand-card board).
 */
export const CardLookupContext = createContext<Lookup>(lookupOf([], [], []));

export const useCardLookup = () => useContext(CardLookupContext);
