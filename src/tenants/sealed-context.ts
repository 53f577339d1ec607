/** Additional authenticated data binding each sealed secret to its row and purpose. */
export const sealedContext = {
  consoleLogin: (tenantId: string) => `tenant:${tenantId}:console-login`,
  consolePassword: (tenantId: string) => `tenant:${tenantId}:console-password`,
  consoleEventSecret: (tenantId: string) => `tenant:${tenantId}:console-event-secret`,
  haloClientSecret: (integrationId: string) => `integration:${integrationId}:halo-client-secret`,
};
