import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { contestActions } from '../../domain/contest';

export const main = createMain(cloud, 'contest', contestActions);
