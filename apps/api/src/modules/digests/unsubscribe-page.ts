import { escapeHtml } from './mail-layout';

/**
 * The small server-rendered pages behind an unsubscribe link: they must work from any mail
 * client without signing in or loading the web app. Inline styles only (the CSP allows them);
 * no script (the CSP would refuse an inline one, and none is needed).
 */
export function pageHtml(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · Altitude</title></head>
<body style="margin:0;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;color:#1a1b1e">
<main style="max-width:480px;margin:48px auto;padding:24px;background:#ffffff;border:1px solid #dee2e6;border-radius:6px">
<p style="margin:0 0 4px 0;font-size:13px;color:#495057;font-weight:bold;letter-spacing:0.04em">ALTITUDE</p>
<h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3">${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

const p = (text: string) => `<p style="margin:0 0 16px 0;font-size:16px;line-height:1.5">${text}</p>`;

/** GET: asks first, since mail scanners open links; the button POSTs to the same signed address. */
export const confirmPage = (what: string, email: string, action: string) =>
  pageHtml(
    'Unsubscribe',
    p(`Stop getting ${escapeHtml(what)} by email at ${escapeHtml(email)}? You will still see them in Altitude.`) +
      `<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font:inherit;font-size:16px;font-weight:bold;color:#ffffff;background:#1c5fb8;border:0;border-radius:4px;padding:10px 18px;cursor:pointer">Unsubscribe</button></form>`,
  );

export const donePage = (what: string) =>
  pageHtml(
    'Unsubscribed',
    p(`You will no longer get ${escapeHtml(what)} by email.`) + p('You can turn it back on in Altitude, under your notification settings.'),
  );

export const invalidPage = () =>
  pageHtml(
    'This link does not work',
    p(
      'This unsubscribe link is not valid: it may have been cut short or changed. Use the link in a recent email, or change your notification settings in Altitude.',
    ),
  );
