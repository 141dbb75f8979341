import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { SelfServeKit } from '@altitude/shared/self-serve-kits';

interface Props {
  kit: SelfServeKit;
  typeName: string;
  departmentName: string;
  onUsed: () => void;
  using: boolean;
  /** The optional "Why file anyway?" text, part of the request form (sent as `kitReason`). */
  reasonProps: GetInputPropsReturnType;
}

/** Offered before filing when the type has a kit for the requester's department: use it, or file anyway and say why. */
export function KitOffer({ kit, typeName, departmentName, onUsed, using, reasonProps }: Props) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={`${typeName} for ${departmentName} is self-serve now`}
      role="region"
      aria-label="Self-serve kit"
    >
      <Stack gap="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {kit.instructions}
        </Text>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={kit.url} target="_blank" rel="noopener noreferrer" variant="white" color="teal" size="xs">
            Open the kit
          </Button>
          <Button color="teal" size="xs" onClick={onUsed} loading={using}>
            I used the kit
          </Button>
        </Group>
        <Textarea
          label="Why file anyway?"
          description="Optional. Filing still works as usual; this tells marketing what the kit is missing."
          autosize
          minRows={1}
          maxLength={300}
          {...reasonProps}
        />
      </Stack>
    </Alert>
  );
}
