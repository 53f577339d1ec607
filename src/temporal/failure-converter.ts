import { DefaultFailureConverter, PayloadConverter, ProtoFailure, SerializationContext } from '@temporalio/common';

/**
 * Failure messages and stack traces travel as an encoded payload (`encodedAttributes`), so the
 * payload codec encrypts them too. The clear `message` left in their place names the failure's
 * kind (its type, as Temporal already shows it) instead of the SDK's bare "Encoded failure", so a
 * failure reads in Temporal's lists and summaries; its text is in the decoded attributes.
 * Loaded by path (`failureConverterPath`): by clients, by the worker, and inside the workflow
 * bundle, so this file must stay workflow-safe (no Node built-ins).
 */
class KindLabelledFailureConverter extends DefaultFailureConverter {
  override errorToFailure(err: unknown, payloadConverter: PayloadConverter, context?: SerializationContext): ProtoFailure {
    const failure = super.errorToFailure(err, payloadConverter, context);
    if (failure.encodedAttributes) failure.message = `${kindOf(failure)} (message encrypted: decode it with the codec endpoint)`;
    return failure;
  }
}

function kindOf(failure: ProtoFailure): string {
  if (failure.applicationFailureInfo?.type) return failure.applicationFailureInfo.type;
  if (failure.activityFailureInfo) return `activity ${failure.activityFailureInfo.activityType?.name ?? '(unnamed)'} failed`;
  if (failure.timeoutFailureInfo) return 'timeout';
  if (failure.canceledFailureInfo) return 'cancelled';
  if (failure.terminatedFailureInfo) return 'terminated';
  return 'failure';
}

export const failureConverter = new KindLabelledFailureConverter({ encodeCommonAttributes: true });
