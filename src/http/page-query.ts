import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NumberFromString } from './number-from-string';

/** `page` (1-based) and `pageSize` (at most 500) for paged lists. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
