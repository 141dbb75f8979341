import { Paper, Stack, Title } from '@mantine/core';
import type { Request } from '@altitude/shared/requests';
import { useAttachments } from '../api/list-attachments';
import { FileRow } from './file-row';

/** What marketing delivered: the deliverables of a done request, first thing on its page. */
export function DeliveredFiles({ request }: { request: Pick<Request, 'id' | 'status'> }) {
  const { data } = useAttachments(request.id);
  const delivered = (data?.items ?? []).filter((f) => f.deliverable);
  if (request.status !== 'done' || delivered.length === 0) return null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="delivered-heading">
      <Title order={4} mb="sm" id="delivered-heading">
        Delivered
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {delivered.map((file) => (
          <li key={file.id}>
            <FileRow file={file} />
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
