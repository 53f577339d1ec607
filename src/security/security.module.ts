import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SharedConfig } from '../config/app-config';
import { parseSecretKeys } from './key-ring';
import { SecretCipher } from './secret-cipher';
import { UrlPolicy } from './url-policy';

/** The secret cipher (keys from config) and the outbound URL policy, for both processes. */
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
  ],
  exports: [SecretCipher, UrlPolicy],
})
export class SecurityModule {}
