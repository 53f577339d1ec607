import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { ApiActiveIntegrationErrors } from '../integrations/active-integration.answers';
import { SyncNowAnswer, SyncService, SyncSettingsView } from './sync.service';
import { PageQuery } from '../http/page-query';
import { syncNowAnswer, syncRunAnswer, syncRunsAnswer, syncSettingsAnswer } from './sync.answers';
import { SyncSettingsDto } from './sync.dto';

@ApiTags('sync')
@ApiKeyAuth()
@ApiActiveIntegrationErrors()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post('sync')
  @HttpCode(202)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Sync now: a full reconciliation, queued behind any sync in progress (or the one already queued); answers its run id to follow.' })
  @ApiAnswer(202, syncNowAnswer, 'The full run queued (or joined), and where to follow it.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({
    400: 'The integration is not connected: GET /api/v1/halopsa says why.',
    409: 'Syncing is paused: resume first (resuming catches up at once); or the integration is being removed, or was removed.',
  })
  syncNow(@CurrentPrincipal() principal: Principal): Promise<SyncNowAnswer> {
    return this.sync.syncNow(principal);
  }

  @Post('sync/pause')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Pause scheduled and event syncs (the next full sync after resuming repairs what was missed).' })
  @ApiAnswer(200, syncSettingsAnswer, 'The sync settings, paused.')
  @ApiConsoleRightsNeeded()
  pause(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.setPaused(principal, true);
  }

  @Post('sync/resume')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Resume syncing.' })
  @ApiAnswer(200, syncSettingsAnswer, 'The sync settings, resumed.')
  @ApiConsoleRightsNeeded()
  resume(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.setPaused(principal, false);
  }

  @Get('sync/settings')
  @ApiOperation({ summary: 'Interval, quiet window, auto-export, deep check, deleted-asset policy, watch interval and push; whether the schedule exists.' })
  @ApiAnswer(200, syncSettingsAnswer, 'The sync settings.')
  settings(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.settings(principal);
  }

  @Put('sync/settings')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Change sync settings; the schedule and the Console watcher follow at once.' })
  @ApiAnswer(200, syncSettingsAnswer, 'The sync settings as changed.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'A setting is out of range, or the quiet window\'s time zone is unknown.' })
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: SyncSettingsDto): Promise<SyncSettingsView> {
    return this.sync.updateSettings(principal, body);
  }

  @Get('sync-runs')
  @ApiOperation({ summary: 'Sync runs, newest first: trigger, start, end, counts per outcome.' })
  @ApiAnswer(200, syncRunsAnswer, 'One page of runs.')
  @ApiErrorAnswers({ 400: 'page or pageSize is out of range.' })
  runs(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.sync.runs(principal, query.page ?? 1, query.pageSize ?? 50);
  }

  @Get('sync-runs/:runId')
  @ApiOperation({ summary: 'One run: per computer what was done or why not; live progress while it runs.' })
  @ApiAnswer(200, syncRunAnswer, 'The run and one page of its computers; state "queued" before a queued run begins.')
  @ApiErrorAnswers({ 400: 'The id is not a UUID, or page or pageSize is out of range.', 404: 'No such run of this integration (or HaloPSA is not connected yet).' })
  run(@CurrentPrincipal() principal: Principal, @Param('runId', ParseUUIDPipe) runId: string, @Query() query: PageQuery) {
    return this.sync.run(principal, runId, query.page ?? 1, query.pageSize ?? 200);
  }
}
