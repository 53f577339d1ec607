import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard } from '../../access/api-key.guard';
import { ConsoleRightsGuard } from '../../access/console-rights.guard';
import { CurrentPrincipal, Principal } from '../../access/principal';
import { IntegrationContextService } from '../integration-context.service';
import { AssetTypeMappingView, MapAssetTypeDto } from './asset-type.dto';
import { AssetTypesService } from './asset-types.service';

@ApiTags('mappings')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('api/v1/halopsa/asset-types')
export class AssetTypesController {
  constructor(
    private readonly assetTypes: AssetTypesService,
    private readonly contexts: IntegrationContextService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'License types in the Console (with activated license counts), each with its default HaloPSA asset type.' })
  async list(@CurrentPrincipal() principal: Principal): Promise<AssetTypeMappingView[]> {
    return this.assetTypes.list(await this.contexts.forPrincipal(principal));
  }

  @Put(':licenseType')
  @UseGuards(ConsoleRightsGuard)
  @ApiOperation({ summary: 'Map a license type to an asset type, optionally creating it in HaloPSA (in a named asset group).' })
  async map(@CurrentPrincipal() principal: Principal, @Param('licenseType') licenseType: string, @Body() body: MapAssetTypeDto): Promise<AssetTypeMappingView> {
    return this.assetTypes.map(await this.contexts.forPrincipal(principal), licenseType, body);
  }
}
