import { Alert, Anchor, Button, Center, Loader, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { usePageTitle } from '../../../lib/use-page-title';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationLookup } from '../api/lookup-invitation';
import { AuthCard } from '../components/auth-card';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password-fields';

/** A link that is unknown, used, revoked or expired: the server said so on the token. */
const deadToken = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 410);

/** Where the invitation email lands: `/invitations/accept?token=…`; the person chooses their password and is signed in. */
export function AcceptInvitationPage() {
  usePageTitle('Join Altitude');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const invitation = useInvitationLookup(token);
  const accept = useAcceptInvitation();
  const form = useForm({ mode: 'controlled', initialValues: { newPassword: '', confirmPassword: '' }, validate: newPasswordErrors });

  if (token && invitation.isPending) {
    return (
      <AuthCard title="Join Altitude">
        <Center>
          <Loader aria-label="Reading the invitation" />
        </Center>
      </AuthCard>
    );
  }
  if (!token || deadToken(invitation.error) || deadToken(accept.error)) {
    return (
      <AuthCard title="This invitation does not work">
        <Alert color="red" variant="light" role="alert" title="The link has expired or was already used">
          Invitation links work once and for 7 days. Ask the person who invited you to send a new one.
        </Alert>
        <Anchor component={Link} to="/sign-in" size="sm" ta="center">
          Go to sign in
        </Anchor>
      </AuthCard>
    );
  }
  if (!invitation.data) {
    return (
      <AuthCard title="Join Altitude">
        <Alert color="red" variant="light" role="alert" title="Could not read the invitation">
          {invitation.error instanceof Error ? invitation.error.message : 'Try again in a moment.'}
        </Alert>
      </AuthCard>
    );
  }
  const { name, email } = invitation.data;
  return (
    <AuthCard title={`Join Altitude as ${name}`} subtitle={email}>
      <form
        onSubmit={form.onSubmit(({ newPassword }) =>
          accept.mutate(
            { token, password: newPassword },
            {
              onSuccess: () => void navigate('/', { replace: true }),
              onError: (e) => {
                // A dead link replaces the form with its own message. The server names the field
                // `password`; the form calls it `newPassword`.
                const refused = e instanceof ApiError ? e.fieldError('password') : undefined;
                if (refused) form.setFieldError('newPassword', `Password ${refused}`);
                else if (!deadToken(e)) showServerErrors(e);
              },
            },
          ),
        )}
        noValidate
      >
        <Text size="sm" mb="md">
          Choose your password. Only you will know it; you sign in with {email}.
        </Text>
        <NewPasswordFields form={form} />
        <Button type="submit" loading={accept.isPending} fullWidth mt="md">
          Join Altitude
        </Button>
      </form>
    </AuthCard>
  );
}
