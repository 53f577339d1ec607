import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { PageSessionController } from './page-session.controller';
import { SettingsPageController } from './settings-page.controller';
import { SignInLinksService } from './sign-in-links.service';

/** Settings > Integrations > HaloPSA: the page, and its sign-in with an API key. */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  controllers: [SettingsPageController, PageSessionController],
  providers: [SignInLinksService],
})
export class SettingsPageModule {}
