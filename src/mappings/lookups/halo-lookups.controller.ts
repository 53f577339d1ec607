import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { IntegrationContextService } from '../integration-context.service';
import { LookupQuery } from './lookup.dto';
import { AssetTypeLookup, CustomerLookup, HaloLookupsService, LookupPage, NamedRecord } from './halo-lookups.service';

const DEFAULT_PAGE_SIZE = 25;

@ApiTags('mappings')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/lookups')
export class HaloLookupsController {
  constructor(
    private readonly lookups: HaloLookupsService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get('customers')
  @ApiOperation({ summary: 'HaloPSA customers (active), searched by name and paged by HaloPSA itself, each with its main site and where its sites are listed.' })
  async customers(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<CustomerLookup>> {
    return this.lookups.customers(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('customers/:customerId/sites')
  @ApiOperation({ summary: "A HaloPSA customer's active sites, its main site marked." })
  async sites(@CurrentPrincipal() principal: Principal, @Param('customerId', ParseIntPipe) customerId: number, @Query() query: LookupQuery): Promise<LookupPage<NamedRecord & { main: boolean }>> {
    return this.lookups.sites(await this.contexts.forPrincipal(principal), customerId, query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('asset-types')
  @ApiOperation({ summary: 'HaloPSA asset types (active), with their asset group.' })
  async assetTypes(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<AssetTypeLookup>> {
    return this.lookups.assetTypes(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('asset-groups')
  @ApiOperation({ summary: 'HaloPSA asset groups.' })
  async assetGroups(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<NamedRecord>> {
    return this.lookups.assetGroups(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }
}
