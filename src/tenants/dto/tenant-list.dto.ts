import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TenantView } from './create-tenant.dto';

export class TenantIntegrationSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'connecting, connected, failed, removing… (as GET /api/v1/halopsa answers).' }) state!: string;
  @ApiProperty() haloUrl!: string;
  @ApiPropertyOptional({ nullable: true }) connectedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) lastError!: string | null;
}

export class TenantListItem extends TenantView {
  @ApiPropertyOptional({ type: TenantIntegrationSummary, nullable: true, description: 'Null until HaloPSA is connected.' })
  integration!: TenantIntegrationSummary | null;
}

export class TenantPage {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [TenantListItem] }) items!: TenantListItem[];
}
