import type { Migration } from 'kysely';
import * as foundation from './20261127T1700_foundation.ts';
import * as sync from './20261128T0900_sync.ts';
import * as fraud from './20261129T0900_fraud.ts';
import * as reviews from './20261130T0900_reviews.ts';
import * as network from './20261201T0900_network.ts';
import * as waiting from './20261202T0900_waiting.ts';

/**
 * Every migration, by name; names sort in the order they apply. Listed here rather than read
 * from the folder so they load through the same module system as the rest of the code.
 */
export const migrations: Record<string, Migration> = {
  '20261127T1700_foundation': foundation,
  '20261128T0900_sync': sync,
  '20261129T0900_fraud': fraud,
  '20261130T0900_reviews': reviews,
  '20261201T0900_network': network,
  '20261202T0900_waiting': waiting,
};
