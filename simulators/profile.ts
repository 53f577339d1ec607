export type SimulatorProfile = 'default' | 'strict';
