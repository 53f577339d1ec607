import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateTenantDto {
  @ApiProperty({ example: 'Acme MSP', description: 'A name for operators.' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'https://api.mspbackups.com', description: 'Base URL of the Console API.' })
  @IsString()
  @MaxLength(2048)
  consoleUrl!: string;

  @ApiPropertyOptional({
    example: 'https://console.mspbackups.com',
    description: 'Address of the web console, where "Connect to computer" leads. Default: the Console API URL.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  consoleWebUrl?: string;

  @ApiProperty({ description: 'API login generated in Console > Settings > General.' })
  @IsString()
  @Length(3, 100)
  consoleLogin!: string;

  @ApiProperty({ description: 'API password; stored encrypted, never returned.', writeOnly: true })
  @IsString()
  @Length(3, 100)
  consolePassword!: string;
}

export class TenantView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() consoleUrl!: string;
  @ApiProperty() consoleWebUrl!: string;
  @ApiProperty() createdAt!: Date;
}

export class CreatedTenantView extends TenantView {
  @ApiProperty({ description: 'Where the Console sends its signed events, and the HMAC secret (shown once).' })
  consoleEvents!: { url: string; secret: string };
}
