/** Escapes what anyone typed (titles, comments, names) before it goes into an HTML email. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A subject is one line: whatever a title held (new lines, runs of spaces) becomes one space. */
export const oneLine = (s: string, max = 150) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar day (YYYY-MM-DD, already in the company's zone) as people read it in a subject: "Thu 26 Nov". */
export const dayLabel = (isoDay: string) => {
  const d = new Date(`${isoDay}T00:00:00Z`);
  return `${weekdays[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
};

// Colours with at least 7:1 contrast on white (text, muted text) and 4.5:1 for links and the button.
const ink = '#1a1b1e';
const muted = '#495057';
const link = '#1c5fb8';

export const linkHtml = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" style="color:${link};text-decoration:underline">${escapeHtml(label)}</a>`;

export const buttonHtml = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" style="display:inline-block;background:${link};color:#ffffff;text-decoration:none;font-weight:bold;padding:10px 18px;border-radius:4px">${escapeHtml(label)}</a>`;

export const paragraphHtml = (html: string, style = '') => `<p style="margin:0 0 12px 0;${style}">${html}</p>`;

/**
 * The frame of every notification, digest and brief email: one centred table (mail clients
 * ignore most CSS, so layout is tables and inline styles), a heading, the body, and a footer
 * saying why the mail came and how to stop it. `body` is HTML the caller has escaped.
 */
export function layoutHtml(opts: { heading: string; body: string; why: string; unsubscribeUrl: string; unsubscribeLabel: string }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(opts.heading)}</title></head>
<body style="margin:0;padding:0;background:#f1f3f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #dee2e6;border-radius:6px">
<tr><td style="padding:20px 24px 8px 24px;font-family:Arial,Helvetica,sans-serif;color:${ink}">
<p style="margin:0 0 4px 0;font-size:13px;color:${muted};font-weight:bold;letter-spacing:0.04em">ALTITUDE</p>
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;color:${ink}">${escapeHtml(opts.heading)}</h1>
</td></tr>
<tr><td style="padding:0 24px 8px 24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:${ink}">
${opts.body}
</td></tr>
<tr><td style="padding:16px 24px 20px 24px;border-top:1px solid #dee2e6;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:${muted}">
${escapeHtml(opts.why)} ${linkHtml(opts.unsubscribeUrl, opts.unsubscribeLabel)}
</td></tr>
</table>
</td></tr></table>
</body></html>`;
}

/** The plain-text footer matching `layoutHtml`'s. */
export const footerText = (why: string, unsubscribeLabel: string, url: string) => ['--', why, `${unsubscribeLabel}: ${url}`].join('\n');
