import { ApiErrorAnswers } from './openapi/error-answers';

/** The error answers VendorErrorFilter gives a route that calls HaloPSA or the Console. */
export function ApiVendorErrors(): MethodDecorator & ClassDecorator {
  return ApiErrorAnswers({
    422: 'HaloPSA or the Console refused the saved credentials or permissions: the message says which and what to fix.',
    502: 'HaloPSA or the Console did not answer as expected.',
    503: "HaloPSA's rate limit (or the product's share of it) is spent for now: try again after Retry-After.",
  });
}
