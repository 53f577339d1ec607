import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ASSET_NAME, SETTINGS_SCRIPTS_DIR, SETTINGS_STATIC_DIR } from './settings-assets';
import { SETTINGS_PAGE_HEADERS } from './settings-page-headers';

/** Settings > Integrations > HaloPSA: the page and its assets, all served from here (no CDN). */
@ApiExcludeController()
@Controller('settings')
export class SettingsPageController {
  @Get()
  page(@Res() response: Response): void {
    response.set(SETTINGS_PAGE_HEADERS).sendFile('index.html', { root: SETTINGS_STATIC_DIR });
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() response: Response): void {
    const match = ASSET_NAME.exec(name);
    if (!match) throw new NotFoundException('No such asset of the settings page.');
    const root = match[1] === 'js' ? SETTINGS_SCRIPTS_DIR : SETTINGS_STATIC_DIR;
    response.set(SETTINGS_PAGE_HEADERS).sendFile(name, { root }, (error) => {
      if (error && !response.headersSent) response.status(404).json({ statusCode: 404, message: 'No such asset of the settings page.' });
    });
  }
}
