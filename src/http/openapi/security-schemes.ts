import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, DocumentBuilder } from '@nestjs/swagger';
import { ApiErrorAnswers } from './error-answers';

type SecuritySchemeObject = NonNullable<Parameters<DocumentBuilder['addBearerAuth']>[0]>;

export const API_KEY_SCHEME = 'apiKey';
export const OPERATOR_TOKEN_SCHEME = 'operatorToken';

export const apiKeyScheme: SecuritySchemeObject = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'hpk_<prefix>_<secret>',
  description:
    'An API key bound to one Console administrator (`Authorization: Bearer hpk_<8 of a-z0-9>_<43 of base64url>`), made by an operator with POST /api/v1/tenants/{id}/api-keys. ' +
    "The settings page's session cookie stands for the key it was traded for; a change made with the cookie also needs the session's X-CSRF-Token.",
};

export const operatorTokenScheme: SecuritySchemeObject = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'OPERATOR_TOKEN',
  description: "The service operators' token, the API's OPERATOR_TOKEN setting, as `Authorization: Bearer <token>`. It is no API key: it opens no /api/v1/halopsa route.",
};

/** A route (or every route of a controller) for an MSP's administrator: ApiKeyGuard. */
export function ApiKeyAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(API_KEY_SCHEME), ApiErrorAnswers({ 401: 'No API key, an unknown or revoked one, or an ended settings session.' }));
}

/** A change that ConsoleRightsGuard lets through only for a Console administrator with "Users" and "PSA integration". */
export function ApiConsoleRightsNeeded(): MethodDecorator & ClassDecorator {
  return ApiErrorAnswers({
    403: 'The Console administrator of the key lacks "Users" or "PSA integration" (the message says which), or a settings-page change came without its CSRF token.',
  });
}

/** A route for the service's operators: OperatorGuard. */
export function OperatorTokenAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(OPERATOR_TOKEN_SCHEME), ApiErrorAnswers({ 401: 'No operator token, or a wrong one.' }));
}
