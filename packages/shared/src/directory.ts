import { z } from 'zod';
import { Email } from './auth';
import { maxFirstResponseHours } from './business-time';
import { Classification, Role } from './domain';
import { IntakeField, IntakeFields } from './intake-fields';
import { SelfServeKit, SelfServeKitBody } from './self-serve-kits';
import { longText, singleLine } from './text';

export const Department = z.object({ id: z.number().int(), name: z.string() });
export type Department = z.infer<typeof Department>;

export const RequestType = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  /** Turnaround in business days (Mon–Fri minus company holidays): a request is expected by that many after its filing date. */
  turnaroundDays: z.number().int(),
  /** First-response target in business hours (09:00–17:00 on business days). */
  firstResponseHours: z.number().int(),
  defaultClassification: Classification,
  /** The questions this type's request form asks, in order. */
  fields: z.array(IntakeField),
  /** A kit requesters can use instead of filing (null: none). */
  selfServeKit: SelfServeKit.nullable(),
});
export type RequestType = z.infer<typeof RequestType>;

export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.number().int(),
  active: z.boolean(),
  /** Contracted minutes per week (2400 = 40 h); coverage and timesheets measure against it. */
  weeklyMinutes: z.number().int(),
  /** Weekly minutes kept for strategic work when planning capacity. */
  strategicReserveMinutes: z.number().int(),
  /** Reads Insights (read-only) without being a lead. */
  canViewInsights: z.boolean(),
});
export type User = z.infer<typeof User>;

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const DepartmentList = listOf(Department);
export const RequestTypeList = listOf(RequestType);
export const UserList = listOf(User);

const name = singleLine;
const positiveId = (what: string) =>
  z
    .number({ error: `choose a ${what}` })
    .int()
    .positive({ error: `choose a ${what}` });

export const CreateDepartmentBody = z.strictObject({ name: name(80) });
export type CreateDepartmentBody = z.infer<typeof CreateDepartmentBody>;
export const UpdateDepartmentBody = CreateDepartmentBody;
export type UpdateDepartmentBody = CreateDepartmentBody;

export const CreateRequestTypeBody = z.strictObject({
  name: name(80),
  description: longText(500).optional(),
  turnaroundDays: z
    .number({ error: 'must be a whole number of days from 1 to 365' })
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(365, { error: 'must be at most 365 days' }),
  firstResponseHours: z
    .number({ error: `must be a whole number of business hours from 1 to ${maxFirstResponseHours}` })
    .int({ error: 'must be a whole number of hours' })
    .min(1, { error: 'must be at least 1 hour' })
    .max(maxFirstResponseHours, { error: `must be at most ${maxFirstResponseHours} hours` })
    .optional(),
  defaultClassification: Classification,
  fields: IntakeFields.optional(),
  /** A kit to offer instead of filing; null removes it (lead). */
  selfServeKit: SelfServeKitBody.nullable().optional(),
});
export type CreateRequestTypeBody = z.infer<typeof CreateRequestTypeBody>;
export const UpdateRequestTypeBody = CreateRequestTypeBody.partial();
export type UpdateRequestTypeBody = z.infer<typeof UpdateRequestTypeBody>;

/** A lead adds a person with an initial password they pass on; the server also applies its password policy. */
export const InviteUserBody = z.strictObject({
  email: Email,
  name: name(120),
  role: Role,
  departmentId: positiveId('department'),
  password: z.string().min(1, { error: 'is required' }).max(1024),
});
export type InviteUserBody = z.infer<typeof InviteUserBody>;

/** At most 100 hours a week: anything above is a typo (minutes typed as hours times 60 twice). */
export const maxWeeklyMinutes = 6000;
const weeklyMinutes = z
  .number({ error: 'must be a whole number of minutes per week' })
  .int({ error: 'must be a whole number of minutes per week' })
  .min(0, { error: 'must be 0 or more minutes per week' })
  .max(maxWeeklyMinutes, { error: `must be at most ${maxWeeklyMinutes} minutes (100 h) per week` });

export const UpdateUserBody = z.strictObject({
  name: name(120).optional(),
  role: Role.optional(),
  departmentId: positiveId('department').optional(),
  active: z.boolean().optional(),
  /** Contracted working time; 0 for someone who logs no request work. */
  weeklyMinutes: weeklyMinutes.optional(),
  strategicReserveMinutes: weeklyMinutes.optional(),
  /** Grants or withdraws read-only Insights (exports and print included). */
  canViewInsights: z.boolean().optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;
