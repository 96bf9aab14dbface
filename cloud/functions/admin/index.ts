import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { adminActions } from '../../domain/admin';

export const main = createMain(cloud, 'admin', adminActions);
