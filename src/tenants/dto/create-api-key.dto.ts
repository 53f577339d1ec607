import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ description: 'AdminID of the Console administrator the key acts as.' })
  @IsString()
  @Length(1, 100)
  consoleAdministratorId!: string;

  @ApiPropertyOptional({ example: 'Console integrations screen' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  label?: string;
}

export class CreatedApiKeyView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Shown once: only its hash is kept.' }) apiKey!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty() consoleAdministratorId!: string;
}
