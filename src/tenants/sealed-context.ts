/** Additional authenticated data binding each sealed secret to its row and purpose. */
export const sealedContext = {
  consoleLogin: (tenantId: string) => `tenant:${tenantId}:console-login`,
  consolePassword: (tenantId: string) => `tenant:${tenantId}:console-password`,
  haloClientSecret: (integrationId: string) => `integration:${integrationId}:halo-client-secret`,
};
