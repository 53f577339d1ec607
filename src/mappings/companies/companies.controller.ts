import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { ApiActiveIntegrationErrors } from '../../integrations/active-integration.answers';
import { ApiErrorAnswers } from '../../http/openapi/error-answers';
import { ApiConsoleRightsNeeded, ApiKeyAuth } from '../../http/openapi/security-schemes';
import { ApiAnswer } from '../../http/openapi/zod-answer';
import { ApiVendorErrors } from '../../http/vendor-error-answers';
import { IntegrationContextService } from '../integration-context.service';
import { autoMapAnswer, companyListAnswer, mappedCompanyAnswer, unmapAnswer } from './company.answers';
import { AutoMapResult, CompaniesService, UnmapResult } from './companies.service';
import { CompanyView, MappedCompanyView } from './company-views';
import { DryRunQuery, ListCompaniesQuery, MapCompanyDto } from './company.dto';

@ApiTags('mappings')
@ApiKeyAuth()
@ApiActiveIntegrationErrors()
@ApiVendorErrors()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Console companies you may see, each with its mapping or, when unmapped, suggested customers.' })
  @ApiAnswer(200, companyListAnswer, 'The companies, by name.')
  @ApiErrorAnswers({ 400: 'filter or search is wrong.' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCompaniesQuery): Promise<CompanyView[]> {
    return this.companies.list(await this.contexts.forPrincipal(principal), query.filter ?? 'all', query.search);
  }

  @Post('auto-map')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Apply every unambiguous name match; never overwrites a saved mapping. ?dryRun=true writes nothing.' })
  @ApiAnswer(200, autoMapAnswer, 'What was (or would be) mapped, and what was skipped and why.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'dryRun is not true or false, or HaloPSA reports no main site for a matched customer.' })
  async autoMap(@CurrentPrincipal() principal: Principal, @Query() query: DryRunQuery): Promise<AutoMapResult> {
    return this.companies.autoMap(await this.contexts.forPrincipal(principal), query.dryRun === 'true');
  }

  @Put(':companyId')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: "Map a company to a HaloPSA customer and one of its sites (the customer's main site by default). The answer's export says when its computers will be exported." })
  @ApiAnswer(200, mappedCompanyAnswer, 'The company with its mapping.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'A field is wrong, or HaloPSA has no such customer or site of that customer.', 404: 'No Console company with that id that you may see.' })
  async map(@CurrentPrincipal() principal: Principal, @Param('companyId') companyId: string, @Body() body: MapCompanyDto): Promise<MappedCompanyView> {
    return this.companies.map(await this.contexts.forPrincipal(principal), companyId, body.customerId, body.siteId, body.autoExport);
  }

  @Delete(':companyId')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Unmap: its computers stop syncing and are unlinked; their Halo assets stay. ?dryRun=true writes nothing.' })
  @ApiAnswer(200, unmapAnswer, 'The mapping removed (or that would be), and how many computers were unlinked.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'dryRun is not true or false.', 404: 'No such company you may see, or it is not mapped.' })
  async unmap(@CurrentPrincipal() principal: Principal, @Param('companyId') companyId: string, @Query() query: DryRunQuery): Promise<UnmapResult> {
    return this.companies.unmap(await this.contexts.forPrincipal(principal), companyId, query.dryRun === 'true');
  }
}
