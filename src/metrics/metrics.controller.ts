import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Registry } from 'prom-client';

/**
 * Prometheus scrape endpoint (text format). Unauthenticated like `/health`: it carries no tenant
 * data, but a deployment that exposes the API publicly should keep `/metrics` to its network.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: Response): Promise<void> {
    const text = await this.registry.metrics();
    // Set as is: Express's send() would rewrite the parameters of the content type.
    res.status(200).setHeader('Content-Type', this.registry.contentType);
    res.end(text);
  }
}
