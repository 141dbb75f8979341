import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import { remarkMentions } from './mention-plugin';
import classes from './mention.module.css';

/**
 * Renders user Markdown safely: react-markdown never renders raw HTML, and links other than
 * http(s)/mailto become inert. With `mentions` (handle → name), a known person's `@handle` is
 * shown as a mention titled with their name. Loaded on demand through `markdown.tsx`:
 * react-markdown and its parser are a fifth of the board's code, and the board shows no Markdown
 * until a card is opened.
 */
export default function MarkdownRenderer({ children, mentions }: { children: string; mentions?: ReadonlyMap<string, string> }) {
  const remarkPlugins = useMemo(() => (mentions ? [remarkMentions(mentions, classes.mention!)] : []), [mentions]);
  return (
    <Typography fz="sm">
      <ReactMarkdown
        skipHtml
        remarkPlugins={remarkPlugins}
        urlTransform={(url) => (/^(https?:|mailto:|\/|#)/i.test(url) ? defaultUrlTransform(url) : '')}
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
          // The page's own title is its only h1: headings inside user text start two levels down.
          h1: ({ node: _node, ...props }) => <h3 {...props} />,
          h2: ({ node: _node, ...props }) => <h4 {...props} />,
          h3: ({ node: _node, ...props }) => <h5 {...props} />,
          h4: ({ node: _node, ...props }) => <h6 {...props} />,
          h5: ({ node: _node, ...props }) => <h6 {...props} />,
        }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
