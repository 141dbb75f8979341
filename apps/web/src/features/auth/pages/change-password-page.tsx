import { Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { saved, showServerErrors } from '../../../lib/forms';
import { useChangePassword } from '../api/change-password';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password-fields';

/** The signed-in person changes their own password; their other sessions end, this one stays. */
export function ChangePasswordPage() {
  const change = useChangePassword();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: (values) => ({
      currentPassword: values.currentPassword ? null : 'Enter your current password',
      ...newPasswordErrors(values),
    }),
  });

  return (
    <Stack gap="lg" maw={480}>
      <div>
        <Title order={1}>Change password</Title>
        <Text c="dimmed" size="sm">
          You stay signed in here; everywhere else you are signed out.
        </Text>
      </div>
      <Paper withBorder radius="md" p="lg">
        <form
          onSubmit={form.onSubmit(({ currentPassword, newPassword }) =>
            change.mutate(
              { currentPassword, newPassword },
              {
                onSuccess: () => {
                  form.reset();
                  saved('Password changed', 'Your other sessions have ended.');
                },
                onError: (e) => showServerErrors(e, form, ['currentPassword', 'newPassword']),
              },
            ),
          )}
          noValidate
        >
          <Stack gap="md">
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
              {...form.getInputProps('currentPassword')}
            />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
