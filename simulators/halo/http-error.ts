import { SimResponse } from '../shared/http-kit';

/** Thrown by handlers to answer with a given status and body; turned into a response by the server. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }

  toResponse(): SimResponse {
    return { status: this.status, body: this.body, headers: this.headers };
  }
}

/** Halo's usual error body: `{"Message": "..."}`. */
export function haloError(status: number, message: string): HttpError {
  return new HttpError(status, { Message: message });
}

export function notFound(entity: string, id: number | string): HttpError {
  return haloError(404, `${entity} ${id} was not found`);
}

/** How a crash looks to a caller: a Halo-style 500, never a stack trace. */
export function toErrorResponse(error: unknown): SimResponse {
  if (error instanceof HttpError) return error.toResponse();
  return { status: 500, body: { Message: `An error has occurred: ${String(error)}` } };
}
