import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { purgeIdempotency } from '../../lib/idempotency';
import { memberActions } from '../../domain/member';

/** `purgeReplays` is the daily timer trigger in the deployed config.json. */
export const main = createMain(cloud, 'member', memberActions, { purgeReplays: purgeIdempotency });
