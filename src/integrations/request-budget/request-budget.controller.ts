import { Body, ConflictException, Controller, Get, NotFoundException, Put, UseGuards } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { ApiErrorAnswers } from '../../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../../http/openapi/security-schemes';
import { IntegrationEntity } from '../../persistence/entities/integration.entity';
import { haloInstanceOf, HaloRequestBudget } from './halo-request-budget';
import { RequestBudgetDto, RequestBudgetView } from './request-budget.dto';

@ApiTags('halopsa')
@ApiKeyAuth()
@ApiErrorAnswers({ 404: 'HaloPSA is not connected yet.' })
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/request-budget')
export class RequestBudgetController {
  constructor(
    private readonly budget: HaloRequestBudget,
    @InjectRepository(IntegrationEntity) private readonly integrations: Repository<IntegrationEntity>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The share of HaloPSA’s rate limit the product keeps to on this HaloPSA instance, and how much of it the current window has used.' })
  @ApiOkResponse({ type: RequestBudgetView })
  async get(@CurrentPrincipal() principal: Principal): Promise<RequestBudgetView> {
    return this.view(haloInstanceOf((await this.integrationOf(principal)).haloResourceUrl));
  }

  @Put()
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Set the share for this HaloPSA instance: every integration and worker that uses the instance keeps to it.' })
  @ApiOkResponse({ type: RequestBudgetView })
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({
    400: 'requestsPerWindow or windowSeconds is missing or out of range.',
    409: 'The integration is not connected: only credentials HaloPSA has accepted may change its instance’s budget.',
  })
  async set(@CurrentPrincipal() principal: Principal, @Body() body: RequestBudgetDto): Promise<RequestBudgetView> {
    const integration = await this.integrationOf(principal);
    if (integration.state !== 'connected') {
      throw new ConflictException(
        `The integration is ${integration.state}, not connected: the budget is shared by everyone on this HaloPSA, so only an integration whose credentials HaloPSA accepted may change it. Finish the connection first (GET /api/v1/halopsa).`,
      );
    }
    const instance = haloInstanceOf(integration.haloResourceUrl);
    await this.budget.setBudget(instance, { requestsPerWindow: body.requestsPerWindow, windowSeconds: body.windowSeconds });
    return this.view(instance);
  }

  private async integrationOf(principal: Principal): Promise<IntegrationEntity> {
    const integration = await this.integrations.findOneBy({ tenantId: principal.tenantId });
    if (!integration) throw new NotFoundException('HaloPSA is not connected: connect it first (PUT /api/v1/halopsa/connection).');
    return integration;
  }

  private async view(instance: string): Promise<RequestBudgetView> {
    const [budget, usedInWindow] = await Promise.all([this.budget.budgetOf(instance), this.budget.usedInWindow(instance)]);
    return { instance, ...budget, usedInWindow };
  }
}
