import { Text } from '@mantine/core';
import type { CapacityPerson } from '@altitude/shared/capacity';
import { plural } from '../../../lib/format';

/** A person's name and, when some of their work has no estimate, how many requests that is. */
export function PersonName({ person, you }: { person: CapacityPerson; you: boolean }) {
  return (
    <>
      <Text fw={600} size="sm">
        {person.name}
        {you && (
          <Text span c="dimmed" size="sm" fw={400}>
            {' '}
            (you)
          </Text>
        )}
      </Text>
      {person.unestimatedCount > 0 && (
        <Text size="xs" c="orange.9">
          {plural(person.unestimatedCount, 'request')} without an estimate
        </Text>
      )}
    </>
  );
}
