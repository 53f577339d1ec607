import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityDependencies } from '../../activities';
import { IntegrationHaloClientFactory } from '../integrations/integration-halo-client';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { UrlPolicy } from '../security/url-policy';

/** Activities' dependencies, taken from the worker's Nest container. */
export function activityDependencies(app: INestApplicationContext, publicBaseUrl: string): ActivityDependencies {
  return {
    integrations: app.get(getRepositoryToken(IntegrationEntity)),
    haloClients: app.get(IntegrationHaloClientFactory),
    dataSource: app.get(DataSource),
    urlPolicy: app.get(UrlPolicy),
    publicBaseUrl,
    now: () => new Date(),
  };
}
