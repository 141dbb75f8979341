import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import type { Attachment } from '@altitude/shared/attachments';
import { useLookup } from '../../../lib/directory';
import { formatRelative } from '../../../lib/format';
import { downloadUrl } from '../api/list-attachments';
import { formatFileSize } from './file-size';

/** One file: its name (the download link), size, who attached it when, and Remove when allowed. */
export function FileRow({ file, onRemove, removing }: { file: Attachment; onRemove?: () => void; removing?: boolean }) {
  const lookup = useLookup();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Anchor href={downloadUrl(file.id)} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {file.name}
          </Anchor>
          {file.deliverable && (
            <Badge size="xs" variant="light" color="teal">
              Deliverable
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {formatFileSize(file.size)} · {lookup.user(file.uploadedById)?.name ?? 'someone'} · {formatRelative(file.createdAt)}
        </Text>
      </div>
      {onRemove && (
        <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove} loading={removing} aria-label={`Remove ${file.name}`}>
          Remove
        </Button>
      )}
    </Group>
  );
}
