import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

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
  @Type(() => Number)
  @IsInt()
  @IsPositive()
  customerId!: number;

  @ApiPropertyOptional({ description: "A site of that customer; the customer's main site when absent." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsPositive()
  siteId?: number;
}

export class DryRunQuery {
  @ApiPropertyOptional({ description: 'Answer exactly what would be written, and write nothing.', default: false })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
