import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { giftActions, runExpirySweep } from '../../domain/gift';

/** `expirySweep` is the timer trigger in the deployed config.json (every 15 minutes). */
export const main = createMain(cloud, 'gift', giftActions, { expirySweep: runExpirySweep });
