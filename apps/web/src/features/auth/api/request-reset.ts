import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { ResetRequestBody } from '@altitude/shared/account';
import { api } from '../../../lib/api-client';

export const requestReset = (body: ResetRequestBody) => api.post('/api/auth/reset-request', z.object({ accepted: z.literal(true) }), body);

export const useRequestReset = () => useMutation({ mutationFn: requestReset });
