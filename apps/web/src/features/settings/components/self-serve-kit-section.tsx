import { Button, Fieldset, Group, MultiSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useEffect, useRef } from 'react';
import type { SelfServeKit } from '@altitude/shared/self-serve-kits';
import { useDepartments } from '../../../lib/directory';

/** The kit as the form holds it: department ids as the MultiSelect's strings. */
export interface KitDraft {
  url: string;
  instructions: string;
  departmentIds: string[];
}

export const draftOfKit = (kit: SelfServeKit | null): KitDraft =>
  kit
    ? { url: kit.url, instructions: kit.instructions, departmentIds: kit.departmentIds.map(String) }
    : { url: '', instructions: '', departmentIds: [] };

/** A blank link and blank instructions mean no kit; anything typed is a kit the schema checks whole. */
export const kitOfDraft = (d: KitDraft) =>
  d.url.trim() === '' && d.instructions.trim() === ''
    ? null
    : { url: d.url, instructions: d.instructions, departmentIds: d.departmentIds.map(Number) };

/** Server errors name `selfServeKit.departmentIds.N`; the form shows them on the one select. */
export const kitErrorPaths = ['selfServeKit.url', 'selfServeKit.instructions', 'selfServeKit.departmentIds'] as const;
export const kitErrorPath = (path: string) => (path.startsWith('selfServeKit.departmentIds.') ? 'selfServeKit.departmentIds' : path);

interface Props {
  /** Mantine's input props for a `selfServeKit.*` path. */
  inputProps: (path: 'url' | 'instructions' | 'departmentIds') => GetInputPropsReturnType;
  value: KitDraft;
  onRemove: () => void;
  /** Opened from "Make a kit": scroll here and start at the link. */
  focus: boolean;
}

/** Settings → Request types: a link and short instructions requesters can use instead of filing. */
export function SelfServeKitSection({ inputProps, value, onRemove, focus }: Props) {
  const { data: departments = [] } = useDepartments();
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (!focus) return;
    // The modal animates in; scroll once it has laid out.
    const timer = setTimeout(() => ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }), 250);
    return () => clearTimeout(timer);
  }, [focus]);
  const hasKit = kitOfDraft(value) !== null;

  return (
    <Fieldset legend="Self-serve kit" id="self-serve-kit" ref={ref} radius="md">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          A template or guide requesters can use instead of filing. The new request form offers it first; Insights counts requests avoided
          and filed anyway.
        </Text>
        <TextInput label="Kit link" placeholder="https://…" type="url" data-autofocus={focus || undefined} {...inputProps('url')} />
        <Textarea
          label="Instructions"
          placeholder="e.g. Pick a template, add the event name and date, export as PDF."
          autosize
          minRows={2}
          {...inputProps('instructions')}
        />
        <MultiSelect
          label="Offered to departments"
          description="Leave empty to offer it to everyone."
          placeholder={value.departmentIds.length ? undefined : 'Everyone'}
          data={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          searchable
          clearable
          {...inputProps('departmentIds')}
        />
        {hasKit && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              Remove kit
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
