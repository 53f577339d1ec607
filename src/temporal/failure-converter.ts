import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces travel as an encoded payload (`encodedAttributes`), so the
 * payload codec encrypts them too. Loaded by path (`failureConverterPath`): by clients, by the
 * worker, and inside the workflow bundle, so this file must stay workflow-safe (no Node built-ins).
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
