import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { DryRunQuery } from '../mappings/companies/company.dto';
import { ManualAction } from '../../workflows/removal-messages';
import { RemovalPreview, RemovalService, RemovalView } from './removal.service';

@ApiTags('removal')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa')
export class RemovalController {
  constructor(private readonly removal: RemovalService) {}

  @Delete()
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Remove the integration (remove:<integrationId>); a second call answers the same removal. ?dryRun=true lists what would go and what stays.' })
  @ApiAcceptedResponse({ description: 'The removal started (or was already under way): follow it at GET /api/v1/halopsa/removal.' })
  @ApiOkResponse({ description: 'With ?dryRun=true: what the removal would delete and what stays; nothing is changed.' })
  remove(@CurrentPrincipal() principal: Principal, @Query() query: DryRunQuery, @Res({ passthrough: true }) response: Response): Promise<RemovalView | RemovalPreview> {
    const dryRun = query.dryRun === 'true';
    response.status(dryRun ? 200 : 202);
    return dryRun ? this.removal.preview(principal) : this.removal.start(principal);
  }

  @Get('removal')
  @ApiOperation({ summary: 'The latest removal: steps with outcomes, open manual actions, assets left in HaloPSA.' })
  current(@CurrentPrincipal() principal: Principal): Promise<RemovalView> {
    return this.removal.current(principal);
  }

  @Post('removal/actions/:actionId/retry')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'After fixing permissions in HaloPSA: run the failed step again.' })
  retry(@CurrentPrincipal() principal: Principal, @Param('actionId', ParseUUIDPipe) actionId: string): Promise<ManualAction> {
    return this.removal.act(principal, actionId, 'retry');
  }

  @Post('removal/actions/:actionId/resolve')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Done by hand in HaloPSA: the step counts as done.' })
  resolve(@CurrentPrincipal() principal: Principal, @Param('actionId', ParseUUIDPipe) actionId: string): Promise<ManualAction> {
    return this.removal.act(principal, actionId, 'resolve');
  }
}
