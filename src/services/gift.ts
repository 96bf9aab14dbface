import type { GiftActions } from '@contract/api/gift';
import { client } from './call';

const gift = client<GiftActions>('gift');
type In<K extends keyof GiftActions> = GiftActions[K]['input'];

/** 春节礼包: the worker's campaign and vouchers, the station's stock, the admin's campaign tools. */
export const giftService = {
  getCampaign: (campaignId?: string) => gift.query('getCampaign', campaignId ? { campaignId } : {}),
  claim: (input: In<'claim'>, requestId?: string) => gift.mutate('claim', input, requestId),
  myVouchers: () => gift.query('myVouchers', {}),
  getVoucher: (voucherId: string) => gift.query('getVoucher', { voucherId }),
  voucherCode: (voucherId: string) => gift.query('voucherCode', { voucherId }),
  cancelClaim: (voucherId: string, requestId?: string) => gift.mutate('cancelClaim', { voucherId }, requestId),
  stationStock: (input: In<'stationStock'>) => gift.query('stationStock', input),
  onSpotLookup: (input: In<'onSpotLookup'>) => gift.query('onSpotLookup', input),
  onSpotClaim: (input: In<'onSpotClaim'>, requestId?: string) => gift.mutate('onSpotClaim', input, requestId),
  listCampaigns: () => gift.query('listCampaigns', {}),
  createCampaign: (input: In<'createCampaign'>, requestId?: string) => gift.mutate('createCampaign', input, requestId),
  updateCampaign: (input: In<'updateCampaign'>, requestId?: string) => gift.mutate('updateCampaign', input, requestId),
  setPaused: (campaignId: string, paused: boolean, requestId?: string) =>
    gift.mutate('setPaused', { campaignId, paused }, requestId),
  moveStock: (input: In<'moveStock'>, requestId?: string) => gift.mutate('moveStock', input, requestId),
  expireSweep: (requestId?: string) => gift.mutate('expireSweep', {}, requestId),
};
