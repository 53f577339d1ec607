import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { TenantEntity } from '../persistence/entities/tenant.entity';
import { TenantsModule } from '../tenants/tenants.module';
import { ConnectController } from './connect.controller';
import { ConnectService } from './connect.service';

@Module({
  imports: [TypeOrmModule.forFeature([IntegrationEntity, ComputerLinkEntity, TenantEntity]), TenantsModule],
  controllers: [ConnectController],
  providers: [ConnectService],
})
export class ConnectModule {}
