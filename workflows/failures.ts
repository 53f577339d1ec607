import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import type { ConsoleErrorKind } from '../src/console/console-errors';
import type { HaloErrorKind } from '../src/halo/halo-errors';

/** Failure types the workflows and activities share (ApplicationFailure `type`). */
export const FAILURE_TYPES = {
  /** The integration's row is gone (removed, or deleted by hand): the workflow ends. */
  integrationGone: 'IntegrationGone',
  haloUrlRefused: 'HaloUrlRefused',
  consoleUrlRefused: 'ConsoleUrlRefused',
  haloPermissionMissing: 'HaloPermissionMissing',
  setupFailed: 'SetupFailed',
  exportFailed: 'ExportFailed',
} as const;

/** A HaloPSA or Console error of this kind, as a failure type (`Halo_forbidden`, `Console_auth`). */
export const haloFailureType = (kind: HaloErrorKind): string => `Halo_${kind}`;
export const consoleFailureType = (kind: ConsoleErrorKind): string => `Console_${kind}`;

/** Credentials or rights gone, or HaloPSA's address now refused: syncs stop, and the integration says why. */
export const CREDENTIALS_REFUSED: ReadonlySet<string> = new Set([
  ...(['invalid_client', 'invalid_scope', 'bad_tenant', 'unauthorized', 'forbidden'] as const).map(haloFailureType),
  FAILURE_TYPES.haloUrlRefused,
]);

/** The application failure an activity failed with, if any. */
export function activityFailureCause(error: unknown): ApplicationFailure | undefined {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause : undefined;
}

/** What a person reads about a failed activity: its cause's message, else the error itself. */
export function failureReason(error: unknown): string {
  return error instanceof ActivityFailure && error.cause ? error.cause.message : String(error);
}
