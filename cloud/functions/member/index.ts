import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { memberActions } from '../../domain/member';

export const main = createMain(cloud, 'member', memberActions);
