import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { ApiVendorErrors } from '../http/vendor-error-answers';
import { ApiActiveIntegrationErrors } from './active-integration.answers';
import { ConnectionService } from './connection.service';
import { ConnectHaloDto, SetupStartedView } from './dto/connect-halo.dto';
import { IntegrationStatus } from './integration-status';
import { integrationStatusAnswer } from './integration-status.answers';
import { IntegrationStatusService } from './integration-status.service';
import { PermissionCheckService } from './permissions/permission-check.service';
import { PermissionReport } from './permissions/permission-report';
import { permissionReportAnswer } from './permissions/permission-report.answers';

@ApiTags('halopsa')
@ApiKeyAuth()
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
  @ApiAnswer(200, integrationStatusAnswer, 'Status of the HaloPSA integration.')
  status(@CurrentPrincipal() principal: Principal): Promise<IntegrationStatus> {
    return this.statuses.status(principal);
  }

  @Put('connection')
  @HttpCode(202)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Connect HaloPSA, or edit the connection; starts the setup workflow.' })
  @ApiAcceptedResponse({ type: SetupStartedView, description: 'The setup:<integrationId> workflow started.' })
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({
    400: 'A field is missing or wrong, or a URL is not allowed (the message says which).',
    409: 'The integration is being removed: connect again once the removal has finished.',
  })
  connect(@CurrentPrincipal() principal: Principal, @Body() body: ConnectHaloDto): Promise<SetupStartedView> {
    return this.connection.connect(principal, body);
  }

  @Post('permissions/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Per action (create, manage, delete), every requirement: whether it holds, and what to change where.' })
  @ApiAnswer(200, permissionReportAnswer, 'Per action, each requirement and whether it holds.')
  @ApiActiveIntegrationErrors()
  @ApiVendorErrors()
  check(@CurrentPrincipal() principal: Principal): Promise<PermissionReport> {
    return this.permissions.check(principal);
  }
}
