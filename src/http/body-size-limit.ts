import { NextFunction, Request, Response } from 'express';

/** No route takes a body over 1 MB. */
export const REQUEST_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Answers 413 to any request that announces a body over the limit, whatever its content type: the
 * JSON parser enforces the limit on what it reads, but a body no parser reads (text/plain, say)
 * would otherwise reach the route.
 */
export function refuseOversizedBodies(req: Request, res: Response, next: NextFunction): void {
  const length = Number(req.headers['content-length'] ?? 0);
  if (!(length > REQUEST_BODY_LIMIT_BYTES)) return next();
  res.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: `The request body has ${length} bytes; the API takes at most ${REQUEST_BODY_LIMIT_BYTES} (1 MB).` });
}
