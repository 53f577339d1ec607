import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { ConsoleRightsService } from './console-rights.service';
import { RequestWithPrincipal } from './principal';

/** Mutating calls: the key's Console administrator must hold "Users" and "PSA integration". Runs after ApiKeyGuard. */
@Injectable()
export class ConsoleRightsGuard implements CanActivate {
  constructor(private readonly rights: ConsoleRightsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (!principal) throw new Error('ConsoleRightsGuard needs ApiKeyGuard first');
    const { missing, problem } = await this.rights.rightsOf(principal.tenantId, principal.consoleAdministratorId);
    if (problem) throw new ForbiddenException(problem);
    if (missing.length > 0) {
      throw new ForbiddenException(`Your Console administrator account lacks the permission(s): ${missing.join(', ')}. Ask the main administrator to grant them in the Console.`);
    }
    return true;
  }
}
