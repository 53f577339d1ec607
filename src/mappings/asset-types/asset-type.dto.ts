import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsPositive, IsString, Length, ValidateNested } from 'class-validator';
import { NumberFromString } from '../../http/number-from-string';

export class NewAssetTypeDto {
  @ApiPropertyOptional({ example: 'Backup server' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: 'Backup', description: 'Asset group to create it in (found by name, created when missing).' })
  @IsString()
  @Length(1, 100)
  assetGroupName!: string;
}

export class MapAssetTypeDto {
  @ApiPropertyOptional({ description: 'An existing HaloPSA asset type id.' })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @IsPositive()
  assetTypeId?: number;

  @ApiPropertyOptional({ type: NewAssetTypeDto, description: 'Or: the asset type to find by name or create in HaloPSA.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewAssetTypeDto)
  createAssetType?: NewAssetTypeDto;
}

export interface AssetTypeMappingView {
  licenseType: string;
  activatedLicenses: number;
  mapping: { assetTypeId: number; assetTypeName: string } | null;
}
