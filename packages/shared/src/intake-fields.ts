import { z } from 'zod';
import { DateInput } from './domain';
import { longText, singleLine } from './text';

/**
 * The questions a request type's form asks. Leads define them per type in Settings; the
 * new-request form renders them and the API checks the answers against them (422 naming
 * `fields.<key>`). Answers are stored by key, so renaming a label keeps earlier answers readable.
 */
export const fieldKinds = ['text', 'long_text', 'choice', 'date', 'number', 'link', 'checkbox'] as const;
export const FieldKind = z.enum(fieldKinds);
export type FieldKind = z.infer<typeof FieldKind>;

export const maxIntakeFields = 20;
export const maxFieldOptions = 30;
export const FieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  error: 'must start with a letter and use only a-z, 0-9 and _ (at most 40)',
});

export const IntakeField = z
  .strictObject({
    key: FieldKey,
    label: singleLine(120),
    kind: FieldKind,
    required: z.boolean().default(false),
    options: z.array(singleLine(80)).min(1).max(maxFieldOptions).optional(),
    help: longText(300).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'choice' && !f.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs options' });
    if (f.kind !== 'choice' && f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a choice has options' });
    if (f.options && new Set(f.options).size !== f.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ' });
  });
export type IntakeField = z.infer<typeof IntakeField>;

export const IntakeFields = z
  .array(IntakeField)
  .max(maxIntakeFields)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'is used by another question' });
      seen.add(f.key);
    });
  });

/** An answer as stored and returned: text, a number, or a checkbox. */
export const FieldAnswer = z.union([z.string(), z.number(), z.boolean()]);
export type FieldAnswer = z.infer<typeof FieldAnswer>;
export type FieldAnswers = Record<string, FieldAnswer>;

/** The shape a request body may carry before the type's questions are known: bounded, not yet checked. */
export const FieldAnswersInput = z
  .record(FieldKey, z.union([z.string().max(5000), z.number(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= maxIntakeFields, { error: `at most ${maxIntakeFields} answers` });

const answerSchema = (f: IntakeField): z.ZodType<FieldAnswer> => {
  switch (f.kind) {
    case 'text':
      return singleLine(500);
    case 'long_text':
      return longText(5000, { required: true });
    case 'choice':
      return z.enum(f.options as [string, ...string[]], { error: `must be one of: ${f.options!.join(', ')}` });
    case 'date':
      return DateInput;
    case 'number':
      return z.number({ error: 'must be a number' }).finite().min(-1e12).max(1e12);
    case 'link':
      return z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' }).max(2000);
    case 'checkbox':
      return f.required ? z.literal(true, { error: 'must be checked' }) : z.boolean();
  }
};

/**
 * The schema answers to `fields` must meet: each question's kind, required ones present, no
 * unknown keys. Issues carry the question's key as their path (the API prefixes `fields.`).
 */
export function answersSchema(fields: readonly IntakeField[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.key] = f.required ? answerSchema(f) : answerSchema(f).optional();
  return z.strictObject(shape) as unknown as z.ZodType<FieldAnswers>;
}
