import { RequestDetailPage } from '../../features/requests/pages/request-detail-page';
import { renderInitiative } from './request-planning';

/** The request page with its planning fields (the initiative): the features meet here, not in each other. */
export function RequestRoute() {
  return <RequestDetailPage renderPlanning={renderInitiative} />;
}
