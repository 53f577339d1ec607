import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One Management Console account. Its API login and password are sealed by SecretCipher. */
@Entity('tenants')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'console_url' })
  consoleUrl!: string;

  @Column('text', { name: 'console_login_sealed' })
  consoleLoginSealed!: string;

  @Column('text', { name: 'console_password_sealed' })
  consolePasswordSealed!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
