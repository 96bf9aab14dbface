import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { checkinActions } from '../../domain/checkin';

export const main = createMain(cloud, 'checkin', checkinActions);
