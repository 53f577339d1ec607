import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RawBodyRequest } from '@nestjs/common';
import { Request } from 'express';
import { ConsoleEventsService } from './console-events.service';

/** Where the Console sends its signed events (console-api.md section 4). */
@ApiTags('console events')
@Controller('api/v1/console-events')
export class ConsoleEventsController {
  constructor(private readonly events: ConsoleEventsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'A signed Console event (X-Console-Timestamp, X-Console-Signature: sha256=HMAC(secret, "<ts>.<body>")); duplicates ignored.' })
  @ApiAcceptedResponse({ description: 'Accepted (or already seen); the sync follows within seconds.' })
  @ApiConflictResponse({ description: 'Push is off for the integration (sync settings pushEvents); the Console is polled instead.' })
  receive(@Query('account') account: string | undefined, @Req() request: RawBodyRequest<Request>): Promise<{ accepted: boolean; duplicate: boolean }> {
    return this.events.receive(account, request.headers, request.rawBody);
  }
}
