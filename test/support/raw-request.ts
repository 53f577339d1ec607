import { request } from 'node:http';
import { recordAnswer } from './answer-recorder';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The JSON body, or undefined when it is not JSON. */
  json: unknown;
}

/**
 * One HTTP request sent as given: the path is not normalised (`..` stays, bad percent-encodings
 * stay), any method may carry a body. `fetch` would tidy both away.
 */
export function rawRequest(baseUrl: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : options.body;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request({ host: url.hostname, port: url.port, method, path, headers, timeout: options.timeoutMs ?? 30_000 }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        recordAnswer({ baseUrl, method, path, status: response.statusCode ?? 0, json });
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs ?? 30_000} ms`)));
    // The server may answer (413) and close before reading a large body: the answer is what counts.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}
