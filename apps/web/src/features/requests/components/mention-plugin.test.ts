import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { insertMention } from './insert-mention';
import { remarkMentions } from './mention-plugin';

const people = new Map([
  ['sales', 'Sam Sales'],
  ['robin.park', 'Robin <b>Park</b>'],
]);
const render = (body: string) =>
  renderToStaticMarkup(createElement(ReactMarkdown, { skipHtml: true, remarkPlugins: [remarkMentions(people, 'm')] }, body));

describe('mentions in rendered comments', () => {
  it("shows a known person's @handle as a mention titled with their name", () => {
    expect(render('Thanks @Sales, done.')).toBe(
      '<p>Thanks <span class="m" title="Sam Sales" data-mention="sales">@Sales</span>, done.</p>',
    );
  });

  it('leaves unknown handles, emails, code and link text as written', () => {
    expect(render('@nobody and sales@example.com and `@sales` and [@sales](https://x.test)')).toBe(
      '<p>@nobody and sales@example.com and <code>@sales</code> and <a href="https://x.test">@sales</a></p>',
    );
  });

  it('never turns a name or a body into markup', () => {
    const html = render('@robin.park <img src=x onerror=alert(1)>');
    expect(html).toContain('title="Robin &lt;b&gt;Park&lt;/b&gt;"');
    expect(html).not.toContain('<img');
  });

  it('finds mentions inside emphasis and list items', () => {
    expect(render('- *ask @sales*')).toBe(
      '<ul>\n<li><em>ask <span class="m" title="Sam Sales" data-mention="sales">@sales</span></em></li>\n</ul>',
    );
  });
});

describe('inserting a chosen mention', () => {
  it('replaces the typed @letters with @handle and a space, and puts the caret after it', () => {
    expect(insertMention('hi @sa and more', 6, 3, 'sales')).toEqual({ text: 'hi @sales  and more', caret: 10 });
    expect(insertMention('@r', 2, 0, 'robin.park')).toEqual({ text: '@robin.park ', caret: 12 });
  });
});
