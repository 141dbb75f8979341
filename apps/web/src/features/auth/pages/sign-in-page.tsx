import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginBody } from '@altitude/shared/auth';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { useSignIn } from '../api/sign-in';
import { useAuthConfig } from '../api/get-auth-config';

/** What `/sign-in?error=` says after single sign-on sent someone back (oidc.routes.ts). */
const ssoErrors: Record<string, string> = {
  sso_disabled: 'Your Altitude account is deactivated. Ask a marketing lead to turn it back on.',
  sso_failed: 'Single sign-on could not be completed. Try again.',
  sso_expired: 'The single sign-on attempt took too long or was interrupted. Try again.',
  sso_unavailable: 'The identity provider could not be reached. Try again later.',
  sso_no_email: 'Your identity provider did not share a verified email address.',
  sso_no_department: 'No department is set up for new people yet. Ask a marketing lead.',
};
import { Logo } from '../../../components/logo';
import { usePageTitle } from '../../../lib/use-page-title';

/** Only same-site paths are followed after sign-in, never an external URL. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: user } = useMe();
  const signIn = useSignIn();
  const { data: config } = useAuthConfig();
  const ssoError = ssoErrors[params.get('error') ?? ''];
  const passwords = !config?.ssoOnly;
  usePageTitle('Sign in');
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: schemaResolver(LoginBody, { sync: true }),
    validateInputOnBlur: true,
  });

  if (user) return <Navigate to={next} replace />;

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-0)" p="md">
      <Paper withBorder shadow="sm" radius="md" p="xl" w={380}>
        <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
          <Stack gap="md">
            <Stack gap={4} align="center">
              <Logo size={40} />
              <Title order={1} size="h3">
                Sign in to Altitude
              </Title>
              <Text size="sm" c="dimmed">
                Marketing requests, and where the time goes.
              </Text>
            </Stack>
            {ssoError && (
              <Alert color="red" variant="light" role="alert" title="Couldn't sign you in">
                {ssoError}
              </Alert>
            )}
            {config?.sso && (
              <Button component="a" href="/api/auth/oidc/start" variant={passwords ? 'default' : 'filled'} fullWidth>
                Sign in with SSO
              </Button>
            )}
            {signIn.isError && (
              <Alert color="red" variant="light" role="alert" title={error?.status === 429 ? 'Too many attempts' : "Couldn't sign you in"}>
                {error?.message ?? 'Something went wrong. Try again.'}
              </Alert>
            )}
            {passwords && (
              <>
                <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={signIn.isPending} fullWidth>
                  Sign in
                </Button>
              </>
            )}
            <Group justify="space-between">
              {passwords ? (
                <Anchor component={Link} to="/forgot-password" size="sm">
                  Forgot password?
                </Anchor>
              ) : (
                <span />
              )}
              <Anchor href="/api/docs" size="xs" c="dimmed">
                API docs
              </Anchor>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
