import { Alert, Anchor, Button, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { ResetRequestBody } from '@altitude/shared/account';
import { resetTokenMinutes } from '@altitude/shared/account';
import { ApiError } from '../../../lib/api-client';
import { schemaValidator } from '../../../lib/forms';
import { usePageTitle } from '../../../lib/use-page-title';
import { useRequestReset } from '../api/request-reset';
import { AuthCard } from '../components/auth-card';

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const request = useRequestReset();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: schemaValidator(ResetRequestBody),
    validateInputOnBlur: true,
  });
  const error = request.error instanceof ApiError ? request.error : null;

  return (
    <AuthCard title="Forgot your password?" subtitle="We email you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title="Check your email">
          If {request.variables.email} has an Altitude account, a link to reset its password is on its way. It works once, for{' '}
          {resetTokenMinutes} minutes.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
          <Text size="sm" mb="md">
            Enter the email you sign in with.
          </Text>
          {request.isError && (
            <Alert color="red" variant="light" role="alert" mb="md" title="Not sent">
              {error?.message ?? 'Something went wrong. Try again.'}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus mb="md" {...form.getInputProps('email')} />
          <Button type="submit" loading={request.isPending} fullWidth>
            Email me a link
          </Button>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" ta="center">
        Back to sign in
      </Anchor>
    </AuthCard>
  );
}
