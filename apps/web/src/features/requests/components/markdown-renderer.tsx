import { Typography } from '@mantine/core';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

/**
 * Renders user Markdown safely: react-markdown never renders raw HTML, and links other than
 * http(s)/mailto become inert. Loaded on demand through `markdown.tsx`: react-markdown and its
 * parser are a fifth of the board's code, and the board shows no Markdown until a card is opened.
 */
export default function MarkdownRenderer({ children }: { children: string }) {
  return (
    <Typography fz="sm">
      <ReactMarkdown
        skipHtml
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
