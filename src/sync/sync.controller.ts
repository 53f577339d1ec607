import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../access/api-key.guard';
import { ConsoleRightsGuard } from '../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../access/principal';
import { SyncNowAnswer, SyncService, SyncSettingsView } from './sync.service';
import { PageQuery } from '../http/page-query';
import { SyncSettingsDto } from './sync.dto';

@ApiTags('sync')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post('sync')
  @HttpCode(202)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Sync now: a full reconciliation, queued behind any sync in progress (or the one already queued); answers its run id to follow.' })
  @ApiConflictResponse({ description: 'Syncing is paused: resume first (resuming catches up at once).' })
  syncNow(@CurrentPrincipal() principal: Principal): Promise<SyncNowAnswer> {
    return this.sync.syncNow(principal);
  }

  @Post('sync/pause')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Pause scheduled and event syncs (the next full sync after resuming repairs what was missed).' })
  pause(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.setPaused(principal, true);
  }

  @Post('sync/resume')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Resume syncing.' })
  resume(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.setPaused(principal, false);
  }

  @Get('sync/settings')
  @ApiOperation({ summary: 'Interval, quiet window, auto-export, deep check, deleted-asset policy, watch interval and push; whether the schedule exists.' })
  settings(@CurrentPrincipal() principal: Principal): Promise<SyncSettingsView> {
    return this.sync.settings(principal);
  }

  @Put('sync/settings')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Change sync settings; the schedule and the Console watcher follow at once.' })
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: SyncSettingsDto): Promise<SyncSettingsView> {
    return this.sync.updateSettings(principal, body);
  }

  @Get('sync-runs')
  @ApiOperation({ summary: 'Sync runs, newest first: trigger, start, end, counts per outcome.' })
  runs(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.sync.runs(principal, query.page ?? 1, query.pageSize ?? 50);
  }

  @Get('sync-runs/:runId')
  @ApiOperation({ summary: 'One run: per computer what was done or why not; live progress while it runs.' })
  run(@CurrentPrincipal() principal: Principal, @Param('runId', ParseUUIDPipe) runId: string, @Query() query: PageQuery) {
    return this.sync.run(principal, runId, query.page ?? 1, query.pageSize ?? 200);
  }
}
