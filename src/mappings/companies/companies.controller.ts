import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { IntegrationContextService } from '../integration-context.service';
import { AutoMapResult, CompaniesService, UnmapResult } from './companies.service';
import { CompanyView, MappedCompanyView } from './company-views';
import { DryRunQuery, ListCompaniesQuery, MapCompanyDto } from './company.dto';

@ApiTags('mappings')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Console companies you may see, each with its mapping or, when unmapped, suggested customers.' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCompaniesQuery): Promise<CompanyView[]> {
    return this.companies.list(await this.contexts.forPrincipal(principal), query.filter ?? 'all', query.search);
  }

  @Post('auto-map')
  @HttpCode(200)
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Apply every unambiguous name match; never overwrites a saved mapping. ?dryRun=true writes nothing.' })
  async autoMap(@CurrentPrincipal() principal: Principal, @Query() query: DryRunQuery): Promise<AutoMapResult> {
    return this.companies.autoMap(await this.contexts.forPrincipal(principal), query.dryRun === 'true');
  }

  @Put(':companyId')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: "Map a company to a HaloPSA customer and one of its sites (the customer's main site by default). The answer's export says when its computers will be exported." })
  async map(@CurrentPrincipal() principal: Principal, @Param('companyId') companyId: string, @Body() body: MapCompanyDto): Promise<MappedCompanyView> {
    return this.companies.map(await this.contexts.forPrincipal(principal), companyId, body.customerId, body.siteId, body.autoExport);
  }

  @Delete(':companyId')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Unmap: its computers stop syncing and are unlinked; their Halo assets stay. ?dryRun=true writes nothing.' })
  async unmap(@CurrentPrincipal() principal: Principal, @Param('companyId') companyId: string, @Query() query: DryRunQuery): Promise<UnmapResult> {
    return this.companies.unmap(await this.contexts.forPrincipal(principal), companyId, query.dryRun === 'true');
  }
}
