import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { DryRunQuery } from '../companies/company.dto';
import { ExportAnswer, ExportRunView, ExportService } from '../export/export.service';
import { IntegrationContextService } from '../integration-context.service';
import { ComputerActionDto, ExportComputersDto, ListComputersQuery } from './computer.dto';
import { ComputerChange, ComputerPage, ComputersService } from './computers.service';

@ApiTags('mappings')
@ApiBearerAuth()
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
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListComputersQuery): Promise<ComputerPage> {
    return this.computers.list(await this.contexts.forPrincipal(principal, 'forReading'), { ...query, page: query.page ?? 1, pageSize: query.pageSize ?? 50 });
  }

  @Post('export')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({
    summary: 'Create HaloPSA assets for the given (or all unlinked) computers. ?dryRun=true answers what would be written. 200 with outcomes when done within seconds, else 202 with the export to follow.',
  })
  async export(@CurrentPrincipal() principal: Principal, @Body() body: ExportComputersDto, @Query() query: DryRunQuery, @Res({ passthrough: true }) res: Response): Promise<ExportAnswer> {
    const answer = await this.exports.export(await this.contexts.forPrincipal(principal), body, query.dryRun === 'true');
    res.status(answer.dryRun || answer.finished ? 200 : 202);
    return answer;
  }

  @Get('exports/:exportRunId')
  @ApiOperation({ summary: 'An export: its state and, per computer, created, linked, skipped or failed, with the reason.' })
  async exportRun(@CurrentPrincipal() principal: Principal, @Param('exportRunId', ParseUUIDPipe) exportRunId: string): Promise<ExportRunView> {
    return this.exports.view(await this.contexts.forPrincipal(principal, 'forReading'), exportRunId);
  }

  @Put(':hid')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: "Link to an existing asset of the company's customer, or exclude. ?dryRun=true writes nothing." })
  async change(@CurrentPrincipal() principal: Principal, @Param('hid') hid: string, @Body() body: ComputerActionDto, @Query() query: DryRunQuery): Promise<ComputerChange> {
    return this.computers.change(await this.contexts.forPrincipal(principal), hid, body, query.dryRun === 'true');
  }

  @Delete(':hid')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Unlink (or un-exclude); the HaloPSA asset stays as it is. ?dryRun=true writes nothing.' })
  async unlink(@CurrentPrincipal() principal: Principal, @Param('hid') hid: string, @Query() query: DryRunQuery): Promise<ComputerChange> {
    return this.computers.unlink(await this.contexts.forPrincipal(principal), hid, query.dryRun === 'true');
  }
}
