import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { NumberFromString } from '../http/number-from-string';

/** Optional, but not nullable: absent leaves the setting as it is; null is refused. */
const PresentOrAbsent = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

export class QuietWindowDto {
  @ApiPropertyOptional({ example: '22:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start must be HH:MM (24 h)' })
  start!: string;

  @ApiPropertyOptional({ example: '06:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'end must be HH:MM (24 h)' })
  end!: string;

  @ApiPropertyOptional({ example: 'Europe/London' })
  @IsString()
  timeZone!: string;
}

export class SyncSettingsDto {
  @ApiPropertyOptional({ minimum: 5, maximum: 1440, description: 'Minutes between full reconciliations (default 15).' })
  @PresentOrAbsent()
  @NumberFromString()
  @IsInt()
  @Min(5)
  @Max(1440)
  intervalMinutes?: number;

  @ApiPropertyOptional({ type: QuietWindowDto, nullable: true, description: 'No scheduled sync inside this window; null removes it.' })
  @IsOptional()
  @IsObject({ message: 'quietWindow must be an object {start, end, timeZone}, or null to remove it' })
  @ValidateNested()
  @Type(() => QuietWindowDto)
  quietWindow?: QuietWindowDto | null;

  @ApiPropertyOptional({ description: 'New computers in mapped companies become assets by themselves (default true).' })
  @PresentOrAbsent()
  @IsBoolean()
  autoExport?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 720, description: "Hours between deep checks that read HaloPSA's assets (default 24)." })
  @PresentOrAbsent()
  @NumberFromString()
  @IsInt()
  @Min(1)
  @Max(720)
  deepCheckHours?: number;

  @ApiPropertyOptional({ minimum: 15, maximum: 3600, description: 'Seconds between reads of the Console by the change watcher (default 60).' })
  @PresentOrAbsent()
  @NumberFromString()
  @IsInt()
  @Min(15)
  @Max(3600)
  watchIntervalSeconds?: number;

  @ApiPropertyOptional({ description: 'Take signed events at POST /api/v1/console-events (default false); polling goes on either way.' })
  @PresentOrAbsent()
  @IsBoolean()
  pushEvents?: boolean;

  @ApiPropertyOptional({ enum: ['report', 'recreate'], description: 'A linked asset deleted in HaloPSA: report it (default) or create it again.' })
  @PresentOrAbsent()
  @IsIn(['report', 'recreate'])
  deletedAssetPolicy?: 'report' | 'recreate';
}
