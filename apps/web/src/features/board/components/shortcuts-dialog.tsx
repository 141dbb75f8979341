import { Kbd, Modal, Table } from '@mantine/core';

const shortcuts: [keys: string[], does: string][] = [
  [['Tab'], 'Reach the cards: the board is one stop'],
  [['←', '→'], 'Focus the card in the next column'],
  [['↑', '↓'], 'Focus the card above or below, across lanes'],
  [['Home', 'End'], 'First or last card of the column'],
  [['Enter'], 'Open the card'],
  [['Space'], 'Pick the card up; arrows move it; Space drops it'],
  [['Esc'], 'Cancel the move, or close the card'],
  [['A'], 'Assign the card to me'],
  [['S'], 'Classify strategic'],
  [['T'], 'Classify tactical'],
  [['/'], 'Search the board'],
  [['?'], 'This list'],
];

/** The `?` key's list of the board's shortcuts. */
export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md" closeButtonProps={{ 'aria-label': 'Close shortcuts' }}>
      <Table verticalSpacing={6} aria-label="Board keyboard shortcuts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Keys</Table.Th>
            <Table.Th scope="col">Does</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map(([keys, does]) => (
            <Table.Tr key={does}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{does}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
