import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { RemovalController } from './removal.controller';
import { RemovalService } from './removal.service';

@Module({ imports: [TenantsModule], controllers: [RemovalController], providers: [RemovalService] })
export class RemovalModule {}
