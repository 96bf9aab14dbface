/**
 * The `gift` cloud function: 春节礼包 campaigns (admin), claims and vouchers (worker), on-the-spot
 * claims and live stock (station staff). Vouchers are redeemed through the staff scanner (`scan.ts`).
 */
import { giftSchemas, type GiftActions } from '../../../types/api/gift';
import { defineActions } from '../../lib/router';
import { createCampaign, listCampaigns, moveStock, setPaused, updateCampaign } from './admin';
import { onSpotClaim, onSpotLookup, stationStock } from './staff';
import { runExpirySweep } from './sweep';
import { cancelClaim, claim, getCampaign, getVoucher, myVouchers, voucherCode } from './worker';

export const giftActions = defineActions<GiftActions>({
  createCampaign: { input: giftSchemas.createCampaign, access: ['admin'], mutating: true, handler: createCampaign },
  updateCampaign: { input: giftSchemas.updateCampaign, access: ['admin'], mutating: true, handler: updateCampaign },
  setPaused: { input: giftSchemas.setPaused, access: ['admin'], mutating: true, handler: setPaused },
  moveStock: { input: giftSchemas.moveStock, access: ['admin'], mutating: true, handler: moveStock },
  listCampaigns: { input: giftSchemas.listCampaigns, access: ['admin'], handler: (ctx) => listCampaigns(ctx) },
  expireSweep: {
    input: giftSchemas.expireSweep,
    access: ['admin'],
    mutating: true,
    handler: (ctx) => runExpirySweep(ctx),
  },
  getCampaign: { input: giftSchemas.getCampaign, access: 'signedIn', handler: getCampaign },
  claim: { input: giftSchemas.claim, access: 'signedIn', mutating: true, handler: claim },
  myVouchers: { input: giftSchemas.myVouchers, access: 'signedIn', handler: (ctx) => myVouchers(ctx) },
  getVoucher: { input: giftSchemas.getVoucher, access: 'signedIn', handler: getVoucher },
  voucherCode: { input: giftSchemas.voucherCode, access: 'signedIn', handler: voucherCode },
  cancelClaim: { input: giftSchemas.cancelClaim, access: 'signedIn', mutating: true, handler: cancelClaim },
  stationStock: { input: giftSchemas.stationStock, access: ['staff', 'admin'], handler: stationStock },
  onSpotLookup: { input: giftSchemas.onSpotLookup, access: ['staff', 'admin'], handler: onSpotLookup },
  onSpotClaim: { input: giftSchemas.onSpotClaim, access: ['staff', 'admin'], mutating: true, handler: onSpotClaim },
});

export { runExpirySweep } from './sweep';
export { voucherScan } from './scan';
