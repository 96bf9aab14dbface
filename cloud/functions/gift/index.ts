import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { giftActions } from '../../domain/gift';

export const main = createMain(cloud, 'gift', giftActions);
