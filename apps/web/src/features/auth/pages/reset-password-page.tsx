import { Alert, Anchor, Button, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { usePageTitle } from '../../../lib/use-page-title';
import { useResetPassword } from '../api/reset-password';
import { AuthCard } from '../components/auth-card';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password-fields';

/** Where the emailed link lands: `/reset?token=…`; the token is spent when the new password is set. */
export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const form = useForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: newPasswordErrors,
  });
  const deadLink = !token || (reset.error instanceof ApiError && reset.error.fieldError('token') !== undefined);

  if (reset.isSuccess) {
    return (
      <AuthCard title="Password changed">
        <Alert color="teal" variant="light" role="status" title="You can sign in now">
          Your new password is set, and every session that used the old one has ended.
        </Alert>
        <Button component={Link} to="/sign-in" fullWidth>
          Sign in
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      {deadLink ? (
        <>
          <Alert color="red" variant="light" role="alert" title="This link does not work">
            It is incomplete, was used already, or is more than 30 minutes old. Ask for a new one.
          </Alert>
          <Button component={Link} to="/forgot-password" fullWidth>
            Email me a new link
          </Button>
        </>
      ) : (
        <form
          onSubmit={form.onSubmit(({ newPassword }) =>
            reset.mutate(
              { token, newPassword },
              {
                // A dead link replaces the form with its own message; anything else is shown on the field or as a notice.
                onError: (e) => {
                  if (!(e instanceof ApiError && e.fieldError('token'))) showServerErrors(e, form, ['newPassword']);
                },
              },
            ),
          )}
          noValidate
        >
          <Text size="sm" mb="md">
            Setting it signs you out everywhere; then sign in with the new one.
          </Text>
          <NewPasswordFields form={form} />
          <Button type="submit" loading={reset.isPending} fullWidth mt="md">
            Set new password
          </Button>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        Back to sign in
      </Anchor>
    </AuthCard>
  );
}
