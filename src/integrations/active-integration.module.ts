import { Global, Module } from '@nestjs/common';
import { ActiveIntegrationService } from './active-integration.service';

@Global()
@Module({ providers: [ActiveIntegrationService], exports: [ActiveIntegrationService] })
export class ActiveIntegrationModule {}
