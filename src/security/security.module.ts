import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SharedConfig } from '../config/app-config';
import { parseSecretKeys } from './key-ring';
import { PolicyFetch } from './policy-fetch';
import { SecretCipher } from './secret-cipher';
import { UrlPolicy } from './url-policy';

/** The secret cipher (keys from config), the outbound URL policy and the fetch that enforces it, for both processes. */
@Global()
@Module({
  providers: [
    {
      provide: SecretCipher,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SharedConfig, true>) => {
        const secrets = config.get('secrets', { infer: true });
        return new SecretCipher({ keys: parseSecretKeys(secrets.keys), activeKeyId: secrets.activeKeyId });
      },
    },
    {
      provide: UrlPolicy,
      inject: [ConfigService],
      useFactory: (config: ConfigService<SharedConfig, true>) =>
        new UrlPolicy({ allowedInsecureHosts: config.get('haloPolicy', { infer: true }).allowedInsecureHosts }),
    },
    { provide: PolicyFetch, inject: [UrlPolicy], useFactory: (policy: UrlPolicy) => new PolicyFetch(policy) },
  ],
  exports: [SecretCipher, UrlPolicy, PolicyFetch],
})
export class SecurityModule {}
