import { z } from 'zod';
import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
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
import { assetTypeMappingAnswer } from './asset-type.answers';
import { AssetTypeMappingView, MapAssetTypeDto } from './asset-type.dto';
import { AssetTypesService } from './asset-types.service';

@ApiTags('mappings')
@ApiKeyAuth()
@ApiActiveIntegrationErrors()
@ApiVendorErrors()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/asset-types')
export class AssetTypesController {
  constructor(
    private readonly assetTypes: AssetTypesService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'License types in the Console (with activated license counts), each with its default HaloPSA asset type.' })
  @ApiAnswer(200, z.array(assetTypeMappingAnswer), 'Every license type with its default asset type, or null.')
  async list(@CurrentPrincipal() principal: Principal): Promise<AssetTypeMappingView[]> {
    return this.assetTypes.list(await this.contexts.forPrincipal(principal));
  }

  @Put(':licenseType')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Map a license type to an asset type, optionally creating it in HaloPSA (in a named asset group).' })
  @ApiAnswer(200, assetTypeMappingAnswer, 'The license type with its new default asset type.')
  @ApiConsoleRightsNeeded()
  @ApiErrorAnswers({ 400: 'Neither or both of assetTypeId and createAssetType, or HaloPSA has no such asset type.', 404: 'The Console has no such license type.' })
  async map(@CurrentPrincipal() principal: Principal, @Param('licenseType') licenseType: string, @Body() body: MapAssetTypeDto): Promise<AssetTypeMappingView> {
    return this.assetTypes.map(await this.contexts.forPrincipal(principal), licenseType, body);
  }
}
