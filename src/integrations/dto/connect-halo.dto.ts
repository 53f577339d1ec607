import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class ConnectHaloDto {
  @ApiProperty({ example: 'https://acme.halopsa.com', description: "HaloPSA's URL (the resource server's base, without /api)." })
  @IsString()
  @MaxLength(2048)
  haloUrl!: string;

  @ApiPropertyOptional({ example: 'https://auth.halopsa.com', description: 'Authorisation server base, when it differs from haloUrl (hosted Halo).' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  authorisationUrl?: string;

  @ApiPropertyOptional({ example: 'acme', description: 'Tenant name, for Halo-hosted instances.' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'tenant may hold letters, digits, ".", "_" and "-" only (at most 100)' })
  tenant?: string;

  @ApiProperty({ description: "The API application's Client ID." })
  @IsString()
  @Length(1, 200)
  clientId!: string;

  @ApiProperty({ description: "The API application's Client Secret: stored encrypted, never returned.", writeOnly: true })
  @IsString()
  @Length(1, 500)
  clientSecret!: string;
}

export class SetupStartedView {
  @ApiProperty() integrationId!: string;
  @ApiProperty({ example: 'setup:8d1c…' }) workflowId!: string;
  @ApiProperty() runId!: string;
  @ApiProperty({ description: 'Whether the saved mappings were kept (same Halo instance).' }) mappingsKept!: boolean;
}
