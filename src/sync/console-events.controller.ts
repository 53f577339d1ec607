import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RawBodyRequest } from '@nestjs/common';
import { Request } from 'express';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { consoleEventAnswer } from './console-events.answers';
import { ConsoleEventsService } from './console-events.service';

/** Where the Console sends its signed events (console-api.md section 4). */
@ApiTags('console events')
@Controller('api/v1/console-events')
export class ConsoleEventsController {
  constructor(private readonly events: ConsoleEventsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'A signed Console event (X-Console-Timestamp, X-Console-Signature: sha256=HMAC(secret, "<ts>.<body>")); duplicates ignored.' })
  @ApiAnswer(202, consoleEventAnswer, 'Accepted (or already seen); the sync follows within seconds.')
  @ApiErrorAnswers({
    400: 'The body is not an event (the message says what is wrong).',
    401: 'Unknown account, or a missing, stale or wrong signature.',
    409: 'Push is off for the integration (sync settings pushEvents); the Console is polled instead.',
  })
  receive(@Query('account') account: string | undefined, @Req() request: RawBodyRequest<Request>): Promise<{ accepted: boolean; duplicate: boolean }> {
    return this.events.receive(account, request.headers, request.rawBody);
  }
}
