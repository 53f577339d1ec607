import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: 'https://console.mspbackups.com', description: 'Address of the web console, where "Connect to computer" leads.' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  consoleWebUrl?: string;
}
