import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';
import { NumberFromString } from '../../http/number-from-string';

export class ListCompaniesQuery {
  @ApiPropertyOptional({ enum: ['all', 'mapped', 'unmapped'], default: 'all' })
  @IsOptional()
  @IsIn(['all', 'mapped', 'unmapped'])
  filter?: 'all' | 'mapped' | 'unmapped';

  @ApiPropertyOptional({ description: 'Part of the company name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class MapCompanyDto {
  @ApiProperty({ description: 'HaloPSA customer (Client) id.' })
  @NumberFromString()
  @IsInt()
  @IsPositive()
  customerId!: number;

  @ApiPropertyOptional({ description: "A site of that customer; the customer's main site when absent." })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @IsPositive()
  siteId?: number;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: "This company's own choice: true, its unlinked computers become assets at the next sync; false, they wait for POST /api/v1/halopsa/computers/export; null or absent, the integration's autoExport decides.",
  })
  @IsOptional()
  @IsBoolean()
  autoExport?: boolean | null;
}

export class DryRunQuery {
  @ApiPropertyOptional({ description: 'Answer exactly what would be written, and write nothing.', default: false })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
