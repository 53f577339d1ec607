/** The small pages of `/codec/login`, where an operator opens a codec session for the Temporal UI. */
const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:38rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}'
  + 'p.todo{background:#f4f6f8;padding:.8rem;border-radius:6px}p.error{color:#a40000}input{font:inherit;padding:.3rem;width:100%;box-sizing:border-box}'
  + 'button{font:inherit;margin-top:.6rem;padding:.3rem 1rem}code{background:#f4f6f8;padding:0 .2rem}';

/** Headers for these pages: never cached, never framed, nothing loaded from elsewhere. */
export const CODEC_PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

export function codecLoginPage(error?: string): string {
  return page(
    'Read Temporal histories: sign in',
    `<p>The workflows' payloads are encrypted in Temporal. The Temporal UI decrypts them through this service's codec endpoint,
which only operators may use. Enter the operator token (<code>OPERATOR_TOKEN</code>) to open an 8-hour session in this browser.</p>
${error ? `<p class="error">${escape(error)}</p>` : ''}
<form method="post" action="login"><label for="token">Operator token</label>
<input id="token" name="token" type="password" autocomplete="off" required autofocus>
<button type="submit">Sign in</button></form>`,
  );
}

export function codecSignedInPage(codecEndpoint: string, expiresAt: Date): string {
  return page(
    'Signed in: Temporal histories can be decoded',
    `<p>This browser may use the codec endpoint until ${escape(expiresAt.toISOString())}.</p>
<p class="todo">In the Temporal UI, open the codec server settings (the data encoder icon at the top right), choose
"Use my browser setting and ignore Cluster-level setting", enter <code>${escape(codecEndpoint)}</code> as the endpoint, tick
"Include cross-origin credentials" and apply. Payloads, results and failure messages then read in clear.</p>
<form method="post" action="logout"><button type="submit">Sign out</button></form>`,
  );
}
