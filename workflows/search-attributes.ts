import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Opaque UUIDs on every product workflow, so operators can find runs by tenant and integration. */
export const TENANT_ID = defineSearchAttributeKey('TenantId', SearchAttributeType.KEYWORD);
export const INTEGRATION_ID = defineSearchAttributeKey('IntegrationId', SearchAttributeType.KEYWORD);

export const PRODUCT_SEARCH_ATTRIBUTES = [TENANT_ID, INTEGRATION_ID];
