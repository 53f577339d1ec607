import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { RemovalEntity } from '../persistence/entities/removal.entity';

/**
 * The tenant's integration for calls that work on it: 404 before a connection, 409 after removal,
 * and 409 during it, except for reads (`forReading`): computers and run history stay readable
 * while a removal waits for a person.
 */
@Injectable()
export class ActiveIntegrationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(tenantId: string, use: 'changing' | 'forReading' = 'changing'): Promise<IntegrationEntity> {
    const integration = await this.dataSource.manager.findOneBy(IntegrationEntity, { tenantId });
    if (integration?.state === 'removing' && use === 'changing') {
      throw new ConflictException('The HaloPSA integration is being removed: GET /api/v1/halopsa/removal shows its progress and what needs you.');
    }
    if (integration) return integration;
    const removal = await this.dataSource.manager.findOne(RemovalEntity, { where: { tenantId }, order: { startedAt: 'DESC' } });
    if (removal) {
      throw new ConflictException(`The HaloPSA integration was removed (${removal.finishedAt?.toISOString() ?? 'finishing'}): connect again with PUT /api/v1/halopsa/connection.`);
    }
    throw new NotFoundException('HaloPSA is not connected yet: PUT /api/v1/halopsa/connection first.');
  }
}
