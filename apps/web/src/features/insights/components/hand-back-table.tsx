import { Anchor, Button, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { HandBack, HandBackCandidate } from '@altitude/shared/insights';
import { formatDate, plural } from '../../../lib/format';
import { hours } from './report-format';
import { WideTable } from './wide-table';
import stacked from '../../../components/stacked-table.module.css';

/** Tactical work one department asks for again and again at low effort: candidates for a self-serve kit. */
/**
 * `linkRequests`: only people who may open any request (marketing) get links; a reader would land on "not found".
 * `makeKits`: leads get "Make a kit" on each candidate without one, opening that type's kit in Settings.
 */
export function HandBackTable({ data, linkRequests, makeKits }: { data: HandBack | undefined; linkRequests: boolean; makeKits: boolean }) {
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
          <Table verticalSpacing={6} fz="sm" data-testid="hand-back-table" className={stacked.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who and what</Table.Th>
                <Table.Th ta="right">Requests</Table.Th>
                <Table.Th ta="right">Hours each</Table.Th>
                <Table.Th ta="right">Hours in all</Table.Th>
                <Table.Th>Kit</Table.Th>
                <Table.Th ta="right">Avoided</Table.Th>
                <Table.Th ta="right">Filed since</Table.Th>
                <Table.Th ta="right">Hours saved</Table.Th>
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
                  <Table.Td ta="right" data-label="Requests">
                    {c.requestCount}
                  </Table.Td>
                  <Table.Td ta="right" data-label="Hours each">
                    {hours(c.minutesEach)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} data-label="Hours in all">
                    {hours(c.totalMinutes)}
                  </Table.Td>
                  <Table.Td data-label="Kit">
                    <KitCell candidate={c} makeKits={makeKits} />
                  </Table.Td>
                  <Table.Td ta="right" data-label="Avoided">
                    {c.kit ? c.avoided : '—'}
                  </Table.Td>
                  <Table.Td ta="right" data-label="Filed since">
                    {c.kit ? c.filedSince : '—'}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    fw={c.minutesSaved > 0 ? 600 : undefined}
                    c={c.minutesSaved > 0 ? 'teal.9' : undefined}
                    data-label="Hours saved"
                  >
                    {c.kit ? hours(c.minutesSaved) : '—'}
                  </Table.Td>
                  <Table.Td maw={300} data-label="Requests behind it">
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

/** Whether the department is offered a kit for the type, since when; a lead makes one in one click. */
function KitCell({ candidate: c, makeKits }: { candidate: HandBackCandidate; makeKits: boolean }) {
  if (c.kit)
    return (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <Anchor href={c.kit.url} target="_blank" rel="noopener noreferrer" size="sm">
          Kit
        </Anchor>
        {c.kitPublishedAt && (
          <Text span size="xs" c="dimmed">
            {' '}
            since {formatDate(c.kitPublishedAt.slice(0, 10))}
          </Text>
        )}
      </Text>
    );
  if (!makeKits)
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  return (
    <Button
      component={Link}
      to={`/settings?tab=request-types&kit=${c.typeId}`}
      size="compact-xs"
      variant="light"
      aria-label={`Make a kit for ${c.typeName} (${c.departmentName})`}
    >
      Make a kit
    </Button>
  );
}
