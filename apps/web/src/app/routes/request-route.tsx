import { DeliveredFiles } from '../../features/attachments/components/delivered-files';
import { RequestFiles } from '../../features/attachments/components/request-files';
import { RequestDetailPage } from '../../features/requests/pages/request-detail-page';
import { renderInitiative } from './request-planning';

/** A request's page with its files, deliverables and planning fields (the initiative): the features meet here, not in each other. */
export function RequestRoute() {
  return (
    <RequestDetailPage
      renderDelivered={(request) => <DeliveredFiles request={request} />}
      renderFiles={(request) => <RequestFiles request={request} />}
      renderPlanning={renderInitiative}
    />
  );
}
