const REDACTED = '[redacted]';
const CREDENTIAL_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;
const CREDENTIAL_FIELD = /\b(client_secret|access_token|refresh_token|id_token|password|authorization)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;

/**
 * Scrubs text that may reach a person or a log (error messages built from Halo's answers): the
 * secrets it was told about, in plain and URL-encoded form, and anything shaped like a credential.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  remember(secret: string): void {
    if (secret === '') return;
    this.secrets.add(secret);
    this.secrets.add(encodeURIComponent(secret));
  }

  forget(secret: string): void {
    this.secrets.delete(secret);
    this.secrets.delete(encodeURIComponent(secret));
  }

  redact(text: string): string {
    let clean = text;
    for (const secret of this.secrets) clean = clean.split(secret).join(REDACTED);
    return clean.replace(CREDENTIAL_HEADER, `$1 ${REDACTED}`).replace(CREDENTIAL_FIELD, `$1$2${REDACTED}`);
  }
}
