import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ConnectionService } from './connection.service';
import { ConnectHaloDto, SetupStartedView } from './dto/connect-halo.dto';
import { IntegrationStatus } from './integration-status';
import { IntegrationStatusService } from './integration-status.service';
import { PermissionCheckService } from './permissions/permission-check.service';
import { PermissionReport } from './permissions/permission-report';

@ApiTags('halopsa')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked API key.' })
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa')
export class IntegrationsController {
  constructor(
    private readonly connection: ConnectionService,
    private readonly permissions: PermissionCheckService,
    private readonly statuses: IntegrationStatusService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The integration's state, its steps (done from the mappings, with counts), last error and every workflow with its state (never a secret)." })
  @ApiOkResponse({ description: 'Status of the HaloPSA integration.' })
  status(@CurrentPrincipal() principal: Principal): Promise<IntegrationStatus> {
    return this.statuses.status(principal);
  }

  @Put('connection')
  @HttpCode(202)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Connect HaloPSA, or edit the connection; starts the setup workflow.' })
  @ApiAcceptedResponse({ type: SetupStartedView })
  @ApiForbiddenResponse({ description: 'The Console administrator lacks "Users" or "PSA integration".' })
  connect(@CurrentPrincipal() principal: Principal, @Body() body: ConnectHaloDto): Promise<SetupStartedView> {
    return this.connection.connect(principal, body);
  }

  @Post('permissions/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Per action (create, manage, delete), every requirement: whether it holds, and what to change where.' })
  check(@CurrentPrincipal() principal: Principal): Promise<PermissionReport> {
    return this.permissions.check(principal);
  }
}
