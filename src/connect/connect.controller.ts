import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ConnectService } from './connect.service';
import { connectProblemPage } from './connect-page';

/** The URL of the "Connect to computer" button in HaloPSA: `/connect/{integrationToken}/{$ID}`. */
@ApiExcludeController()
@Controller('connect')
export class ConnectController {
  constructor(private readonly connect: ConnectService) {}

  @Get(':integrationToken/:assetId')
  async open(@Param('integrationToken') token: string, @Param('assetId', ParseIntPipe) assetId: number, @Res() res: Response): Promise<void> {
    const outcome = await this.connect.resolve(token, assetId);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if ('redirectTo' in outcome) {
      res.redirect(302, outcome.redirectTo);
      return;
    }
    res.status(outcome.status).type('html').send(connectProblemPage(outcome));
  }
}
