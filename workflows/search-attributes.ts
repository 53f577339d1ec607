import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Opaque UUIDs on every product workflow, so operators can find runs by tenant and integration. */
export const TENANT_ID = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const INTEGRATION_ID = defineSearchAttributeKey('IntegrationId', SearchAttributeType.KEYWORD);

/**
 * On sync:<integrationId>: how its last run ended (completed, failed, skipped), so operators find
 * the integrations whose sync fails with a list query (`LastSyncRunState = "failed"`) instead of
 * opening histories: the runs fail, not the workflow, which keeps running.
 */
export const LAST_SYNC_RUN_STATE = defineSearchAttributeKey('LastSyncRunState', SearchAttributeType.KEYWORD);

export const PRODUCT_SEARCH_ATTRIBUTES = [TENANT_ID, INTEGRATION_ID, LAST_SYNC_RUN_STATE];
