import type { Request, UpdateRequestBody } from '@altitude/shared/requests';
import { InitiativeSelect } from '../../features/initiatives/components/initiative-select';

/** The request's "Initiative" select, saved through the request's own edit (drawer and request page alike). */
export const renderInitiative = (request: Request, save: (fields: Omit<UpdateRequestBody, 'version'>) => void) => (
  <InitiativeSelect request={request} onChange={(initiativeId) => save({ initiativeId })} />
);
