import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Request, Response } from 'express';
import { IsNull, Repository } from 'typeorm';
import { z } from 'zod';
import { ApiKeyGuard } from '../access/api-key.guard';
import { readCookie } from '../codec/codec-session';
import { ApiConfig } from '../config/app-config';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { hashApiKey, parseApiKey } from '../security/api-keys';
import { SecretCipher } from '../security/secret-cipher';
import { issuePageSession, openPageSession, PAGE_SESSION_COOKIE, PAGE_SESSION_TTL_MS, PageSession } from './page-session';

const signInBody = z.object({ apiKey: z.string().max(1_000) });

export interface PageSessionView {
  tenantId: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * The settings page's sign-in: an API key traded for an HttpOnly session cookie, so the page never
 * keeps the key. The operator token is no API key and opens nothing here.
 */
@ApiTags('settings page')
@Controller('settings/session')
export class PageSessionController {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly cipher: SecretCipher,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the settings page with an API key ({"apiKey": "hpk_…"}); sets an HttpOnly session cookie and answers its CSRF token.' })
  async signIn(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<PageSessionView> {
    const parsed = parseApiKey(signInBody.safeParse(body).data?.apiKey);
    const found = parsed && (await this.keys.findOne({ where: { keyHash: hashApiKey(parsed.key), revokedAt: IsNull() } }));
    if (!found) throw new UnauthorizedException('That is not a current API key of this service. Ask your operator for one (POST /api/v1/tenants/{id}/api-keys).');
    const { cookie, session } = issuePageSession(this.cipher, { apiKeyId: found.id, tenantId: found.tenantId }, new Date());
    response.cookie(PAGE_SESSION_COOKIE, cookie, { ...this.cookieOptions(), maxAge: PAGE_SESSION_TTL_MS });
    return view(session);
  }

  @Get()
  @ApiOperation({ summary: "This browser's settings session: its tenant, CSRF token and end; 401 when there is none." })
  current(@Req() request: Request): PageSessionView {
    const session = openPageSession(this.cipher, readCookie(request.headers.cookie, PAGE_SESSION_COOKIE), new Date());
    if (!session) throw new UnauthorizedException('Sign in with your API key.');
    return view(session);
  }

  @Post('sign-out')
  @HttpCode(204)
  @UseGuards(ApiKeyGuard)
  @ApiOperation({ summary: 'End the settings session of this browser (needs its CSRF token).' })
  signOut(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(PAGE_SESSION_COOKIE, this.cookieOptions());
  }

  private cookieOptions(): { httpOnly: true; sameSite: 'strict'; secure: boolean; path: string } {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.get('publicUrl', { infer: true }).baseUrl.startsWith('https:'), path: '/' };
  }
}

function view(session: PageSession): PageSessionView {
  return { tenantId: session.tenantId, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}
