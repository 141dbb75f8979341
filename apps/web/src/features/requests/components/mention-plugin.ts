import { mentionParts } from '@altitude/shared/mentions';

/** The bits of an mdast node this plugin reads and writes (mdast's own types are not a dependency here). */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: Record<string, unknown>;
}

/** Inside these, `@word` is code or a link's text and stays as written. */
const skip = new Set(['link', 'linkReference', 'inlineCode', 'code']);

/**
 * A remark plugin that turns a known person's `@handle` in text into a `<span>` titled with their
 * name. It builds syntax-tree nodes, never HTML, so a comment cannot inject markup through it;
 * handles of nobody known stay plain text.
 */
export function remarkMentions(people: ReadonlyMap<string, string>, className: string) {
  const mark = (node: MdNode) => {
    if (!node.children || skip.has(node.type)) return;
    node.children = node.children.flatMap((child): MdNode[] => {
      if (child.type !== 'text' || child.value === undefined) {
        mark(child);
        return [child];
      }
      return mentionParts(child.value).map((part) => {
        const name = part.handle === undefined ? undefined : people.get(part.handle);
        if (name === undefined) return { type: 'text', value: part.text };
        return {
          type: 'mention',
          data: {
            hName: 'span',
            hProperties: { className: [className], title: name, dataMention: part.handle },
            hChildren: [{ type: 'text', value: part.text }],
          },
        };
      });
    });
  };
  return () => mark;
}
