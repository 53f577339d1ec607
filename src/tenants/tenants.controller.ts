import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorGuard } from '../access/operator.guard';
import { CreateApiKeyDto, CreatedApiKeyView } from './dto/create-api-key.dto';
import { CreatedTenantView, CreateTenantDto } from './dto/create-tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('operators')
@ApiBearerAuth()
@UseGuards(OperatorGuard)
@Controller('api/v1/tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a tenant (one Console account); its credentials are checked against the Console first.' })
  @ApiCreatedResponse({ type: CreatedTenantView })
  create(@Body() body: CreateTenantDto): Promise<CreatedTenantView> {
    return this.tenants.create(body);
  }

  @Post(':tenantId/api-keys')
  @HttpCode(201)
  @ApiOperation({ summary: "Create an API key bound to one of the tenant's Console administrators (shown once)." })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  createApiKey(@Param('tenantId', ParseUUIDPipe) tenantId: string, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.tenants.createApiKey(tenantId, body);
  }
}
