import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { NumberFromString } from '../../http/number-from-string';

export class RequestBudgetDto {
  @ApiProperty({ minimum: 1, maximum: 100_000, example: 240, description: 'Requests the product may send this HaloPSA per window (default 240: 80 % of Halo’s 300 per 5 minutes).' })
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(100_000)
  requestsPerWindow!: number;

  @ApiProperty({ minimum: 1, maximum: 3600, example: 300, description: 'The rolling window in seconds (HaloPSA’s is 300).' })
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(3600)
  windowSeconds!: number;
}

export class RequestBudgetView {
  @ApiProperty({ example: 'https://msp.halopsa.com/api', description: 'The HaloPSA instance; every integration that uses it shares this budget.' })
  instance!: string;

  @ApiProperty({ example: 240 })
  requestsPerWindow!: number;

  @ApiProperty({ example: 300 })
  windowSeconds!: number;

  @ApiProperty({ example: 17, description: 'Requests sent within the current window, by every process and integration on this instance.' })
  usedInWindow!: number;
}
