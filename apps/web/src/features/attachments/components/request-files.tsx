import { Alert, Button, Checkbox, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { mayDeleteAttachment, mayMarkDeliverable } from '@altitude/shared/attachments';
import type { Request } from '@altitude/shared/requests';
import { useCurrentUser } from '../../../lib/session';
import { useDeleteAttachment } from '../api/delete-attachment';
import { useAttachments } from '../api/list-attachments';
import { useUploadAttachment } from '../api/upload-attachment';
import { FileRow } from './file-row';

/**
 * A request's files, for everyone who may see it: the list, "Attach file", and for marketing a
 * "Deliverable" box that marks the next upload as what the requester receives.
 */
export function RequestFiles({ request }: { request: Pick<Request, 'id' | 'key'> }) {
  const user = useCurrentUser();
  const { data } = useAttachments(request.id);
  const upload = useUploadAttachment(request.id);
  const remove = useDeleteAttachment(request.id);
  const [deliverable, setDeliverable] = useState(false);
  const files = data?.items ?? [];

  return (
    <Stack gap="sm">
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          No files yet. Attach references (a deck, a logo, examples) or the finished work.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={`Files of ${request.key}`}>
          {files.map((file) => (
            <li key={file.id}>
              <FileRow
                file={file}
                removing={remove.isPending && remove.variables === file.id}
                onRemove={mayDeleteAttachment(user, file) ? () => remove.mutate(file.id) : undefined}
              />
            </li>
          ))}
        </Stack>
      )}
      <Group gap="sm">
        <FileButton onChange={(file) => file && upload.mutate({ file, deliverable }, { onSuccess: () => setDeliverable(false) })}>
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={upload.isPending}>
              Attach file
            </Button>
          )}
        </FileButton>
        {mayMarkDeliverable(user) && (
          <Checkbox size="xs" label="Deliverable" checked={deliverable} onChange={(e) => setDeliverable(e.currentTarget.checked)} />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Images, PDF, Office documents, ZIP, MP4 or MOV video, text or CSV; up to 50 MB each.
      </Text>
      {upload.isError && (
        <Alert color="red" role="alert" title="Not attached">
          {upload.error.message}
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert" title="Not removed">
          {remove.error.message}
        </Alert>
      )}
    </Stack>
  );
}
