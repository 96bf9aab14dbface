/**
 * The `gift` cloud function: 春节礼包 campaigns (admin), claims and vouchers (worker), on-the-spot
 * claims and live stock (station staff). Vouchers are redeemed through the staff scanner (`scan.ts`).
 */
import { giftContract, type GiftActions } from '../../../types/api/gift';
import { implement } from '../../lib/router';
import { createCampaign, listCampaigns, moveStock, setPaused, updateCampaign } from './admin';
import { onSpotClaim, onSpotLookup, stationStock } from './staff';
import { runExpirySweep } from './sweep';
import { cancelClaim, claim, getCampaign, getVoucher, myVouchers, voucherCode } from './worker';

export const giftActions = implement<GiftActions>(giftContract, {
  createCampaign,
  updateCampaign,
  setPaused,
  moveStock,
  listCampaigns: (ctx) => listCampaigns(ctx),
  expireSweep: (ctx) => runExpirySweep(ctx),
  getCampaign,
  claim,
  myVouchers: (ctx) => myVouchers(ctx),
  getVoucher,
  voucherCode,
  cancelClaim,
  stationStock,
  onSpotLookup,
  onSpotClaim,
});

export { runExpirySweep } from './sweep';
export { voucherScan } from './scan';
