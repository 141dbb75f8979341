import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { ChangePasswordBody } from '@altitude/shared/account';
import { api } from '../../../lib/api-client';

export const changePassword = (body: ChangePasswordBody) => api.post('/api/auth/password', z.null(), body);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
