import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Console event already accepted: the same event id again is ignored. */
@Entity('console_events')
export class ConsoleEventEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('text', { name: 'event_id' })
  eventId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;
}
