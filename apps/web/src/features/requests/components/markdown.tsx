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
        components={{ a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" /> }}
      >
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
