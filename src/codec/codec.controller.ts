import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Inject, Post, Res, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PayloadCodec } from '@temporalio/common';
import { Response } from 'express';
import { z } from 'zod';
import { ApiConfig } from '../config/app-config';
import { ApiErrorAnswers } from '../http/openapi/error-answers';
import { OperatorTokenAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { constantTimeEqual } from '../security/api-keys';
import { PAYLOAD_CODEC } from '../temporal/temporal.module';
import { PayloadDecryptionError } from './aes-gcm-payload-codec';
import { codecSessionAnswer, payloadsAnswer } from './codec.answers';
import { CodecAuthGuard } from './codec-auth.guard';
import { CODEC_PAGE_HEADERS, codecLoginPage, codecSignedInPage } from './codec-login-page';
import { CODEC_SESSION_COOKIE, CODEC_SESSION_TTL_MS, issueCodecSession } from './codec-session';
import { convertPayloadsJson, JsonPayloads, RemoteCodecRequestError } from './remote-codec-protocol';

const loginBody = z.object({ token: z.string().max(1_000) });

/**
 * Temporal's remote codec endpoint (`POST /codec/encode`, `POST /codec/decode`), for operators:
 * the Temporal UI and `temporal … --codec-endpoint <api>/codec --codec-auth "Bearer <token>"`
 * show histories in clear through it. `/codec/login` opens a cookie session for the UI.
 */
@ApiTags('operators')
@Controller('codec')
export class CodecController {
  constructor(
    @Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  @Post('decode')
  @HttpCode(200)
  @UseGuards(CodecAuthGuard)
  @OperatorTokenAuth()
  @ApiOperation({ summary: "Temporal remote codec: decrypt payloads ({payloads: [{metadata, data}]}, base64 proto JSON); others pass through. The /codec/login session cookie stands for the token." })
  @ApiAnswer(200, payloadsAnswer, 'The decoded payloads, in the same order.')
  @ApiErrorAnswers({ 400: 'The body is not Payloads JSON, or a payload fails to decrypt.' })
  decode(@Body() body: unknown): Promise<JsonPayloads> {
    return this.convert('decode', body);
  }

  @Post('encode')
  @HttpCode(200)
  @UseGuards(CodecAuthGuard)
  @OperatorTokenAuth()
  @ApiOperation({ summary: 'Temporal remote codec: encrypt payloads with the active key (what the UI sends when it starts or signals a workflow).' })
  @ApiAnswer(200, payloadsAnswer, 'The encoded payloads, in the same order.')
  @ApiErrorAnswers({ 400: 'The body is not Payloads JSON.' })
  encode(@Body() body: unknown): Promise<JsonPayloads> {
    return this.convert('encode', body);
  }

  @Get('login')
  @ApiOperation({ summary: 'A page where an operator opens a codec session (cookie) for the Temporal UI.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The sign-in page (HTML).' })
  loginPage(@Res() response: Response): void {
    response.status(200).set(CODEC_PAGE_HEADERS).send(codecLoginPage());
  }

  @Post('login')
  @ApiOperation({ summary: 'Open a codec session for the Temporal UI with the operator token (form field or JSON "token"); sets an HttpOnly cookie.' })
  @ApiAnswer(200, codecSessionAnswer, 'Signed in: the session cookie is set (a form post gets a page saying so).')
  @ApiErrorAnswers({ 401: 'That is not the operator token (a form post gets the page again, saying so).' })
  login(@Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Res() response: Response): void {
    const html = (contentType ?? '').startsWith('application/x-www-form-urlencoded');
    const parsed = loginBody.safeParse(body);
    const operatorToken = this.config.get('operator', { infer: true }).token;
    if (!parsed.success || !constantTimeEqual(parsed.data.token.trim(), operatorToken)) {
      const message = 'That is not the operator token.';
      if (html) response.status(401).set(CODEC_PAGE_HEADERS).send(codecLoginPage(message));
      else response.status(401).json({ statusCode: 401, message });
      return;
    }
    const session = issueCodecSession(operatorToken, new Date());
    const baseUrl = this.config.get('publicUrl', { infer: true }).baseUrl;
    response.cookie(CODEC_SESSION_COOKIE, session.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: baseUrl.startsWith('https:'),
      path: '/codec',
      maxAge: CODEC_SESSION_TTL_MS,
    });
    if (html) response.status(200).set(CODEC_PAGE_HEADERS).send(codecSignedInPage(`${baseUrl}/codec`, session.expiresAt));
    else response.status(200).json({ expiresAt: session.expiresAt.toISOString() });
  }

  @Post('logout')
  @ApiOperation({ summary: 'End the codec session of this browser.' })
  @ApiNoContentResponse({ description: 'Signed out (a form post gets the sign-in page, 200).' })
  logout(@Headers('content-type') contentType: string | undefined, @Res() response: Response): void {
    response.clearCookie(CODEC_SESSION_COOKIE, { path: '/codec' });
    if ((contentType ?? '').startsWith('application/x-www-form-urlencoded')) response.status(200).set(CODEC_PAGE_HEADERS).send(codecLoginPage());
    else response.status(204).end();
  }

  private async convert(direction: 'encode' | 'decode', body: unknown): Promise<JsonPayloads> {
    try {
      return await convertPayloadsJson(this.codec, direction, body);
    } catch (error) {
      if (error instanceof RemoteCodecRequestError || error instanceof PayloadDecryptionError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
