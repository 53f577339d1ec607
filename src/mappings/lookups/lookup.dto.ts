import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NumberFromString } from '../../http/number-from-string';

/** A look-up of HaloPSA records: part of the name, and a page of at most 100. */
export class LookupQuery {
  @ApiPropertyOptional({ description: 'Part of the name (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ default: 25, maximum: 100 })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
