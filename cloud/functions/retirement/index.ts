import cloud from 'wx-server-sdk';
import { createMain } from '../../lib/entry';
import { retirementActions } from '../../domain/retirement';

export const main = createMain(cloud, 'retirement', retirementActions);
