import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { Response } from 'express';
import { ConsoleError } from '../console/console-errors';
import { HaloError } from '../halo/halo-errors';
import { UrlPolicyError } from '../security/url-policy';

/** Errors from the vendors and the URL policy as answers that say what happened and what to fix. */
@Catch(HaloError, ConsoleError, UrlPolicyError)
export class VendorErrorFilter implements ExceptionFilter {
  catch(error: HaloError | ConsoleError | UrlPolicyError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, message] = describe(error);
    if (error instanceof HaloError && error.kind === 'rate_limited') response.setHeader('Retry-After', String(Math.ceil((error.retryAfterMs ?? 60_000) / 1000)));
    response.status(status).json({ statusCode: status, message });
  }
}

function describe(error: HaloError | ConsoleError | UrlPolicyError): [number, string] {
  if (error instanceof UrlPolicyError) return [HttpStatus.BAD_REQUEST, error.message];
  if (error instanceof ConsoleError) {
    if (error.kind === 'invalid_credentials') return [HttpStatus.UNPROCESSABLE_ENTITY, error.message];
    return [HttpStatus.BAD_GATEWAY, `The Management Console did not answer as expected: ${error.message}`];
  }
  if (error.kind === 'rate_limited') return [HttpStatus.SERVICE_UNAVAILABLE, `HaloPSA's rate limit is reached for now; try again shortly: ${error.message}`];
  if (['invalid_client', 'invalid_scope', 'bad_tenant', 'forbidden'].includes(error.kind)) {
    return [HttpStatus.UNPROCESSABLE_ENTITY, `HaloPSA refused: ${error.message}`];
  }
  return [HttpStatus.BAD_GATEWAY, `HaloPSA did not answer as expected: ${error.message}`];
}
