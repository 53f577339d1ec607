import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorGuard } from '../access/operator.guard';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { OperatorTokenAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { PageQuery } from '../http/page-query';
import { ApiVendorErrors } from '../http/vendor-error-answers';
import { CreateApiKeyDto, CreatedApiKeyView } from './dto/create-api-key.dto';
import { CreatedTenantView, CreateTenantDto, TenantView } from './dto/create-tenant.dto';
import { TenantPage, tenantPageAnswer } from './dto/tenant-list.dto';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('operators')
@OperatorTokenAuth()
@UseGuards(OperatorGuard)
@Controller('api/v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a tenant (one Console account); its credentials are checked against the Console first.' })
  @ApiCreatedResponse({ type: CreatedTenantView })
  @ApiErrorAnswers({ 400: 'A field is missing or wrong, or a URL is not allowed.' })
  @ApiVendorErrors()
  create(@Body() body: CreateTenantDto): Promise<CreatedTenantView> {
    return this.tenants.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List tenants (oldest first, paged) with their HaloPSA integration: its id, state and last error.' })
  @ApiAnswer(200, tenantPageAnswer, 'One page of tenants.')
  @ApiErrorAnswers({ 400: 'page or pageSize is out of range.' })
  list(@Query() query: PageQuery): Promise<TenantPage> {
    return this.tenants.list(query.page ?? 1, query.pageSize ?? 50);
  }

  @Patch(':tenantId')
  @ApiOperation({ summary: "Change a tenant's settings: the web console address that \"Connect to computer\" leads to." })
  @ApiOkResponse({ type: TenantView })
  @ApiErrorAnswers({ 400: 'The id is not a UUID, or consoleWebUrl is wrong or not allowed.', 404: 'No such tenant.' })
  update(@Param('tenantId', ParseUUIDPipe) tenantId: string, @Body() body: UpdateTenantDto): Promise<TenantView> {
    return this.tenants.update(tenantId, body);
  }

  @Post(':tenantId/api-keys')
  @HttpCode(201)
  @ApiOperation({ summary: "Create an API key bound to one of the tenant's Console administrators (shown once)." })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiErrorAnswers({ 400: 'The id is not a UUID, or no Console administrator has that id.', 404: 'No such tenant.' })
  @ApiVendorErrors()
  createApiKey(@Param('tenantId', ParseUUIDPipe) tenantId: string, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.tenants.createApiKey(tenantId, body);
  }
}
