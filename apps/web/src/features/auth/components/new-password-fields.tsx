import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

const toggle = { 'aria-label': 'Show or hide what you typed' };

/** A new password typed twice; the server's policy (8+ characters, not a common one) is said up front. */
export function NewPasswordFields<T extends NewPasswordValues>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <>
      <PasswordInput
        label="New password"
        description="At least 8 characters; not one of the most common passwords."
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label="Repeat the new password"
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('confirmPassword')}
      />
    </>
  );
}

/** Checks in the browser only what needs no server: both fields filled and equal. */
export function newPasswordErrors(values: NewPasswordValues) {
  return {
    newPassword: values.newPassword.length < 8 ? 'Must be at least 8 characters' : null,
    confirmPassword: values.confirmPassword !== values.newPassword ? 'The two passwords differ' : null,
  };
}
