import { queryOptions, useQuery } from '@tanstack/react-query';
import { AttachmentList } from '@altitude/shared/attachments';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const listAttachments = (requestId: number) => api.get(`/api/requests/${requestId}/attachments`, AttachmentList);
export const attachmentsQuery = (requestId: number) =>
  queryOptions({ queryKey: queryKeys.requests.attachments(requestId), queryFn: () => listAttachments(requestId) });
export const useAttachments = (requestId: number) => useQuery(attachmentsQuery(requestId));

/** Where a file is served from (a plain link: the browser downloads it, or shows an image). */
export const downloadUrl = (id: number) => `/api/attachments/${id}/download`;
