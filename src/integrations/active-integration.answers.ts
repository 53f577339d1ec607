import { ApiErrorAnswers } from '../http/openapi/error-answers';

/** The error answers of a route that works on the tenant's integration (ActiveIntegrationService). */
export function ApiActiveIntegrationErrors(): MethodDecorator & ClassDecorator {
  return ApiErrorAnswers({
    404: 'HaloPSA is not connected yet: PUT /api/v1/halopsa/connection first.',
    409: 'The integration is being removed (reads stay open), or was removed.',
  });
}
