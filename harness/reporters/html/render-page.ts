import { html, trustedHtml, type SafeHtml } from './html';
import { PAGE_STYLES } from './page-styles';
import { SORT_SCRIPT } from './sort-script';

/**
 * Forbids every request (defence in depth behind the escaping): only the inline style sheet, the inline script and
 * `data:` images may load. Even if injected markup slipped through, it could not fetch, post or beacon anywhere.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The page shell: doctype, charset, the CSP meta first in the head, title, inline styles, body, inline script. */
export function renderPage(title: string, body: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trustedHtml(PAGE_STYLES)}</style>
</head>
<body>
<main>
${body}
</main>
<script>${trustedHtml(SORT_SCRIPT)}</script>
</body>
</html>
`;
}
