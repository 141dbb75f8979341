import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { ResetBody } from '@altitude/shared/account';
import { api } from '../../../lib/api-client';

export const resetPassword = (body: ResetBody) => api.post('/api/auth/reset', z.null(), body);

export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
