import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { academyActions } from '../../domain/academy';

export const main = createMain(cloud, 'academy', academyActions);
