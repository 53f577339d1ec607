import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';

/** Who is calling: always derived from the API key, never from the request's body or path. */
export interface Principal {
  tenantId: string;
  consoleAdministratorId: string;
  apiKeyId: string;
}

export type RequestWithPrincipal = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without ApiKeyGuard');
  return principal;
});
