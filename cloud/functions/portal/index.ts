import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { portalActions } from '../../domain/portal';

export const main = createMain(cloud, 'portal', portalActions);
