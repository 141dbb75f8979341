import { Typography } from '@mantine/core';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

/**
 * Renders user Markdown safely: react-markdown never renders raw HTML, and links other than
 * http(s)/mailto become inert.
 */
export function Markdown({ children }: { children: string }) {
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
