import { Anchor, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { HandBack } from '@altitude/shared/insights';
import { plural } from '../../../lib/format';
import { hours } from './report-format';
import { WideTable } from './wide-table';

/** Tactical work one department asks for again and again at low effort: candidates for a self-serve kit. */
/** `linkRequests`: only people who may open any request (marketing) get links; a reader would land on "not found". */
export function HandBackTable({ data, linkRequests }: { data: HandBack | undefined; linkRequests: boolean }) {
  return (
    <Paper withBorder p="lg" radius="md" id="hand-back">
      <Title order={3} size="h4">
        Hand-back candidates
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {data
          ? `Tactical request types one department filed at least ${plural(data.rule.minRequests, 'time')}, at ${hours(data.rule.maxMinutesEach)} h or less each: work that could move to a template, a kit, or the requesters themselves.`
          : ' '}
      </Text>
      {!data ? (
        <Skeleton h={120} />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No repeated low-effort tactical requests in this period.
        </Text>
      ) : (
        <WideTable label="Hand-back candidates, table">
          <Table verticalSpacing={6} fz="sm" data-testid="hand-back-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who and what</Table.Th>
                <Table.Th ta="right">Requests</Table.Th>
                <Table.Th ta="right">Hours each</Table.Th>
                <Table.Th ta="right">Hours in all</Table.Th>
                <Table.Th>Requests behind it</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((c) => (
                <Table.Tr key={`${c.departmentId}-${c.typeId}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.departmentName}: {c.typeName}
                    </Text>
                    {c.handedBackCount > 0 && (
                      <Text size="xs" c="dimmed">
                        {c.handedBackCount} already handed back
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{c.requestCount}</Table.Td>
                  <Table.Td ta="right">{hours(c.minutesEach)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {hours(c.totalMinutes)}
                  </Table.Td>
                  <Table.Td maw={300}>
                    <Text size="xs" lineClamp={2}>
                      {c.requestIds.slice(0, 12).map((id, i) => (
                        <span key={id}>
                          {i > 0 && ', '}
                          {linkRequests ? (
                            <Anchor component={Link} to={`/requests/${id}`} size="xs">
                              MKT-{id}
                            </Anchor>
                          ) : (
                            `MKT-${id}`
                          )}
                        </span>
                      ))}
                      {c.requestIds.length > 12 && ` and ${c.requestIds.length - 12} more`}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </WideTable>
      )}
    </Paper>
  );
}
