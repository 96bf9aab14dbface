import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { academyActions, sendReminders } from '../../domain/academy';

/** `sessionReminders` is the timer trigger in the deployed config.json (every hour, on the hour). */
export const main = createMain(cloud, 'academy', academyActions, { sessionReminders: sendReminders });
