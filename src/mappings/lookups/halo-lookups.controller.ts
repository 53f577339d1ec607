import { Controller, Get, Param, ParseIntPipe, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { ApiActiveIntegrationErrors } from '../../integrations/active-integration.answers';
import { ApiErrorAnswers } from '../../http/openapi/error-answers';
import { ApiKeyAuth } from '../../http/openapi/security-schemes';
import { ApiAnswer } from '../../http/openapi/zod-answer';
import { ApiVendorErrors } from '../../http/vendor-error-answers';
import { IntegrationContextService } from '../integration-context.service';
import { assetGroupLookupAnswer, assetTypeLookupAnswer, customerLookupAnswer, siteLookupAnswer } from './lookup.answers';
import { LookupQuery } from './lookup.dto';
import { AssetTypeLookup, CustomerLookup, HaloLookupsService, LookupPage, NamedRecord } from './halo-lookups.service';

const DEFAULT_PAGE_SIZE = 25;

@ApiTags('mappings')
@ApiKeyAuth()
@ApiActiveIntegrationErrors()
@ApiVendorErrors()
@ApiErrorAnswers({ 400: 'search, page or pageSize is wrong (pageSize at most 100).' })
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/lookups')
export class HaloLookupsController {
  constructor(
    private readonly lookups: HaloLookupsService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get('customers')
  @ApiOperation({ summary: 'HaloPSA customers (active), searched by name and paged by HaloPSA itself, each with its main site and where its sites are listed.' })
  @ApiAnswer(200, customerLookupAnswer, 'One page of customers.')
  async customers(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<CustomerLookup>> {
    return this.lookups.customers(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('customers/:customerId/sites')
  @ApiOperation({ summary: "A HaloPSA customer's active sites, its main site marked." })
  @ApiAnswer(200, siteLookupAnswer, 'One page of sites.')
  @ApiErrorAnswers({ 404: 'HaloPSA has no such customer (or HaloPSA is not connected yet).' })
  async sites(@CurrentPrincipal() principal: Principal, @Param('customerId', ParseIntPipe) customerId: number, @Query() query: LookupQuery): Promise<LookupPage<NamedRecord & { main: boolean }>> {
    return this.lookups.sites(await this.contexts.forPrincipal(principal), customerId, query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('asset-types')
  @ApiOperation({ summary: 'HaloPSA asset types (active), with their asset group.' })
  @ApiAnswer(200, assetTypeLookupAnswer, 'One page of asset types.')
  async assetTypes(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<AssetTypeLookup>> {
    return this.lookups.assetTypes(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }

  @Get('asset-groups')
  @ApiOperation({ summary: 'HaloPSA asset groups.' })
  @ApiAnswer(200, assetGroupLookupAnswer, 'One page of asset groups.')
  async assetGroups(@CurrentPrincipal() principal: Principal, @Query() query: LookupQuery): Promise<LookupPage<NamedRecord>> {
    return this.lookups.assetGroups(await this.contexts.forPrincipal(principal), query.search, query.page ?? 1, query.pageSize ?? DEFAULT_PAGE_SIZE);
  }
}
