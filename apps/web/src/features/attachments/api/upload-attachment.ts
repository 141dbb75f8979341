import { useMutation } from '@tanstack/react-query';
import { Attachment, uploadFields, uploadHeader } from '@altitude/shared/attachments';
import { ApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { useRefresh } from '../../../lib/use-refresh';

export interface UploadInput {
  file: File;
  deliverable: boolean;
}

/**
 * Multipart, so not through the JSON client: the browser sets the boundary, and the app's header
 * tells the API the form comes from Altitude rather than another site.
 */
export async function uploadAttachment(requestId: number, { file, deliverable }: UploadInput): Promise<Attachment> {
  const form = new FormData();
  if (deliverable) form.append(uploadFields.deliverable, 'true');
  form.append(uploadFields.file, file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/requests/${requestId}/attachments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', [uploadHeader]: '1' },
      body: form,
    });
  } catch {
    throw new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, detail: 'Could not reach Altitude. Try again.' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok)
    throw new ApiError(res.status, (data ?? { type: 'about:blank', title: res.statusText, status: res.status }) as ApiError['problem']);
  return Attachment.parse(data);
}

export function useUploadAttachment(requestId: number) {
  const refresh = useRefresh(queryKeys.requests.attachments(requestId), queryKeys.requests.activity(requestId));
  return useMutation({ mutationFn: (input: UploadInput) => uploadAttachment(requestId, input), onSuccess: refresh });
}
