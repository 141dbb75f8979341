import { z } from 'zod';
import { Classification, Role } from './domain';

export const Department = z.object({ id: z.number().int(), name: z.string() });
export type Department = z.infer<typeof Department>;

export const RequestType = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  turnaroundDays: z.number().int(),
  defaultClassification: Classification,
});
export type RequestType = z.infer<typeof RequestType>;

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.number().int(),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const DepartmentList = listOf(Department);
export const RequestTypeList = listOf(RequestType);
export const UserList = listOf(User);
