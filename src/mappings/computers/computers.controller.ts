import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { DryRunQuery } from '../companies/company.dto';
import { ExportAnswer, ExportRunView, ExportService } from '../export/export.service';
import { ApiActiveIntegrationErrors } from '../../integrations/active-integration.answers';
import { ApiErrorAnswers } from '../../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../../http/openapi/security-schemes';
import { ApiAnswer } from '../../http/openapi/zod-answer';
import { ApiVendorErrors } from '../../http/vendor-error-answers';
import { exportAnswer, exportRunAnswer } from '../export/export.answers';
import { IntegrationContextService } from '../integration-context.service';
import { computerChangeAnswer, computerPageAnswer } from './computer.answers';
import { ComputerActionDto, ExportComputersDto, ListComputersQuery } from './computer.dto';
import { ComputerChange, ComputerPage, ComputersService } from './computers.service';

@ApiTags('mappings')
@ApiKeyAuth()
@ApiActiveIntegrationErrors()
@ApiVendorErrors()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/computers')
export class ComputersController {
  constructor(
    private readonly computers: ComputersService,
    private readonly exports: ExportService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Computers with a Backup or RMM agent in mapped companies: linked, unlinked (with suggested assets) or excluded.' })
  @ApiAnswer(200, computerPageAnswer, 'One page of computers.')
  @ApiErrorAnswers({ 400: 'state, companyId, search, page or pageSize is wrong.' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListComputersQuery): Promise<ComputerPage> {
    return this.computers.list(await this.contexts.forPrincipal(principal, 'forReading'), { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
  }

  @Post('export')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({
    summary: 'Create HaloPSA assets for the given (or all unlinked) computers. ?dryRun=true answers what would be written. 200 with outcomes when done within seconds, else 202 with the export to follow.',
  })
  @ApiAnswer(200, exportAnswer, 'The dry run\'s plan, or an export that finished within seconds, with its outcomes.')
  @ApiAnswer(202, exportAnswer, 'An export still running: follow GET /api/v1/halopsa/computers/exports/{run.exportRunId}.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'A field is wrong, or HaloPSA has no such asset type.' })
  async export(@CurrentPrincipal() principal: Principal, @Body() body: ExportComputersDto, @Query() query: DryRunQuery, @Res({ passthrough: true }) res: Response): Promise<ExportAnswer> {
    const answer = await this.exports.export(await this.contexts.forPrincipal(principal), body, query.dryRun === 'true');
    res.status(answer.dryRun || answer.finished ? 200 : 202);
    return answer;
  }

  @Get('exports/:exportRunId')
  @ApiOperation({ summary: 'An export: its state and, per computer, created, linked, skipped or failed, with the reason.' })
  @ApiAnswer(200, exportRunAnswer, 'The export and its per-computer outcomes.')
  @ApiErrorAnswers({ 400: 'The id is not a UUID.', 404: 'No such export of this integration.' })
  async exportRun(@CurrentPrincipal() principal: Principal, @Param('exportRunId', ParseUUIDPipe) exportRunId: string): Promise<ExportRunView> {
    return this.exports.view(await this.contexts.forPrincipal(principal, 'forReading'), exportRunId);
  }

  @Put(':hid')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: "Link to an existing asset of the company's customer, or exclude. ?dryRun=true writes nothing." })
  @ApiAnswer(200, computerChangeAnswer, 'The computer, and what was (or would be) written to HaloPSA.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({
    400: 'A field is wrong, or HaloPSA has no such asset, or it belongs to another customer.',
    404: 'No computer with that id with a Backup or RMM agent in a mapped company you may see.',
    409: 'The asset is already linked to another computer (or the integration is being removed, or was removed).',
  })
  async change(@CurrentPrincipal() principal: Principal, @Param('hid') hid: string, @Body() body: ComputerActionDto, @Query() query: DryRunQuery): Promise<ComputerChange> {
    return this.computers.change(await this.contexts.forPrincipal(principal), hid, body, query.dryRun === 'true');
  }

  @Delete(':hid')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Unlink (or un-exclude); the HaloPSA asset stays as it is. ?dryRun=true writes nothing.' })
  @ApiAnswer(200, computerChangeAnswer, 'The computer as it is now (or would be).')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'dryRun is not true or false.', 404: 'No such computer you may see, or it is neither linked nor excluded.' })
  async unlink(@CurrentPrincipal() principal: Principal, @Param('hid') hid: string, @Query() query: DryRunQuery): Promise<ComputerChange> {
    return this.computers.unlink(await this.contexts.forPrincipal(principal), hid, query.dryRun === 'true');
  }
}
