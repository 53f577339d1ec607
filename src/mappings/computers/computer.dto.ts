import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { NumberFromString } from '../../http/number-from-string';
import { PageQuery } from '../../http/page-query';

export class ListComputersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['linked', 'unlinked', 'excluded'] })
  @IsOptional()
  @IsIn(['linked', 'unlinked', 'excluded'])
  state?: 'linked' | 'unlinked' | 'excluded';

  @ApiPropertyOptional({ description: 'Only computers of this Console company.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  companyId?: string;

  @ApiPropertyOptional({ description: 'Part of the host name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class ComputerActionDto {
  @ApiProperty({ enum: ['link', 'exclude'] })
  @IsIn(['link', 'exclude'])
  action!: 'link' | 'exclude';

  @ApiPropertyOptional({ description: "With action 'link': the HaloPSA asset id (it must belong to the company's customer)." })
  @ValidateIf((o: ComputerActionDto) => o.action === 'link' || o.assetId !== undefined)
  @NumberFromString()
  @IsInt()
  @IsPositive()
  assetId?: number;
}

export class ExportComputersDto {
  @ApiPropertyOptional({ description: 'Console computer ids (ComputerHID); all unlinked computers when absent.', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50_000)
  @Matches(/^\{?[0-9a-fA-F-]{1,64}\}?$/, { each: true, message: 'each hid must be a Console computer id (GUID)' })
  hids?: string[];

  @ApiPropertyOptional({ description: "Asset type for all of them; else each computer's license-type default." })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @IsPositive()
  assetTypeId?: number;
}
