import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { DryRunQuery } from '../mappings/companies/company.dto';
import { ManualAction } from '../../workflows/removal-messages';
import { manualActionAnswer, removalAnswer, removalPreviewAnswer } from './removal.answers';
import { RemovalPreview, RemovalService, RemovalView } from './removal.service';

const MANUAL_ACTION_ERRORS = {
  400: 'The id is not a UUID, or the removal has no such open action.',
  404: 'No removal has been started.',
  409: 'The removal has finished; its open manual actions remain for you to do in HaloPSA.',
};

@ApiTags('removal')
@ApiKeyAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa')
export class RemovalController {
  constructor(private readonly removal: RemovalService) {}

  @Delete()
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Remove the integration (remove:<integrationId>); a second call answers the same removal. ?dryRun=true lists what would go and what stays.' })
  @ApiAnswer(200, removalPreviewAnswer, 'The dry run: what would go and what stays.')
  @ApiAnswer(202, removalAnswer, 'The removal, started (or the one already under way).')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'dryRun is not true or false.', 404: 'There is no HaloPSA integration to remove.' })
  remove(@CurrentPrincipal() principal: Principal, @Query() query: DryRunQuery, @Res({ passthrough: true }) res: Response): Promise<RemovalView | RemovalPreview> {
    const dryRun = query.dryRun === 'true';
    res.status(dryRun ? 200 : 202);
    return dryRun ? this.removal.preview(principal) : this.removal.start(principal);
  }

  @Get('removal')
  @ApiOperation({ summary: 'The latest removal: steps with outcomes, open manual actions, assets left in HaloPSA.' })
  @ApiAnswer(200, removalAnswer, 'The latest removal.')
  @ApiErrorAnswers({ 404: 'No removal has been started.' })
  current(@CurrentPrincipal() principal: Principal): Promise<RemovalView> {
    return this.removal.current(principal);
  }

  @Post('removal/actions/:actionId/retry')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'After fixing permissions in HaloPSA: run the failed step again.' })
  @ApiAnswer(200, manualActionAnswer, 'The action after the retry: done-by-retry, or open again with the new reason and attempts.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers(MANUAL_ACTION_ERRORS)
  retry(@CurrentPrincipal() principal: Principal, @Param('actionId', ParseUUIDPipe) actionId: string): Promise<ManualAction> {
    return this.removal.act(principal, actionId, 'retry');
  }

  @Post('removal/actions/:actionId/resolve')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Done by hand in HaloPSA: the step counts as done.' })
  @ApiAnswer(200, manualActionAnswer, 'The action, resolved by hand.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers(MANUAL_ACTION_ERRORS)
  resolve(@CurrentPrincipal() principal: Principal, @Param('actionId', ParseUUIDPipe) actionId: string): Promise<ManualAction> {
    return this.removal.act(principal, actionId, 'resolve');
  }
}
