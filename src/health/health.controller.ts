import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { openApiSchemaOf } from '../http/openapi/zod-answer';
import { HealthReport } from './dependency-status';
import { healthAnswer } from './health.answers';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiResponse({ status: 200, description: 'PostgreSQL and Temporal both answer.', schema: openApiSchemaOf(healthAnswer) })
  @ApiResponse({ status: 503, description: 'PostgreSQL or Temporal does not answer; the body says which and why.', schema: openApiSchemaOf(healthAnswer) })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
