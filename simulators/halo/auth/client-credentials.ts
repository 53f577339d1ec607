import { parseFormBody, SimRequest } from '../../shared/http-kit';

export interface PresentedCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The client id and secret of a token request: HTTP Basic when the header is there (RFC 6749
 * §2.3.1, each part form-url-encoded), otherwise the `client_id` / `client_secret` form fields.
 */
export function readClientCredentials(req: SimRequest): PresentedCredentials | undefined {
  const header = req.headers.authorization;
  if (header?.toLowerCase().startsWith('basic ')) return fromBasic(header.slice(6).trim());
  const form = parseFormBody(req);
  const clientId = form.get('client_id');
  if (!clientId) return undefined;
  return { clientId, clientSecret: form.get('client_secret') ?? '' };
}

function fromBasic(encoded: string): PresentedCredentials | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
