import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RequestType } from '@altitude/shared/directory';
import { useRequestTypes } from '../../../lib/directory';
import { classificationColor, classificationLabel, plural } from '../../../lib/format';
import { RequestTypeModal } from './request-type-modal';
import { usePhone } from '../../../lib/use-phone';
import stacked from '../../../components/stacked-table.module.css';

export function RequestTypesTab() {
  const { data: types = [] } = useRequestTypes();
  // On a phone each type is a card (the shared stacked table): no box to swipe sideways in.
  const phone = usePhone();
  const [picked, setEditing] = useState<RequestType | 'new' | null>(null);
  // `?kit=<typeId>` ("Make a kit" on Insights) opens that type at its kit, in one click.
  const [params, setParams] = useSearchParams();
  const kitFor = types.find((t) => String(t.id) === params.get('kit')) ?? null;
  const editing = picked ?? kitFor;
  const close = () => {
    setEditing(null);
    if (params.has('kit'))
      setParams(
        (p) => {
          p.delete('kit');
          return p;
        },
        { replace: true },
      );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          What requesters choose from. The default classification is suggested on each new request; changes apply to requests filed from now
          on.
        </Text>
        <Button onClick={() => setEditing('new')}>Add request type</Button>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={phone ? 0 : 800} type={phone ? 'native' : undefined}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Type</Table.Th>
                <Table.Th w={280}>Service level</Table.Th>
                <Table.Th w={150}>Default class</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {type.name}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {type.description || '—'}
                    </Text>
                    {type.selfServeKit && (
                      <Badge variant="dot" color="teal" size="sm" mt={4}>
                        Self-serve kit
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td data-label="Service level">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {plural(type.turnaroundDays, 'business day')} · first response {type.firstResponseHours} h
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Default class">
                    <Badge variant="light" color={classificationColor[type.defaultClassification]}>
                      {classificationLabel[type.defaultClassification]}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button variant="subtle" size="xs" onClick={() => setEditing(type)} aria-label={`Edit ${type.name}`}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <RequestTypeModal editing={editing} onClose={close} focusKit={picked === null && kitFor !== null} />
    </Stack>
  );
}
