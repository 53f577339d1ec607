import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One Management Console account. Its API login and password are sealed by SecretCipher. */
@Entity('tenants')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** The Console API's base URL. */
  @Column('text', { name: 'console_url' })
  consoleUrl!: string;

  /** The Console's web console address, where "Connect to computer" leads (the API host is not it). */
  @Column('text', { name: 'console_web_url' })
  consoleWebUrl!: string;

  @Column('text', { name: 'console_login_sealed' })
  consoleLoginSealed!: string;

  @Column('text', { name: 'console_password_sealed' })
  consolePasswordSealed!: string;

  /** Opaque id in the Console's event URL (`/api/v1/console-events?account=`): names the tenant, proves nothing. */
  @Column('text', { name: 'event_account_id', nullable: true, unique: true })
  eventAccountId!: string | null;

  /** HMAC key the Console signs its events with, sealed. */
  @Column('text', { name: 'event_secret_sealed', nullable: true })
  eventSecretSealed!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
