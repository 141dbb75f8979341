import { Alert, Anchor, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Request, UpdateRequestBody } from '@altitude/shared/requests';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/session';
import { usePageTitle } from '../../../lib/use-page-title';
import { useCancelRequest } from '../api/cancel-request';
import { useRequest } from '../api/get-request';
import { useUpdateRequest } from '../api/update-request';
import { useConflictNotice } from '../components/conflict-notice';
import { ActivityTimeline } from '../components/activity-timeline';
import { CommentThread } from '../components/comment-thread';
import { IntakeAnswers } from '../components/intake-answers';
import { FiledBanner } from '../components/filed-banner';
import { FollowButton } from '../components/follow-button';
import { Markdown } from '../components/markdown';
import { NeedsInfoSection } from '../components/needs-info-section';
import { RequestFacts } from '../components/request-facts';

/** Planning fields other features add under the facts (the initiative), composed in by app/; `save` edits with the version. */
export type RenderPlanningFacts = (request: Request, save: (fields: Omit<UpdateRequestBody, 'version'>) => void) => ReactNode;

export interface RequestPageSlots {
  /** What was delivered, shown first once the request is done (features/attachments, composed in app/). */
  renderDelivered?: (request: Request) => ReactNode;
  /** The request's files, shown under the brief. */
  renderFiles?: (request: Request) => ReactNode;
  renderPlanning?: RenderPlanningFacts;
}

export function RequestDetailPage({ renderDelivered, renderFiles, renderPlanning }: RequestPageSlots = {}) {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const { data: request, error, isPending } = useRequest(id);
  const cancel = useCancelRequest(id);
  const update = useUpdateRequest(id);
  const onConflict = useConflictNotice();
  // On a phone the status and key facts come before the brief, not after the whole thread.
  const phone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  usePageTitle(request ? `${request.key} ${request.title}` : 'Request');

  if (isPending) return <Loader />;
  if (error || !request) {
    return (
      <Alert color="red" title="Request not available">
        {error instanceof ApiError && error.status === 404
          ? 'There is no such request, or it belongs to another department.'
          : (error?.message ?? '')}
      </Alert>
    );
  }
  const canCancel = request.requesterId === user.id && request.status === 'intake';
  // Whoever filed it hears about it anyway; colleagues of the department follow it to.
  const canFollow = user.role === 'requester' && request.requesterId !== user.id;
  const confirmCancel = () =>
    modals.openConfirmModal({
      title: `Cancel ${request.key}?`,
      children: <Text size="sm">Marketing will not work on it. You can file it again later.</Text>,
      labels: { confirm: 'Cancel request', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => cancel.mutate(request.version),
    });

  const save = (fields: Omit<UpdateRequestBody, 'version'>) =>
    update.mutate({ version: request.version, ...fields }, { onError: (e) => onConflict(e, id) });
  const planning = renderPlanning?.(request, save);
  const facts = (
    <Paper withBorder p="lg" radius="md">
      <RequestFacts request={request} />
      {planning && <Stack mt="md">{planning}</Stack>}
    </Paper>
  );

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={user.role === 'requester' ? '/requests' : '/board'} size="sm">
        ← {user.role === 'requester' ? 'My requests' : 'Board'}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" ff="monospace">
            {request.key}
          </Text>
          <Title order={1}>{request.title}</Title>
        </div>
        {canCancel && (
          <Button variant="default" color="red" onClick={confirmCancel} loading={cancel.isPending}>
            Cancel request
          </Button>
        )}
        {canFollow && <FollowButton requestId={request.id} />}
      </Group>
      <FiledBanner request={request} />
      {cancel.isError && (
        <Alert color="red" role="alert">
          {cancel.error.message}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {renderDelivered?.(request)}
            {phone && facts}
            <NeedsInfoSection request={request} />
            <Paper withBorder p="lg" radius="md">
              <Title order={4} mb="sm">
                Brief
              </Title>
              {request.brief ? <Markdown>{request.brief}</Markdown> : <Text c="dimmed">No brief given.</Text>}
              {(request.businessGoal || request.audience) && (
                <Group mt="md" gap="xl">
                  {request.businessGoal && (
                    <div>
                      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                        Business goal
                      </Text>
                      <Text size="sm">{request.businessGoal}</Text>
                    </div>
                  )}
                  {request.audience && (
                    <div>
                      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                        Audience
                      </Text>
                      <Text size="sm">{request.audience}</Text>
                    </div>
                  )}
                </Group>
              )}
              <IntakeAnswers request={request} mt="md" />
            </Paper>
            {renderFiles && (
              <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="files-heading">
                <Title order={4} mb="sm" id="files-heading">
                  Files
                </Title>
                {renderFiles(request)}
              </Paper>
            )}
            <Paper withBorder p="lg" radius="md">
              <Title order={4} mb="sm">
                Comments
              </Title>
              <CommentThread requestId={id} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            {!phone && facts}
            <Paper withBorder p="lg" radius="md">
              <Title order={4} mb="sm">
                Activity
              </Title>
              <ActivityTimeline requestId={id} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
