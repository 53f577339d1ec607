import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Request, Response } from 'express';
import { Repository } from 'typeorm';
import { z } from 'zod';
import { ApiKeyGuard } from '../access/api-key.guard';
import { findCurrentApiKey } from '../access/current-api-key';
import { CurrentPrincipal, Principal } from '../access/principal';
import { readCookie } from '../codec/codec-session';
import { ApiConfig } from '../config/app-config';
import { ApiKeyAuth } from '../http/openapi/security-schemes';
import { ApiAnswer } from '../http/openapi/zod-answer';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { parseApiKey } from '../security/api-keys';
import { SecretCipher } from '../security/secret-cipher';
import { issuePageSession, openPageSession, PAGE_SESSION_COOKIE, PAGE_SESSION_TTL_MS, PageSession } from './page-session';
import { signInLinkAnswer } from './sign-in-link.answers';
import { SignInLinksService } from './sign-in-links.service';

const signInBody = z.object({ apiKey: z.string().max(1_000) });

/** Where a used, expired or unknown sign-in link lands: the page says so and asks for the key. */
export const SPENT_LINK_LANDING = '/settings?link=spent';

export interface PageSessionView {
  tenantId: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * The settings page's sign-in: an API key, or a one-time link asked for with one, traded for an
 * HttpOnly session cookie, so the page never keeps the key. The operator token is no API key and
 * opens nothing here. Only the link's creation is in /docs: the rest is the browser's own plumbing
 * (docs/settings-page.md), like /connect.
 */
@ApiTags('settings page')
@Controller('settings')
export class PageSessionController {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly cipher: SecretCipher,
    private readonly config: ConfigService<ApiConfig, true>,
    private readonly links: SignInLinksService,
  ) {}

  /** Sign in to the settings page with an API key ({"apiKey": "hpk_…"}); sets an HttpOnly session cookie and answers its CSRF token. */
  @Post('session')
  @ApiExcludeEndpoint()
  @HttpCode(200)
  async signIn(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<PageSessionView> {
    const parsed = parseApiKey(signInBody.safeParse(body).data?.apiKey);
    const found = parsed && (await findCurrentApiKey(this.keys, parsed.key));
    if (!found) throw new UnauthorizedException('That is not a current API key of this service. Ask your operator for one (POST /api/v1/tenants/{id}/api-keys).');
    return view(this.openSession(response, { apiKeyId: found.id, tenantId: found.tenantId }));
  }

  @Post('sign-in-links')
  @UseGuards(ApiKeyGuard)
  @ApiKeyAuth()
  @ApiOperation({ summary: 'A one-time link (15 minutes) that signs this API key in to the settings page in a browser, e.g. for `npm run demo`.' })
  @ApiAnswer(201, signInLinkAnswer, 'The link, shown once.')
  async createSignInLink(@CurrentPrincipal() principal: Principal): Promise<{ url: string; expiresAt: string }> {
    const { token, expiresAt } = await this.links.create(principal.apiKeyId, new Date());
    return { url: `${this.config.get('publicUrl', { infer: true }).baseUrl}/settings/sign-in/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** Use a one-time sign-in link: opens a session and goes to the page; a used or expired link goes to the sign-in form. */
  @Get('sign-in/:token')
  @ApiExcludeEndpoint()
  async useSignInLink(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const key = await this.links.consume(token, new Date());
    if (key) this.openSession(response, key);
    response.set('Referrer-Policy', 'no-referrer').redirect(303, key ? '/settings' : SPENT_LINK_LANDING);
  }

  /** This browser's settings session: its tenant, CSRF token and end; 401 when there is none. */
  @Get('session')
  @ApiExcludeEndpoint()
  current(@Req() request: Request): PageSessionView {
    const session = openPageSession(this.cipher, readCookie(request.headers.cookie, PAGE_SESSION_COOKIE), new Date());
    if (!session) throw new UnauthorizedException('Sign in with your API key.');
    return view(session);
  }

  /** End the settings session of this browser (needs its CSRF token). */
  @Post('session/sign-out')
  @ApiExcludeEndpoint()
  @HttpCode(204)
  @UseGuards(ApiKeyGuard)
  signOut(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(PAGE_SESSION_COOKIE, this.cookieOptions());
  }

  private openSession(response: Response, key: { apiKeyId: string; tenantId: string }): PageSession {
    const { cookie, session } = issuePageSession(this.cipher, key, new Date());
    response.cookie(PAGE_SESSION_COOKIE, cookie, { ...this.cookieOptions(), maxAge: PAGE_SESSION_TTL_MS });
    return session;
  }

  private cookieOptions(): { httpOnly: true; sameSite: 'strict'; secure: boolean; path: string } {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.get('publicUrl', { infer: true }).baseUrl.startsWith('https:'), path: '/' };
  }
}

function view(session: PageSession): PageSessionView {
  return { tenantId: session.tenantId, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}
